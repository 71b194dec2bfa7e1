#!/usr/bin/env bash
# Every shipped preset's bench files (STL and 3MF) and a house's model's, read by independent libraries.
#   tools/bench_files/run.sh ECRIN OUT      (ECRIN: the ecrin binary; OUT: a folder to write into)
# Needs the venv of requirements.txt beside this file (python3 -m venv venv && venv/bin/pip install -r requirements.txt).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
ecrin="$1" out="$2"
python="${PYTHON:-$here/venv/bin/python}"
mkdir -p "$out"
for preset in "$here"/../../presets/*.ron; do
  name="$(basename "$preset" .ron)"
  for ext in stl 3mf; do "$ecrin" export-model "$preset" -o "$out/$name.$ext" >/dev/null; done
done
# A house's model: the Rhino sample (Écrin's pavé solitaire as a house sends it), added and made into a design.
collection="$out/collection"
rm -rf "$collection"
"$ecrin" --collection "$collection" collection add "$here/../../assets/samples/house-ring-rhino.glb" --name "Solitaire Rhino" >/dev/null
"$ecrin" --collection "$collection" collection new-design solitaire-rhino -o "$out/house.ron" >/dev/null
for ext in stl 3mf; do "$ecrin" --collection "$collection" export-model "$out/house.ron" -o "$out/house.$ext" >/dev/null; done
"$python" "$here/verify.py" "$out"/*.stl "$out"/*.3mf

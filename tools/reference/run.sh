#!/usr/bin/env bash
# Every shipped preset under Studio and Boutique light: Écrin's scene exported, rendered by Mitsuba 3, compared.
# Usage: tools/reference/run.sh ECRIN_BINARY OUT_FOLDER [SAMPLES_PER_PIXEL] [SIZE]
# (run from the repository root; PYTHON names the interpreter of a venv with requirements.txt installed)
set -euo pipefail
binary=$1
out=$2
spp=${3:-128}
size=${4:-384}
python=${PYTHON:-python3}
mkdir -p "$out"
scenes=()
for preset in presets/*.ron; do
    for light in studio boutique; do
        scene="$out/$(basename "$preset" .ron)-$light"
        "$binary" export-scene "$preset" -o "$scene" --light "$light" --size "$size" > /dev/null 2>> "$out/export.log"
        scenes+=("$scene")
    done
done
"$python" tools/reference/reference.py --spp "$spp" "${scenes[@]}" > "$out/reports.jsonl"
"$python" tools/reference/table.py "$out/reports.jsonl" > "$out/table.md"
cat "$out/table.md"

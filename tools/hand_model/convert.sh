#!/usr/bin/env bash
# The hand landmark model for the try-on (issue 29), from a registry package, converted to ONNX:
#   tools/hand_model/convert.sh OUT
# Takes MediaPipe's Hand Landmarker model (Apache-2.0) from the `mediapipe` 0.10.14 wheel on PyPI — the last wheels
# that ship the .tflite files inside the package (1.x downloads them at run time) — and converts it with tflite2onnx.
# Needs the venv of requirements.txt beside this file (python3 -m venv venv && venv/bin/pip install -r requirements.txt)
# and pip's access to PyPI once, at development time; nothing is downloaded when Écrin builds or runs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$1"
python="${PYTHON:-$here/venv/bin/python}"
mkdir -p "$out/wheel"
"$python" -m pip download --no-deps "mediapipe==0.10.14" --python-version 3.11 --only-binary=:all: \
  --platform manylinux_2_17_x86_64 -d "$out/wheel" >/dev/null
wheel="$(ls "$out"/wheel/mediapipe-0.10.14-*.whl | head -1)"
"$python" - "$wheel" "$out" <<'PY'
import sys, zipfile
wheel, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z:
    for name in ["mediapipe/modules/hand_landmark/hand_landmark_full.tflite", "mediapipe-0.10.14.dist-info/LICENSE"]:
        matches = [n for n in z.namelist() if n == name or (name.endswith("LICENSE") and n.endswith("/LICENSE"))]
        for n in matches[:1]:
            open(f"{out}/{n.rsplit('/', 1)[1]}", "wb").write(z.read(n))
PY
"$(dirname "$python")/tflite2onnx" "$out/hand_landmark_full.tflite" "$out/hand_landmark_full.onnx" 2>&1 | grep -v float16 || true
sha256sum "$out/hand_landmark_full.tflite" "$out/hand_landmark_full.onnx"

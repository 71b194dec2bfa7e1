"""Runs the converted hand landmark model (onnxruntime, independent of Écrin) on pictures of a hand and prints, for
each, the hand's presence score, the handedness score and the 21 landmarks in the picture's pixels; with --draw, a
copy of each picture with its landmarks.

    python check.py hand_landmark_full.onnx picture.png [...] [--draw OUT_FOLDER]

The model takes the whole picture squeezed to 224×224 (RGB in 0–1, channels first after the conversion): a
picture where the hand fills most of the frame, as the studio's hand view renders it.
"""

import argparse
import json
import pathlib

import numpy
import onnxruntime
from PIL import Image, ImageDraw

SIDE = 224


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("pictures", nargs="+")
    parser.add_argument("--draw")
    args = parser.parse_args()
    session = onnxruntime.InferenceSession(args.model)
    name = session.get_inputs()[0].name
    for path in args.pictures:
        picture = Image.open(path).convert("RGB")
        small = picture.resize((SIDE, SIDE))
        tensor = (numpy.asarray(small).astype(numpy.float32) / 255.0).transpose(2, 0, 1)[None]
        landmarks, presence, handedness, _world = session.run(None, {name: tensor})
        scale = numpy.array([picture.width / SIDE, picture.height / SIDE])
        points = landmarks.reshape(21, 3)[:, :2] * scale
        line = {
            "picture": path,
            "presence": round(float(presence.ravel()[0]), 4),
            "handedness": round(float(handedness.ravel()[0]), 4),
            "landmarks_px": [[round(float(x), 1), round(float(y), 1)] for x, y in points],
        }
        print(json.dumps(line))
        if args.draw:
            drawn = picture.copy()
            pen = ImageDraw.Draw(drawn)
            radius = max(2, picture.width // 150)
            for x, y in points:
                pen.ellipse([x - radius, y - radius, x + radius, y + radius], fill=(255, 0, 0))
            folder = pathlib.Path(args.draw)
            folder.mkdir(parents=True, exist_ok=True)
            drawn.save(folder / pathlib.Path(path).name)


if __name__ == "__main__":
    main()

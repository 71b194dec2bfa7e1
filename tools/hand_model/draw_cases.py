"""Draws what `ecrin try-on-test --keep-pictures` found over its pictures: the landmarks found (red) and true
(green), the ring's centre found (red cross) and true (green circle), the finger's width found (red bar).

    python draw_cases.py OUT_FOLDER_OF_TRY_ON_TEST
"""

import json
import pathlib
import sys

from PIL import Image, ImageDraw


def main() -> None:
    folder = pathlib.Path(sys.argv[1])
    lines = [json.loads(line) for line in (folder / "cases.jsonl").read_text().splitlines()]
    pictures = sorted(folder.glob("[0-9][0-9][0-9]-*.png"))
    for line, path in zip(lines, pictures):
        picture = Image.open(path).convert("RGB")
        pen = ImageDraw.Draw(picture)
        for (x, y) in line["truth"]["landmarks"]:
            pen.ellipse([x - 3, y - 3, x + 3, y + 3], outline=(0, 255, 0))
        for (x, y) in line["landmarks"]:
            pen.ellipse([x - 2, y - 2, x + 2, y + 2], fill=(255, 0, 0))
        tx, ty = line["truth"]["ring_centre"]
        pen.ellipse([tx - 6, ty - 6, tx + 6, ty + 6], outline=(0, 255, 0), width=2)
        if line["ring_centre_px"]:
            x, y = line["ring_centre_px"]
            pen.line([x - 8, y, x + 8, y], fill=(255, 0, 0), width=2)
            pen.line([x, y - 8, x, y + 8], fill=(255, 0, 0), width=2)
        picture.save(folder / f"drawn-{path.name}")


if __name__ == "__main__":
    main()

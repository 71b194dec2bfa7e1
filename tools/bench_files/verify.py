"""The bench's files read by independent libraries, not by Écrin's own code: an STL by trimesh, a 3MF by the 3MF
Consortium's own lib3mf in strict mode (its warnings, its unit, its `IsManifoldAndOriented`), then by trimesh too.

For each metal file given (.stl or .3mf, as `ecrin export-model` writes them) and its stone list beside it, print one
JSON line: whether every part is watertight and consistently wound (trimesh's `is_watertight`,
`is_winding_consistent`), the volume in mm³ (and the weight it makes in the alloy given), the bounding box in mm,
and the stones listed. Exit 1 when a file is not a closed, consistently wound surface.

    python verify.py out/ring.stl out/ring.3mf

The list beside each file (`ring-stones.json`) says the volume Écrin's weight estimate uses, the alloys and the
weight the panel shows: the file's volume must be within 1 % of the estimate's, and for one alloy, volume × its
density within 1 % of the weight.
"""

import argparse
import json
import pathlib
import sys

import lib3mf
import numpy
import trimesh

UNITS = {0: "micron", 1: "millimeter", 2: "centimeter", 3: "inch", 4: "foot", 5: "meter"}


def load_3mf(path: pathlib.Path, line: dict) -> trimesh.Trimesh:
    """Read with lib3mf in strict mode; note its warnings, the unit and whether each object is manifold and oriented."""
    wrapper = lib3mf.get_wrapper()
    model = wrapper.CreateModel()
    reader = model.QueryReader("3mf")
    reader.SetStrictModeActive(True)
    reader.ReadFromFile(str(path))
    line["lib3mf_warnings"] = reader.GetWarningCount()
    line["unit"] = UNITS.get(model.GetUnit(), str(model.GetUnit()))
    vertices, faces, manifold = [], [], True
    objects = model.GetMeshObjects()
    while objects.MoveNext():
        mesh = objects.GetCurrentMeshObject()
        manifold &= bool(mesh.IsManifoldAndOriented())
        base = len(vertices)
        vertices += [list(v.Coordinates) for v in mesh.GetVertices()]
        faces += [[base + i for i in t.Indices] for t in mesh.GetTriangleIndices()]
    line["lib3mf_manifold_and_oriented"] = manifold
    return trimesh.Trimesh(numpy.array(vertices), numpy.array(faces), process=True)


def load(path: pathlib.Path, line: dict) -> trimesh.Trimesh:
    if path.suffix.lower() == ".3mf":
        return load_3mf(path, line)
    return trimesh.load(path, force="mesh", process=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+", type=pathlib.Path)
    args = parser.parse_args()
    failed = False
    for path in args.files:
        line = {"file": str(path)}
        mesh = load(path, line)
        parts = mesh.split(only_watertight=False)
        closed = all(part.is_watertight for part in parts)
        wound = all(part.is_winding_consistent for part in parts)
        # Each part's own volume, summed: parts touch and overlap as the weight estimate adds them.
        volume = float(sum(part.volume for part in parts))
        lo, hi = mesh.bounds
        line |= {
            "parts": len(parts),
            "triangles": int(len(mesh.faces)),
            "watertight": bool(closed),
            "winding_consistent": bool(wound),
            "volume_mm3": round(volume, 3),
            "size_mm": [round(float(v), 3) for v in (hi - lo)],
        }
        beside = path.with_name(path.stem + "-stones.json")
        if beside.exists():
            listed = json.loads(beside.read_text())
            metal, stones = listed["metal"], listed["stones"]
            line["volume_vs_estimate"] = round(volume / metal["volume_mm3"], 5)
            failed |= abs(volume / metal["volume_mm3"] - 1.0) > 0.01
            if metal["band_alloy"] == metal["head_alloy"]:
                grams = volume * metal["densities_g_cm3"][0] / 1000.0
                line["grams"] = round(grams, 4)
                line["grams_vs_panel"] = round(grams / metal["grams"], 5)
                failed |= abs(grams / metal["grams"] - 1.0) > 0.01
            line["stones"] = len(stones)
            line["carats"] = round(sum(s["carats"] for s in stones), 3)
        failed |= not (closed and wound) or not line.get("lib3mf_manifold_and_oriented", True)
        print(json.dumps(line))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Why Écrin's picture differs from the reference, measured: each figure swaps one thing between the two pictures and
says how much of the region's ΔE00 goes with it.

For a scene folder already compared by reference.py (it reads reference.png and ecrin.png there):
- noise: the reference against itself rendered with another seed — the path tracer's own noise at these samples;
- edges: Écrin against the reference with one pixel of give (each pixel's smallest ΔE00 to the reference's 3×3
  neighbours) — what sharp facet and highlight edges a fraction of a pixel apart cost (Écrin renders one sample
  per pixel, the reference averages the pixel's area);
- metal, light: Écrin against the metal lit as image-based light lights it — each surface reflecting the
  environment as if nothing else were there, through Mitsuba's BSDF (reference.Unoccluded) — and that picture
  against the reference: what Écrin's prefiltered environment costs, and what occlusion and the light passed
  between the parts (which image-based light leaves out) cost;
- metal, stones: Écrin against the metal rendered without the stones — what the stones' reflections in the metal
  and their shadows on it cost;
- stones, setting: Écrin against the stones rendered without the metal (reference.py --stones-alone), then with one
  pixel of give too — what the setting seen through and around the stone costs (Écrin's tracer sees the light
  environment only), then what is left at facet edges. (`Options(max_depth=…)` renders the stones with Écrin's
  bounce count, the diagnosis that found the light Écrin's tracer dropped after its last bounce.)

Usage: python diagnose.py SCENE_DIR… [--spp 128] [--light-spp 32] > reasons.jsonl
"""

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from PIL import Image

import reference
from reference import Options, delta_e, picture, region_figures, regions_of


def with_give(ecrin, reference_picture):
    """Each pixel's smallest ΔE00 to the reference within one pixel (edges at 1 px from the picture's border are
    compared in place)."""
    best = delta_e(ecrin, reference_picture)
    h, w = best.shape
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            if dx == 0 and dy == 0:
                continue
            shifted = reference_picture.copy()
            shifted[max(0, -dy) : h - max(0, dy), max(0, -dx) : w - max(0, dx)] = reference_picture[
                max(0, dy) : h - max(0, -dy), max(0, dx) : w - max(0, -dx)
            ]
            best = np.minimum(best, delta_e(ecrin, shifted))
    return best


def mean_in(delta, inside):
    return region_figures(delta, inside)["mean"] if inside.any() else None


def diagnose(scene_dir, spp, light_spp):
    camera = json.loads((scene_dir / "camera.json").read_text())
    ecrin = np.array(Image.open(scene_dir / camera["render"]).convert("RGB"))
    full = np.array(Image.open(scene_dir / "reference.png").convert("RGB"))
    regions = regions_of(scene_dir, camera)
    metal, stone = regions["metal"], regions["stone"]
    report = {"scene": str(scene_dir), "design": camera["design"], "light": camera["environment"]["name"]}
    against_full = delta_e(ecrin, full)
    report["metal"] = {"now": mean_in(against_full, metal)}
    report["stone"] = {"now": mean_in(against_full, stone)}

    again, _ = picture(scene_dir, spp, Options(seed=1))
    noise = delta_e(full, again)
    give = with_give(ecrin, full)
    for name, inside in (("metal", metal), ("stone", stone)):
        report[name]["noise"] = mean_in(noise, inside)
        report[name]["with_give"] = mean_in(give, inside)

    if metal.any():
        unoccluded, _ = picture(scene_dir, light_spp, Options(unoccluded=True))
        Image.fromarray(unoccluded).save(scene_dir / "reference-unoccluded.png")
        report["metal"]["against_unoccluded"] = mean_in(delta_e(ecrin, unoccluded), metal)
        report["metal"]["unoccluded_vs_reference"] = mean_in(delta_e(unoccluded, full), metal)
        alone, _ = picture(scene_dir, spp, Options(metal_alone=True))
        report["metal"]["against_metal_alone"] = mean_in(delta_e(ecrin, alone), metal)

    if stone.any():
        alone, _ = picture(scene_dir, spp, Options(stones_alone=True))
        Image.fromarray(alone).save(scene_dir / "reference-stones-alone.png")
        report["stone"]["against_stones_alone"] = mean_in(delta_e(ecrin, alone), stone)
        report["stone"]["with_give_stones_alone"] = mean_in(with_give(ecrin, alone), stone)
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenes", nargs="+", type=Path)
    parser.add_argument("--spp", type=int, default=128)
    parser.add_argument("--light-spp", type=int, default=32, help="samples for the unoccluded metal (a Python loop)")
    args = parser.parse_args()
    for scene in args.scenes:
        print(json.dumps(diagnose(scene, args.spp, args.light_spp)), flush=True)


if __name__ == "__main__":
    sys.exit(main())

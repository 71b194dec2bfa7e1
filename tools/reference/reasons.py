"""diagnose.py's figures as a Markdown table: for each scene, the metal's and the stones' mean ΔE00 as compared, then
with one cause of difference taken away at a time. Usage: python reasons.py reasons.jsonl"""

import json
import sys


def figure(value):
    return "—" if value is None else f"{value:.1f}"


def main(path):
    # Mitsuba writes its warnings to standard output too (a colour code may run into the next line): the figures are
    # the JSON objects.
    lines = open(path, encoding="utf-8").read().splitlines()
    reports = [json.loads(line[line.index('{"scene"') :]) for line in lines if '{"scene"' in line]
    print(
        "| design | light | metal | its noise | 1 px give | vs IBL unoccluded | unoccluded vs reference "
        "| stones | their noise | 1 px give | stones alone | stones alone, 1 px give |"
    )
    print("|---|---|" + "---|" * 10)
    for r in reports:
        m, s = r.get("metal", {}), r.get("stone", {})
        cells = [
            m.get("now"), m.get("noise"), m.get("with_give"), m.get("against_unoccluded"), m.get("unoccluded_vs_reference"),
            s.get("now"), s.get("noise"), s.get("with_give"), s.get("against_stones_alone"),
            s.get("with_give_stones_alone"),
        ]
        print(f"| {r['design']} | {r['light']} | " + " | ".join(figure(c) for c in cells) + " |")
    def mean(region, key):
        values = [r[region][key] for r in reports if r.get(region, {}).get(key) is not None]
        return sum(values) / len(values) if values else None, len(values)
    for region, keys in (
        ("metal", ("now", "noise", "with_give", "against_unoccluded", "unoccluded_vs_reference")),
        ("stone", ("now", "noise", "with_give", "against_stones_alone", "with_give_stones_alone")),
    ):
        line = ", ".join(f"{key} {figure(mean(region, key)[0])}" for key in keys)
        print(f"\n{region} (mean over {mean(region, 'now')[1]} scenes): {line}")


if __name__ == "__main__":
    main(sys.argv[1])

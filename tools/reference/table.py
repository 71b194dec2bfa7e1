"""The comparison's figures as a Markdown table: one line per scene, ΔE00 mean / 95th percentile per region, and
the goal each region has (metal ≤ 3, stones ≤ 6, background ≤ 1, mean). Usage: python table.py reports.jsonl"""

import json
import sys

GOALS = {"metal": 3.0, "stone": 6.0, "background": 1.0}


def cell(report, region):
    figures = report.get(region)
    if not figures:
        return "—"
    mark = "" if region not in GOALS or figures["mean"] <= GOALS[region] else " ✗"
    return f"{figures['mean']:.1f} / {figures['p95']:.1f}{mark}"


def main(path):
    reports = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    print("| design | light | metal | stones | background | support |")
    print("|---|---|---|---|---|---|")
    for r in reports:
        regions = [cell(r, name) for name in ("metal", "stone", "background", "support")]
        print(f"| {r['design']} | {r['light']} | " + " | ".join(regions) + " |")
    for region, goal in GOALS.items():
        means = [r[region]["mean"] for r in reports if region in r]
        if means:
            met = sum(m <= goal for m in means)
            print(f"\n{region}: mean ΔE00 {sum(means) / len(means):.2f} over {len(means)} scenes; ≤ {goal}: {met} of {len(means)}")


if __name__ == "__main__":
    main(sys.argv[1])

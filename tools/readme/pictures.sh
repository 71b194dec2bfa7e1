#!/usr/bin/env bash
# The README's pictures of the look, made again after a change of it: alloys, finishes, environments, the face-up
# arrows and light maps. Usage (from the repository root): tools/readme/pictures.sh ECRIN_BINARY
# Needs ImageMagick (convert). The reference picture comes from tools/reference/run.sh (see README).
set -euo pipefail
ecrin=$1
out=assets/readme
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
variant() { # name, sed expression on the classic solitaire
    sed "$2" presets/classic-solitaire.ron > "$work/$1.ron"
}
render() { "$ecrin" render "$@" > /dev/null 2>> "$work/log"; }

alloys=(Yellow18k Yellow14k Yellow9ct Rose18k Rose14k White18k White14k Platinum950 Palladium950 Sterling925)
for alloy in "${alloys[@]}"; do
    variant "$alloy" "s/alloy: Yellow18k/alloy: $alloy/"
    render "$work/$alloy.ron" -o "$work/alloy-$alloy.png" --size 240 --closeup
done
convert "$work"/alloy-{Yellow18k,Yellow14k,Yellow9ct,Rose18k,Rose14k}.png +append "$work/alloys-top.png"
convert "$work"/alloy-{White18k,White14k,Platinum950,Palladium950,Sterling925}.png +append "$work/alloys-bottom.png"
convert "$work/alloys-top.png" "$work/alloys-bottom.png" -append "$out/alloys.png"

for finish in Polished Satin Brushed Hammered; do
    variant "$finish" "s/finish: Polished/finish: $finish/"
    render "$work/$finish.ron" -o "$work/finish-$finish.png" --size 300 --closeup
done
convert "$work"/finish-{Polished,Satin,Brushed,Hammered}.png +append "$out/finishes.png"

for light in studio boutique daylight evening packshot; do
    render presets/classic-solitaire.ron -o "$work/light-$light.png" --size 300 --light "$light"
done
convert "$work"/light-{studio,boutique,daylight,evening,packshot}.png +append "$out/environments.png"

for preset in classic-solitaire two-tone-solitaire platinum-emerald-cut-bezel; do
    render "presets/$preset.ron" -o "$work/packshot-$preset.png" --size 360 --closeup --light packshot --supersample 2
done
convert "$work"/packshot-{classic-solitaire,two-tone-solitaire,platinum-emerald-cut-bezel}.png +append "$out/packshot.png"

render presets/classic-solitaire.ron -o "$work/top.png" --size 360 --closeup --views top
render presets/classic-solitaire.ron -o "$work/aset.png" --size 360 --views aset
convert "$work/top.png" \( "$work/aset.png" -background '#161412' -alpha remove \) +append "$out/arrows.png"

for preset in classic-solitaire ruby-oval-four-prong princess-lab-diamond platinum-emerald-cut-bezel; do
    render "presets/$preset.ron" -o "$work/map-$preset.png" --size 256 --views aset
done
convert "$work"/map-{classic-solitaire,ruby-oval-four-prong,princess-lab-diamond,platinum-emerald-cut-bezel}.png \
    -background '#161412' -alpha remove +append "$out/light-maps.png"
echo "written: $out/alloys.png finishes.png environments.png packshot.png arrows.png light-maps.png"

#!/usr/bin/env bash
# Usage: tools/careless/compare.sh BINARY — what a careless or hostile user did to Écrin (issue 32), against one
# binary: one line per case. Run it with the binary of a commit before the fixes and with today's to compare.
E=$1; W=$(mktemp -d); R=$(cd "$(dirname "$0")/../.." && pwd); S=$R/assets/samples; P=$R/presets/classic-solitaire.ron
export LANG=en_GB.UTF-8 XDG_RUNTIME_DIR=/tmp/xdg-cmp; mkdir -p $XDG_RUNTIME_DIR; chmod 700 $XDG_RUNTIME_DIR
# 1. remove through a hand-edited hash
mkdir -p $W/victim && echo keep > $W/victim/f; $E collection --collection $W/c1 add $S/web-stone.glb --name Lune >/dev/null 2>&1
sed -i 's/hash: "[0-9a-f]*"/hash: "..\/..\/victim"/; s/extension: "glb"/extension: "gltf"/' $W/c1/lune.ron
$E collection --collection $W/c1 remove lune >/dev/null 2>&1; echo "1 remove ../../victim: exit $?, victim $( [ -e $W/victim/f ] && echo kept || echo DELETED)"
# 2. racing adds, 10 trials
lost=0; for t in $(seq 10); do d=$W/race$t; ($E collection --collection $d add $S/web-stone.glb --name Lune >/dev/null 2>&1 &); $E collection --collection $d add $S/web-head.glb --name Lune >/dev/null 2>&1; sleep 1.5; n=$(ls $d/*.ron 2>/dev/null | wc -l); [ $n -ne 2 ] && lost=$((lost+1)); done; echo "2 racing adds: $lost of 10 trials lost a model"
# 4. pack --replace into a folder that is not a pack
mkdir -p $W/docs && echo mine > $W/docs/contrat.pdf; $E pack $P --out $W/docs --replace --size 32 --supersample 1 --turntable 0 >/dev/null 2>&1; echo "4 pack --replace non-pack: exit $?, user's file $( [ -e $W/docs/contrat.pdf ] && echo kept || echo DELETED)"
# 5. render -o a link
echo mine > $W/real.png; ln -s $W/real.png $W/link.png; $E render $P -o $W/link.png --size 32 >/dev/null 2>&1; echo "5 render -o link: exit $?, link $( [ -L $W/link.png ] && echo kept || echo REPLACED)"
# 8. mirrored model weight
python3 - "$S/house-ring-rhino.glb" "$W/mirrored.glb" <<'PY'
import json,struct,sys
b=open(sys.argv[1],'rb').read(); jl=struct.unpack('<I',b[12:16])[0]; j=json.loads(b[20:20+jl]); rest=b[20+jl:]
sc=j.get('scene',0); roots=j['scenes'][sc]['nodes']; j['nodes'].append({'name':'Mirror','scale':[-1,1,1],'children':roots}); j['scenes'][sc]['nodes']=[len(j['nodes'])-1]
t=json.dumps(j).encode(); t+=b' '*((4-len(t)%4)%4); out=struct.pack('<III',0x46546C67,2,12+8+len(t)+len(rest))+struct.pack('<I',len(t))+b'JSON'+t+rest
open(sys.argv[2],'wb').write(out)
PY
$E collection --collection $W/c8 add $W/mirrored.glb --name Miroir >/dev/null 2>&1; $E collection --collection $W/c8 new-design miroir -o $W/m.ron >/dev/null 2>&1
echo "8 mirrored: $($E --collection $W/c8 check $W/m.ron 2>&1 | grep -o '≈ [^,]*g' | head -1)"
# 9. NaN turn
$E collection --collection $W/c9 add $S/web-stone.glb --name Lune >/dev/null 2>&1; sed -i '0,/turn: (/s/turn: ((\([^,]*\)/turn: ((NaN/' $W/c9/lune.ron
$E collection --collection $W/c9 new-design lune -o $W/n.ron >/dev/null 2>&1; echo "9 NaN turn: new-design exit $?"
# 12. /dev/zero through a link
# (under a 4 GB address-space limit: a binary before the fix reads the device until memory runs out)
ln -s /dev/zero $W/zero.ron; (ulimit -v 4000000; /usr/bin/time -f "%M" -o $W/mem timeout 20 $E check $W/zero.ron >/dev/null 2>&1); echo "12 check link to /dev/zero: exit $?, peak $(tail -1 $W/mem) kB"
# names
$E collection --collection $W/cn add $S/web-stone.glb --name "" >/dev/null 2>$W/err; echo "name \"\": exit $?, $(head -c 80 $W/err)"
# BOM
printf '\xef\xbb\xbf' > $W/bom.ron; cat $P >> $W/bom.ron; $E check $W/bom.ron >/dev/null 2>&1; echo "BOM preset: exit $?"
sed "s/ring_size_mm: [0-9.]*/ring_size_mm: 37.999/" $P > $W/rs.ron; echo "ring 37.999: $($E check $W/rs.ron 2>&1 | grep -o 'ring size [^ ]* mm')"
rm -rf $W

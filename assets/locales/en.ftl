# Écrin — English. Every word a person reads comes from here (or fr.ftl); keys are the same in both files, with
# the same variables ($name). Numbers, weights, prices and dates arrive already formatted for the language.

## The design's vocabulary (key: kind-Value, the value's name in presets). `.short`: where a swatch has little room.

alloy-Yellow18k = 18k yellow gold
    .short = 18k yellow gold
alloy-White18k = 18k white gold
    .short = 18k white gold
alloy-Rose18k = 18k rose gold
    .short = 18k rose gold
alloy-Yellow14k = 14k yellow gold
    .short = 14k yellow gold
alloy-White14k = 14k white gold
    .short = 14k white gold
alloy-Rose14k = 14k rose gold
    .short = 14k rose gold
alloy-Yellow9ct = 9ct yellow gold
    .short = 9ct yellow gold
alloy-Platinum950 = Platinum 950
    .short = Platinum 950
alloy-Palladium950 = Palladium 950
    .short = Palladium 950
alloy-Sterling925 = Sterling silver 925
    .short = Silver 925

finish-Polished = Polished
finish-Satin = Satin
finish-Brushed = Brushed
finish-Hammered = Hammered

species-Diamond = Diamond
species-LabGrownDiamond = Lab-grown diamond
species-BlueSapphire = Blue sapphire
species-PinkSapphire = Pink sapphire
species-YellowSapphire = Yellow sapphire
species-Ruby = Ruby
species-Emerald = Emerald
species-Amethyst = Amethyst
species-Aquamarine = Aquamarine
species-Topaz = Topaz (London blue)
species-Tourmaline = Tourmaline (green)
species-Tanzanite = Tanzanite
species-Morganite = Morganite
species-Moissanite = Moissanite

cut-RoundBrilliant = Round brilliant
cut-Oval = Oval
cut-Cushion = Cushion
cut-Princess = Princess
cut-Emerald = Emerald
cut-Pear = Pear
cut-Marquise = Marquise
cut-Radiant = Radiant
cut-Asscher = Asscher
cut-Heart = Heart

setting-FourProng = 4 prongs
setting-SixProng = 6 prongs
setting-Bezel = Bezel
setting-Halo = Halo
setting-ThreeStone = Three stone
setting-DoubleHalo = Double halo
setting-HiddenHalo = Hidden halo

band-ComfortFit = Comfort fit
band-KnifeEdge = Knife edge
band-Twisted = Twisted
band-Pave = Pavé
band-Cathedral = Cathedral
band-Split = Split
band-Channel = Channel

chain-Cable = Cable
chain-Curb = Curb
chain-Box = Box
chain-Rope = Rope

pendant-None = No pendant
pendant-Solitaire = Solitaire
pendant-Halo = Halo
pendant-Drop = Drop

size-system-Eu = EU/FR
size-system-Us = US
size-system-Uk = UK
size-system-Jp = JP

falls-BaseOfNeck = at the base of the neck
falls-Collarbone = on the collarbone
falls-JustBelowCollarbone = just below the collarbone
falls-BelowCollarbone = below the collarbone
falls-Chest = on the chest

view-front = Front
view-side = Side
view-top = Top
view-three-quarter = Three-quarter
view-hand = On the hand
view-engraving = Engraving
view-aset = Light map (ASET)

## Units and figures ($value, $amount: already formatted).

# A weight or a price that could not be measured (never a negative or meaningless figure).
unit-unavailable = unavailable
unit-grams = { $value } g
unit-carats = { $value } ct
unit-mm = { $value } mm
unit-price = { $currency }{ $amount }

## The journal: who changed what, as a jeweller says it.

who-advisor = advisor
who-client = client
who-ecrin = Écrin
change-proposed = proposed, within { $budget }: { $changes }
change-proposal-taken = took Écrin’s proposal
change-proposal-set-aside = set Écrin’s proposal aside
journal-line = { $time } { $who }: { $change }
journal-line-utc = { $time } UTC { $who }: { $change }
journal-undo = undo: { $change }
journal-redo = redo: { $change }
journal-in-variant = variant { $variant }: { $change }
change-name = name “{ $from }” → “{ $to }”
change-from-to = { $from } → { $to }
change-finish = { $from } → { $to } finish
change-head-same = head same as band
change-head-in = head in { $alloy }
change-side-species = side stones { $from } → { $to }
change-cut = { $from } → { $to } cut
change-stone-size = stone { $from } → { $to }
change-band = { $from } → { $to } band
change-ring-size = size { $from } → { $to } ({ $system })
change-engraving = engraving “{ $text }”
change-engraving-style = lettering { $from } → { $to }
change-size-measured-ring = ring size measured on screen: a ring of { $diameter } inner diameter
change-size-measured-strip = ring size measured with a paper strip: { $length } round the finger
change-variant-made = variant { $variant } made from variant { $from }
change-variant-removed = variant { $variant } removed
change-variant-count = { $from } variants → { $to }
change-made-main = variant { $variant } made the main design
change-favourite = variant { $variant } is the favourite
change-no-favourite = no favourite
piece-ring = ring
piece-necklace = { $chain } necklace, { $length } cm, { $pendant }
has-finish = { $finish } finish
has-side-species = { $species } side stones
has-cut = { $cut } cut
has-band = { $band } band
has-ring-size = size { $size } ({ $system })

## The approval sheet and the board picture (the client's language).

spec-design = Design
spec-client = Client
spec-metal = Metal
spec-model = Model
spec-centre-stone = Centre stone
spec-setting = Setting
spec-band = Band
spec-chain = Chain
spec-pendant = Pendant
spec-small-diamonds = Small diamonds
spec-side-stones = Side stones
spec-ring-size = Ring size
spec-engraving = Engraving
spec-metal-weight = Metal weight
spec-price = Price
spec-date = Date
spec-fingerprint = Fingerprint
spec-proposals = Écrin’s proposals
spec-proposal-taken = taken by the { $who }: { $changes } (proposed within { $budget })
spec-metal-value = { $alloy }, { $finish }
spec-head-in = { $metal }; head in { $alloy }
spec-stone-value = { $species } { $cut }, { $size }, ≈ { $carats }
spec-model-value = { $name } (the house's collection)
spec-chain-value = { $chain }, { $length } cm (falls { $falls })
spec-pendant-value = { $pendant }: { $stone }
spec-small-value = { $count -> 
    [one] 1 stone ({ $species }), ≈ { $carats }
   *[other] { $count } stones ({ $species }), ≈ { $carats } in all
}
spec-ring-size-other = { $system } { $size } ({ $eu })
spec-engraving-value = “{ $text }” in { $style }
spec-no-engraving = —
spec-weight-value = ≈ { $weight } (estimate)
spec-weight-unavailable = weight unavailable (the model is not a closed solid)
spec-price-value = { $price } (estimate)
spec-price-on-request = on request ({ $reason })
sheet-title = Design for approval
sheet-story = How the design was reached
sheet-story-earlier = … and { $count ->
    [one] one earlier change
   *[other] { $shown } earlier changes
}
sheet-approved-by = Approved by the client
sheet-signature-date = Date
sheet-small-print = Weights and prices are estimates from the design; the workshop confirms them before making. The fingerprint identifies this exact design in the preset saved with this sheet.
board-reference = the reference
board-metal = { $weight } of metal
board-metal-difference = { $weight } of metal ({ $difference })
board-weight-unavailable = weight unavailable (not a closed solid)

## The approval pack's files (the client's language) and its progress (the advisor's).

file-sheet = approval-sheet
file-try-on = on-the-hand
file-turntable = turntable
file-turntable-frames = turntable-frames
file-view-front = front
file-view-side = side
file-view-top = top
file-view-three-quarter = three-quarter
file-view-hand = hand
file-view-engraving = engraving
file-view-aset = light-map
file-board = board
folder-approvals = Écrin approvals
pack-step-view = { $view } view
pack-step-turntable = turntable frame { $frame }/{ $frames }
pack-step-sheet = approval sheet
pack-step-finishing = finishing
pack-step-starting = starting
pack-step-cancelling = cancelling…

## The design panel (the advisor's language).

panel-design-name = Design name
panel-model = Model
panel-model-value = { $name } — the house's collection
panel-model-hover = Its band, head and stones are the house's; metal, centre stone, size and engraving change
panel-metal = Metal
panel-head = Head
panel-head-same = Same as band
panel-head-hover = Two-tone: a different metal for the head, e.g. white gold prongs on a yellow band
panel-weight-ring = ≈ { $total } of metal (band { $band }, head { $head })
panel-weight-necklace = ≈ { $total } of metal (chain { $band }, pendant { $head })
panel-weighing = Weighing the model…
panel-weight-hover = Estimated from the model's volume at this ring size and the alloy's density
panel-weight-unavailable = Weight unavailable: the model is not a closed solid
panel-open-surfaces = Open surfaces: { $parts }
panel-stone = Stone
panel-no-centre-stone = This model has no centre stone
panel-stone-as-modelled = { $cut } { $size }  ·  { $carats } (as modelled)
panel-stone-dimensions = { $length } × { $width } × { $depth } mm  ·  { $carats }
panel-brilliance-fire = brilliance { $brilliance }  ·  fire { $fire }  ·  contrast { $contrast }
panel-brilliance-hover = Light return, fire and contrast of this cut in this stone, from Écrin's ray tracer: face-up, lit from above, the viewer blocking the light from behind them as in a gem lab's viewing box. Contrast is the share of the stone that shows the viewer's shadow: the dark pattern, arrows in a round brilliant
panel-target-weight = Target weight
panel-set-size = Set size
panel-length = length
panel-setting = Setting
panel-band = Band
panel-ring-size = Ring size
panel-size-eu-diameter = EU { $eu }  ·  Ø { $diameter }
panel-house-sizes = The house makes it in EU { $min } to { $max }
panel-engraving = Engraving
panel-engraving-hint = inside the band
panel-engraving-count = { $count }/{ $most } characters
panel-lettering = Letters
panel-engraving-too-long = Too long for size { $size } in { $style }: at most { $most } characters
panel-side-stones = Side stones
panel-side-stones-hover = The halo's, the shoulders' or the pavé's stones: diamonds, or coloured stones round the centre

## Languages and settings.

language-advisor-hover = The studio's language
language-client = Client's language
language-client-hover = The approval pack and the board picture are written in the client's language
settings-cannot-write = { $file }: cannot write the settings: { $reason }

## The studio's side panel.

studio-undo = Undo
studio-redo = Redo
studio-where-worn = Where will you wear it?
studio-view = View
studio-turntable = Turntable
studio-reset-view = Reset view
studio-bust = Bust
studio-estimate = Estimate
studio-price-cost = cost: metal { $metal } + stones { $stones } + setting { $setting } + making { $making }, × { $markup } markup
studio-no-prices = No prices: { $problem }
studio-no-price-list = No price list: weights only
studio-preparing = Preparing the studio
studio-loading-models = Loading the model library…
studio-compiling-shaders = Compiling shaders ({ $count } left)…
light-background = Background
background-velvet = Velvet
background-white = White
background-transparent = Transparent
light-Studio = Studio
light-Boutique = Boutique
light-Daylight = Daylight
light-Evening = Evening
light-Packshot = Packshot
piece-title = Piece
piece-choose-ring = Ring
piece-choose-necklace = Necklace
piece-chain = Chain
piece-length = Length
piece-falls = Falls { $falls }
piece-pendant = Pendant
unit-cm = { $value } cm
journal-title = Journal
journal-proposed-by = Proposed by
journal-advisor = Advisor
journal-client = Client
journal-keep-in-saves = Keep the journal in saved presets
journal-how-we-got-here = { $count ->
    [one] How we got here (1 change)
   *[other] How we got here ({ $count } changes)
}
journal-clear = Clear the journal
pack-title = Approval pack
pack-of-variant = Of the variant being edited ({ $which } of { $count })
pack-cancel = Cancel
pack-client = Client
pack-client-hint = optional, on the sheet
pack-include-journal = Include how the design was reached (journal)
pack-write = Write approval pack
pack-write-hover = Views, turntable, preset and a printable sheet, in Documents/{ $folder }

## The variants board.

variants-duplicate = Duplicate as a variant
variants-duplicate-hover = Copy this design next to it, then change the copy (up to { $most } side by side)
variants-compare = Compare presets…
variants-compare-hover = Open two to four presets side by side
variants-editing = Editing variant { $which } of { $count }
variants-exporting = Exporting the board…
variants-export = Export board picture
variants-export-hover = One labelled comparison picture of every variant, in the client's language, in Documents/Écrin approvals
tile-main-title = 1 · Main design · { $name }
tile-title = { $number } · { $name }
tile-same-as-main = same as the main design
tile-editing = Editing
tile-edit = Edit
tile-edit-hover = Change this variant in the panel
tile-favourite = Favourite
tile-favourite-hover = The client's favourite
tile-make-main = Make main
tile-make-main-hover = Make this the main design
tile-remove = Remove

## Presets and recovery.

presets-title = Presets
presets-open = Open…
presets-save = Save
presets-save-as = Save As…
presets-save-to-mine = Save to My presets
presets-samples = Boutique samples
presets-mine = My presets
presets-compare-tick = Compare
presets-compare-ticked = Compare the { $count } ticked side by side
recovery-title = Restore the last session?
recovery-what = Écrin was not closed properly. The last design, “{ $name }” ({ $alloy }, { $species } { $cut }), was kept.
recovery-variants-kept = It had { $count } variants side by side; they were kept too.
recovery-restore = Restore it
recovery-discard = Start afresh

## The house's collection and the import dialog.

model-kind-Ring = Ring
model-kind-Band = Band
model-kind-Head = Head
model-kind-Stone = Stone
seat-Centre = Centre
seat-Side = Side
seat-Melee = Melee
lettering-Script = Script
lettering-Serif = Serif
lettering-Block = Block capitals
collection-title = House collection
collection-add = Add to the collection…
collection-add-hover = A .glb or .gltf — or drop it on the window
collection-search = Search
collection-loading = Loading “{ $name }” { $percent } %
collection-cancel = Cancel
collection-cancel-hover = Stop loading the model; the design is kept
collection-open = Open “{ $name }”
collection-model-hover = { $file } · { $kind } · { $count ->
    [one] 1 stone
   *[other] { $count } stones
}
collection-remove-hover = Remove from the collection (designs keep their presets)
collection-empty = No model yet: add the house's own designs (.glb, .gltf)
collection-on = on
collection-combine = Set on the band
collection-combine-hover = One ring of the two, added to the collection
import-title = Add { $file } to the collection
import-name = Name
import-what = A { $kind } in { $units } (× { $scale } to mm)
import-what-inner = { $what } · inner Ø { $diameter }
import-part = Part
import-material = Material
import-is = Is
import-band-metal = Band metal
import-head-metal = Head metal
import-stones = Stones
import-leave-out = Leave out
import-centre-stone = Centre stone: { $cut }, { $size }
import-side-and-melee = { $side } side stones, { $melee } melee
import-add = Add to the collection
import-cancel = Cancel
import-house-allows = The house allows
import-ring-sizes = Ring sizes, EU
import-to = to
import-centre-from = Centre stone from
import-centre-species = Centre stones (none ticked: any)
import-stones-count = Stones ({ $count })
import-read-as = Read as
import-units-found = units found
import-inner-diameter = inner Ø
import-read-again = Read again
import-size-title = The size of { $file }
import-size-ask = Say what it is and its units, or a ring's inner diameter, and read it again:

## Errors a person reads (the file, the place, what is wrong).

error-at = { $file }:{ $line }:{ $column }: { $what }
error-in-file = { $file }: { $what }
error-cannot-read = cannot read: { $reason }
error-empty = the file is empty (expected a preset such as `(version: 7, design: (...))`)
error-too-large = { $size } bytes is too large for a preset (at most { $max } bytes)
error-not-utf8 = not UTF-8 text (byte { $byte }); presets are UTF-8 RON
error-no-version = no `version` field (expected `version: { $version }`)
error-version = version { $found } is not supported (this Écrin reads versions { $oldest }–{ $newest })
error-cannot-save = cannot save: { $reason }
error-not-makeable = not saved, the design is not makeable: { $reason }
error-stone-size = stone length { $value } is outside { $min } to { $max }
error-three-stone-size = stone length { $value } is too large for a three-stone ring (at most { $max }: the side stones would reach round the finger)
error-ring-size = ring size { $value } is outside EU { $min } to { $max } (inner circumference)
error-engraving-length = engraving: { $count } characters, at most { $max }
error-engraving-character = engraving: “{ $character }” cannot be engraved (letters, digits, spaces and . , ' & - + ♥ ∞ only)
error-name = the name must be 1 to { $max } printable characters
error-chain-length = chain length { $value } is outside { $min } to { $max }
error-carat = target weight: { $value } ct is not a positive number
error-variant-count = { $count } variants: the board holds 1 to { $max }
error-no-variant = variant { $variant } does not exist
error-last-variant = the last variant cannot be removed (it is the design)

## The status line.

status-opened = Opened “{ $name }” from { $file }
status-saved = Saved { $file }
status-opening = Opening { $file }…
status-saving = Saving { $file }…
status-disk-stopped = the preset's reading or writing stopped without a result
status-choose-where = Choose where to save this design (Save As…)
status-board-busy = A board picture is being made: wait for it
status-board-needs-two = The board needs two variants or more (Duplicate as a variant)
status-board-rendering = Rendering the board to { $file }…
status-board-written = Board written: { $file }
status-model-loading = Loading “{ $name }”…
status-not-convex = “{ $name }”: { $count } not convex, drawn with transmission instead of the gem tracer ({ $parts })
status-collection-adding = Adding { $file } to the collection…
status-collection-no-model = no model “{ $id }” in the collection
status-collection-combining = Setting the head on the band…
status-collection-removed = Removed “{ $name }” from the collection
status-collection-added = “{ $name }” is in the collection ({ $id })
status-collection-add-stopped = adding the model stopped without a result
status-cannot-create-folder = { $folder }: cannot create the folder: { $reason }
status-cannot-write = { $file }: cannot write: { $reason }
status-not-a-model = { $file }: not a model (.glb, .gltf) or a preset (.ron)
status-checking = Checking { $file }…
status-analysis-stopped = the model's analysis stopped without a result
status-pack-busy = An approval pack is being written: wait for it, or cancel it
status-pack-writing = Writing the approval pack to { $folder }…
status-pack-written = Approval pack written: { $folder }
status-pack-cancelled = Approval pack cancelled; nothing was written
status-export-failed = the export failed ({ $code })
status-export-stopped = the export stopped: { $reason }

import-filter-models = glTF models
window-title = Écrin — jewellery studio
dialog-preset-filter = Écrin design
dialog-compare-title = Designs to compare (2 to 4)
loading-model-failed = { $file }: the model could not be loaded (regenerate the library with `ecrin generate-assets`)

## The house's rules and the collection's errors.

rule-ring-size = EU size { $size } is outside the sizes the house makes “{ $model }” in (EU { $min }–{ $max })
rule-centre-species = “{ $model }”: the house does not set a { $species } centre stone in it (it allows: { $allowed })
rule-centre-size-range = “{ $model }”: the house does not set a { $size } centre stone in it (it allows { $min } to { $max })
rule-centre-size-modelled = “{ $model }”: the house does not set a { $size } centre stone in it (only as modelled, { $modelled })
error-model-too-large = { $size } bytes, larger than the { $max } bytes a jewellery model can be
error-not-gltf = not a valid glTF file: { $reason }
error-glb-length = its header declares { $declared } bytes, the file has { $size }: not read
error-glb-undeclared = its binary chunk carries { $carried } bytes, its buffer declares { $declared }: not read
error-buffer = buffer { $index }: { $reason }
error-too-many-triangles = { $count } triangles, more than the { $max } a model may have
error-no-triangles = no triangles: nothing to show
error-nothing-known = no part is metal or stone: name the parts' materials, or choose in the import dialog
error-units = cannot tell the units: the model is { $extent } units across, which is no size for a { $kind }
error-units-unwearable = no unit makes this ring one someone can wear: its finger hole is { $inner } units across; give its inner diameter or its units
error-no-finger-hole = an inner diameter was given, but the model has no finger hole to measure (a head or a stone?)
error-given-diameter = an inner diameter of { $given } is no ring size (12.1 to 24.2 mm: EU 38 to 76)
error-given-scale = a scale of { $given } is no scale
error-no-part-named = no part is named “{ $name }” (its node, mesh or material)
error-model-not-found = no model “{ $id }” in the collection { $folder }: add its file to the collection again (Add to the collection…), or open the design with the folder that holds it (--collection); the design is kept as it is
error-model-changed = the model “{ $name }” ({ $id }) has changed since this design was made (its file is not the one the design names): add the new file to the collection and make the design again; the design is kept as it is
error-not-a-model = not a glTF model (.glb or .gltf)
error-loading-cancelled = loading the model “{ $name }” was cancelled; the design is kept, open it again to show the model
error-cannot-combine = these models cannot be combined: { $reason }
status-preparing-stopped = preparing “{ $name }” stopped without a result
status-not-a-collection-model = not a model of the collection
status-model-did-not-load = the model did not load
status-export-cannot-start = cannot start the export: { $reason }
status-export-silent = the export stopped without a word
new-design-name = Classic solitaire
error-no-metal-price = the price list has no price per gram for this metal: { $alloy }
error-no-stone-price = the price list has no price for a stone of { $carats }: { $species }
error-no-weight = the metal's weight is unavailable (the model is not a closed solid)
error-no-stone-weight = a stone’s weight is unavailable (it is not a closed solid)

## The command line.

cli-unknown-light = unknown lighting “{ $text }”: studio, boutique, daylight, evening or packshot
cli-unknown-background = unknown background “{ $text }”: velvet, white or transparent
cli-unknown-language = unknown language “{ $text }”: fr or en
cli-cannot-write-report = cannot write the report: { $reason }
cli-cannot-write-file = { $file }: cannot write: { $reason }
cli-wrote-models = wrote { $count } models under { $folder }
check-no-centre-stone = no centre stone
check-stone = { $species } { $cut } { $size } ({ $carats }, brilliance { $brilliance }, fire { $fire }, contrast { $contrast })
check-side-stones = , side stones { $species }
check-house-model = the house's model { $name } ({ $id })
check-ok = { $file }: ok — “{ $name }”: { $alloy } ≈ { $weight }, { $stone }{ $side }, { $piece }; fingerprint { $fingerprint }
cli-render-usage = render: one preset with -o FILE, or several with --out FOLDER
cli-turntable-frames = --turntable { $count }: must be 2–720 frames
cli-turntable-written = { $file } ({ $count } frames; the video in { $video }, PNG frames in { $folder })
cli-turntable-failed = turntable failed: { $reason }
cli-render-failed = render failed: { $reason }
cli-render-cancelled = the render was cancelled
cli-shard-form = --shard { $text }: expected i/n, e.g. 2/4
cli-shard-number = --shard { $text }: { $part } is not a number
cli-shard-range = --shard { $text }: needs 1 ≤ i ≤ n
cli-skipped = skipped: { $reason }
cli-board-option = board: --{ $reason }
cli-board-failed = board failed: { $reason }
cli-pack-option = pack: { $reason }
cli-pack-failed = pack failed: { $reason }
cli-collection-what = { $kind } in { $units } ({ $file }{ $size }), { $count ->
    [one] 1 stone
   *[other] { $count } stones
}
cli-collection-inner = , inner Ø { $size }
cli-collection-removed = removed { $id } ({ $name })
cli-thumbnail-stopped = the thumbnail of { $id } stopped
cli-thumbnails-failed = thumbnails: { $reason }
error-combine-kind = “{ $id }” is a { $found }, not a { $wanted }
error-combine-no-top = “{ $id }” has no metal over the finger to set a head on
error-buffer-no-chunk = the binary chunk is missing
error-buffer-data-uri = the embedded (data:) buffer cannot be decoded: { $reason }
error-buffer-not-a-file = { $uri } is not a file
error-nodes-too-deep = its nodes nest deeper than { $max } levels, or loop: not read
error-too-many-nodes = more than { $max } placed nodes: not read
error-buffer-outside = { $uri } is outside the model's folder: not read
error-buffer-unreadable = { $uri }: { $reason }
error-buffer-short = { $found } bytes, the model says { $declared }
error-texture-missing = texture { $uri } is missing (Écrin's own materials replace it)
error-part-unclassified = the part “{ $mesh }” (material “{ $material }”) is neither clearly metal nor stone: choose in the import dialog
error-no-metal-part = no part is recognised as metal
error-syntax-at = line { $line }, column { $column }: { $reason }
error-newer-version = version { $found } (this Écrin reads version { $supported })
error-manifest-field = { $field }: { $problem }
error-field-not-a-number = { $value } is not a number
error-field-range = { $value } is outside { $min } to { $max }
error-field-reversed = the lowest value is above the highest
error-field-rotation = not a rotation (its columns must be unit length, at right angles, and not mirrored)
error-field-hash = not a content hash (64 hexadecimal digits)
error-field-extension = “{ $found }” is not a model’s extension (glb or gltf)
error-field-file-name = “{ $found }” is not a file name (no folders, no control characters)
error-field-id = “{ $found }” is not an id (lower-case letters, digits and “-”)
error-field-name = a name has 1 to { $max } printable characters
error-field-part = part { $part } does not exist (the model has { $parts })
error-field-not-stones = part { $part } is not a part of stones
error-field-piece = stone { $piece } of its part does not exist (the part has { $pieces })
error-manifest-parts = { $listed } parts listed, the model has { $found }
error-model-name = “{ $given }” is not a name for a model (1 to { $max } printable characters, no control or direction characters)
error-manifest-too-large = its description would take { $size } bytes, more than the { $max } a collection’s manifest may have: nothing was added
cli-unknown-view = unknown view “{ $word }”: front, side, top, three-quarter, hand, engraving, aset or all

## The renderer's and the exports' failures.

render-stopped = the renderer stopped
render-board-not-composed = the board's pieces were not composed after { $frames } frames
render-studio-not-ready = the studio was not ready after { $frames } frames
render-pipelines-compiling = pipelines still compiling after { $frames } frames
render-missing = no offscreen { $what }
render-unreadable = cannot read the rendered image: { $reason }
render-no-picture = the rendered image never came back from the GPU
export-size = size { $size }: must be 16–{ $max } pixels
export-supersample = supersample { $samples }: must be 1–4
error-png-encode = cannot encode a PNG: { $reason }
error-cannot-write = cannot write: { $reason }
error-pack-exists = { $folder }: already exists (choose another folder, or replace it)
error-pack-not-a-pack = { $folder }: not an approval pack made by Écrin (no approval.ron in it), so it is not replaced: choose another folder
pack-view-missing = a view is missing from the pack

## The command line's help (`ecrin --help`) and clap's errors.

help-usage = Usage:
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-help = Print this help
help-version = Print the version
help-default = (default: { $value })
help-more = For the options: --help
help-error = error: { $what }
help-error-unknown-argument = unexpected argument “{ $argument }”
help-error-unknown-command = unknown command “{ $command }”
help-error-missing = missing: { $argument }
help-error-missing-command = a command is needed
help-error-conflict = { $argument } cannot be used with { $other }
help-error-value = { $argument }: { $reason }
help-error-invalid-value = { $argument }: “{ $value }” is not one of { $valid }
help-error-value-count = { $argument }: wrong number of values
help-any--background = Background: velvet, white or transparent
help-any--closeup = Frame the head and stone instead of the whole ring
help-any--light = Lighting: studio, boutique, daylight, evening or packshot
help-any--presets = Presets (.ron)
help-any--size = Width and height in pixels (16–8192)
help-any--supersample = Render this many samples per pixel along each axis and average them (1–4): smoother prongs and edges
help-any--views = Views: front, side, top, three-quarter, hand, engraving (the close-up inside the band), aset (the centre stone's light map: blue from the observer, red high light, green low light, black leaking), comma-separated, or all (the ring's four). Several views add "-<view>" to the names
help-any--hand = The display hand of the hand view: porcelain, velvet, fair, medium or deep
help-any--kind = What the model is, when Écrin should not read it from the file: ring, band, head or stone
help-any--units = The units the model is drawn in: mm, cm, m or in
help-any--inner-diameter = The ring's inner diameter in mm, for a model drawn at any scale
help-any--parts = A part's use, by its node, mesh or material name: NAME=band, head, stone or ignore (may be repeated)
help-ecrin = Écrin — the jewellery co-design studio
help-ecrin--collection = The house's collection folder (default: `collection/` in the user data directory)
help-ecrin--lang = The language of what Écrin says: fr or en (default: the system's, LANG)
help-ecrin-batch = Render many presets into a folder (catalogue renders); bad presets are reported and skipped
help-ecrin-batch--out = The folder for the renders
help-ecrin-batch--shard = This machine's share of the catalogue, i/n (1-based)
help-ecrin-bench = Measure start-up, frame times, change latency and memory; one JSON object per line
help-ecrin-bench--collection-only = Only start-up and the house's collection figures (a quicker run while working on the collection)
help-ecrin-bench--hand-off-only = Only start-up, the studio's frame and the hand-off figures: the checks, the bench's 3D files and sheet, the 4096 export, the turntable and its video
help-ecrin-bench--try-on-only = Only start-up, the studio's frame and the try-on's figures: the hand model's time on this CPU (searching a picture, following the hand), painting the ring over the picture
help-ecrin-bench--suggest-only = Only start-up and the proposals’ figures: pricing the design’s neighbourhood, one budget’s proposals from it
help-ecrin-bench--quick = The headline figures only, in minutes: start-up, the frame, memory and where it goes, the gem’s work per pixel, pavé against a solitaire, the 4096 export against a frame
help-ecrin-bench--memory-labels = Also print the renderer’s GPU allocations by label, largest first (to the error stream)
help-ecrin-bench--startup-only = Only start-up (startup_ms and where it goes), then exit: the full and quick runs launch the bench so to time cold and warm starts
help-ecrin-bench--frames = Frames measured per figure
help-ecrin-soak = A day in the boutique, compressed: random commands through the headless studio; what grows is measured
help-ecrin-soak--commands = Commands run
help-ecrin-soak--seed = The day's seed (the same seed, the same commands)
help-ecrin-soak--per-frame = Commands sent before each frame is drawn
help-ecrin-soak--size = Size of the offscreen picture, pixels
help-ecrin-board = Compare two to four presets in one PNG (the variants board as a picture)
help-ecrin-board--background = Background of the renders: white, velvet or transparent
help-ecrin-board--client-language = The client's language for the labels: fr or en (default: --lang)
help-ecrin-board--output = The comparison PNG
help-ecrin-board--presets = Two to four presets; the first is the reference the others are compared with
help-ecrin-board--prices = A price list (RON) for price differences
help-ecrin-board--size = Side of each render, pixels
help-ecrin-check = Check presets: print what each one is, or what is wrong with it
help-ecrin-collection = The house's collection: add, list and remove models; start a design from one
help-ecrin-collection-add = Analyse a model and add it to the collection (a copy named by its hash, and its manifest); prints its id
help-ecrin-collection-add--model = The model (.glb or .gltf)
help-ecrin-collection-add--name = The house's name for it (default: the file's name)
help-ecrin-collection-combine = Set a head of the collection on a band of the collection: one ring, added as a new model; prints its id
help-ecrin-collection-combine--band = The band's id
help-ecrin-collection-combine--head = The head's id
help-ecrin-collection-combine--name = The house's name for the ring (default: "HEAD on BAND")
help-ecrin-collection-list = The collection's models: id, name, what each is, its stones
help-ecrin-collection-new-design = Write a preset of a model as the house made it, to start designs (and tests) from
help-ecrin-collection-new-design--id = The model's id (ecrin collection list)
help-ecrin-collection-new-design--output = The preset to write (.ron)
help-ecrin-collection-remove = Remove a model (its manifest; its file when no other model uses it)
help-ecrin-collection-remove--id = The model's id (ecrin collection list)
help-ecrin-collection-thumbnails = Render the thumbnail of every model that has none yet (the studio's library shows them); prints each file
help-ecrin-collection-thumbnails--size = Width and height, pixels
help-ecrin-generate-assets = Write the glTF model library into assets/models/
help-ecrin-generate-assets--assets = The assets folder to write into
help-ecrin-inspect = Report on a glTF model (.glb / .gltf) as JSON: parts and their classification, units, problems. Exit code 1 when the model cannot be used
help-ecrin-inspect--model = The model (.glb or .gltf)
help-ecrin-pack = Write an approval pack folder: the views, a turntable, the preset and a printable approval sheet
help-ecrin-pack--background = Background: white (prints well), velvet or transparent
help-ecrin-pack--cancel-on-stdin = Stop cleanly when a line "cancel" arrives on standard input
help-ecrin-pack--try-on = A picture of the ring on the client's hand, kept with the client's consent (the try-on's snapshot); repeat for several
help-ecrin-pack--client = The client's name on the sheet (left out when not given)
help-ecrin-pack--client-language = The client's language for the sheet, the file names and the journal's lines: fr or en (default: --lang)
help-ecrin-pack--no-journal = Leave the co-design journal out of the pack
help-ecrin-pack--out = The folder to create
help-ecrin-pack--preset = The design (a preset; its journal comes along unless --no-journal)
help-ecrin-pack--prices = A price list (RON) for the price estimate; without it the sheet shows weights only
help-ecrin-pack--replace = Replace the folder if it exists (only once the new pack is complete)
help-ecrin-pack--size = Size of the view renders, pixels (16–8192)
help-ecrin-pack--supersample = Samples per pixel along each axis for the views (1–4)
help-ecrin-pack--turntable = Turntable frames (0: none)
help-ecrin-pack--turntable-size = Size of the turntable frames, pixels
help-ecrin-render = Render presets to PNG without opening a window: one preset with `-o file.png`, or many with `--out folder` (catalogue renders, as `batch`)
help-ecrin-render--gem-compare = Two pictures side by side: Écrin's gem shader (left) and Bevy's transmission (right)
help-ecrin-render--out = A folder for the renders of many presets
help-ecrin-render--output = The PNG (or GIF with --turntable) for one preset
help-ecrin-render--shard = With --out: this machine's share of the catalogue, i/n (1-based)
help-ecrin-render--turntable = A turntable of this many frames instead of one picture: `-o x.gif` gets the looping GIF, and `x-frames/` beside it the PNG frames
help-ecrin-sizer = Write the printable ring sizer: an A4 page at true scale (300 dpi), in the --lang language
help-ecrin-sizer--output = The PNG to write
help-ecrin-studio = Open the studio window (the default)
help-ecrin-studio--preset = A preset (.ron) to open at start, a boutique's model (.glb / .gltf) to import, or a photo of a hand (.jpg / .png) to try the ring on
help-ecrin-studio--camera = Start the try-on on this camera (0: the first) at once

## The titles of Écrin's own presets (presets/<file>.ron), in the list and on the design opened from it.

sample-classic-solitaire = Classic solitaire
sample-emerald-in-yellow-gold-bezel = Emerald in yellow gold bezel
sample-morganite-pear-halo = Morganite pear halo
sample-oval-pendant-necklace = Oval pendant necklace
sample-platinum-emerald-cut-bezel = Platinum emerald-cut bezel
sample-princess-lab-diamond = Princess lab-grown diamond
sample-rose-gold-oval-halo = Rose gold oval halo
sample-ruby-oval-four-prong = Ruby oval, four prongs
sample-sapphire-and-diamond-halo = Sapphire and diamond halo
sample-two-tone-solitaire = Two-tone solitaire

## The ring sizer: finding the client's size on the screen, and the sizer to print.

sizer-open = Measure the client's size…
sizer-title = Ring size
sizer-calibrate-how = Hold a bank card flat against the screen, its corner in the frame's top left corner, and make the frame the card's size.
sizer-calibrated = The frame is the card's size
sizer-recalibrate = Match the card again
sizer-screen = Screen: { $scale } points per mm ({ $screen })
sizer-screen-unknown = this screen
sizer-by-ring = A ring that fits
sizer-by-strip = A strip of paper
sizer-ring-how = Lay the ring flat on the circle and make the circle follow its inner edge.
sizer-strip-how = Wrap a strip of paper round the finger, mark where it meets, lay it on the ruler from 0 and read the mark.
sizer-diameter = inner Ø
sizer-length = length
sizer-reading = Inner circumference { $circumference } ± { $uncertainty } (inner Ø { $diameter })
sizer-size = { $system } { $size }
sizer-size-range = { $system } { $size } ({ $low } to { $high })
sizer-advice-warm = Measure at the end of the day with warm hands: fingers swell in the evening and in heat, and are up to half a size smaller when cold.
sizer-advice-wide = This band is { $width } wide, more than { $rule }: it sits tighter, so take about half a size more ({ $size }).
sizer-advice-wide-rule = For a band { $width } wide or more, take about half a size more: it sits tighter.
sizer-apply = Set size { $size }
sizer-apply-wide = Set { $size } (wide band)
sizer-print = Printable sizer
sizer-print-hover = An A4 page at true scale, in the client's language, for a client measuring at home
sizer-close = Close
sizer-file = ring-sizer
status-sizer-written = Printable sizer saved: { $file } (print at 100 %)
sizer-page-title = Find your ring size
sizer-page-check = This line measures 10 cm. If it does not, print again at 100 % (actual size, not fitted to the page).
sizer-page-ring-title = With a ring that fits
sizer-page-ring-how = Lay the ring on the circles: the one that follows its inner edge exactly is your size (EU, the inner circumference in mm).
sizer-page-circle-others = US { $us } · UK { $uk }
sizer-page-strip-title = With a strip of paper
sizer-page-strip-how = Wrap a strip of paper round the finger, mark where it meets, lay it on the ruler from 0: your size is the number over the mark.
sizer-page-ruler-sizes = sizes (EU)
sizer-page-ruler-cm = cm

## Present mode: the piece shown to the client, who tries metals and stones.

present-enter = Present to the client
present-enter-hover = The piece fills the screen; the client tries metals and stones (Esc: back)
present-with-price = with the price
present-leave = × Back
present-leave-hover = Back to the advisor's view (Esc)
client-screen-title = Écrin — for the client
client-screen-open = Client's screen
client-screen-close = Close the client's screen
client-screen-hover = The piece large on a second display (full screen), seen as you turn it
client-screen-turning = turning by itself

## The display hand (a ring shown on a hand)
hand-shown = On the hand
hand-shown-hover = Show the ring on a display hand at true scale, its ring finger sized to the ring
hand-framing-back = Back of the hand
hand-framing-three-quarter = Three-quarter
hand-framing-turning = Turning
hand-Porcelain = Porcelain
hand-Velvet = Velvet
hand-FairSkin = Fair skin
hand-MediumSkin = Medium skin
hand-DeepSkin = Deep skin

pack-hand-view = The ring on the hand
pack-hand-view-hover = One more view: the ring on the display hand, in the hand's finish chosen under View
cli-unknown-hand = unknown hand “{ $text }”: porcelain, velvet, fair, medium or deep
cli-unknown-kind = unknown kind of model “{ $text }”: ring, band, head or stone
cli-unknown-unit = unknown unit “{ $text }”: mm, cm, m or in
cli-bad-diameter = “{ $text }” is no diameter: give it in mm, such as 17.3
cli-bad-part = “{ $text }”: give a part as NAME=band, head, stone or ignore
help-ecrin-pack--hand-view = Add the ring on the display hand to the views (a necklace has its bust in every view)
help-ecrin-board--hand = Each ring on the display hand (porcelain, velvet, fair, medium or deep) instead of the studio's view
cli-view-not-shown = { $file }: no “{ $view }” view (a necklace has no hand and no band to engrave; the engraving’s close-up needs a text)
panel-engraving-close-up = See it inside the band
client-screen-price = with the price
client-screen-board = the variants side by side
status-autosave-set-aside = The last session's autosave could not be read: it is kept as { $file }; the studio starts afresh
status-file-set-aside = { $file } could not be read ({ $reason }): it is kept as { $aside }, and the defaults are used
status-file-unreadable = { $file } could not be read nor set aside ({ $reason }); the defaults are used
status-autosave-unreadable = The last session's autosave { $file } could not be read nor set aside ({ $reason }); the studio starts afresh

clients-none = No pack in { $folder } names a client.
clients-line = { $client }: { $count ->
    [one] one pack
   *[other] { $count } packs
}
clients-exported = { $client }: { $count } files copied into { $folder }
clients-export-exists = { $folder } already exists: choose another folder
clients-erase-confirm = { $client }: { $count ->
    [one] this pack would be deleted
   *[other] these { $count } packs would be deleted
}; run again with --yes to erase them
clients-erased = { $client }: { $count ->
    [one] one pack deleted
   *[other] { $count } packs deleted
}
clients-list-incomplete = { $count ->
    [one] One place could not be checked
   *[other] { $count } places could not be checked
} (a client named there is not in this list):
clients-erase-incomplete = The erasure cannot be shown to be complete: { $count ->
    [one] one place was
   *[other] { $count } places were
} not checked
clients-unchecked-link = { $path }: a link, not followed (look at what it leads to yourself, or remove the link, then erase again)
clients-unchecked-no-record = { $path }: no record of whom it names (a pack made before packs kept one, or another folder): look at it yourself
clients-unchecked-unreadable = { $path }: cannot be read ({ $reason }): look at the pack yourself
clients-autosaves-removed = { $count ->
    [one] one autosave older than { $days } days removed
   *[other] { $count } autosaves older than { $days } days removed
}
help-ecrin-clients = The client's data (RGPD): the packs naming a client listed, copied for them, or erased; old autosaves removed
help-ecrin-clients--approvals = The approvals folder (default: the studio's, in the user's documents)
help-ecrin-clients-list = Every client named in the approval packs, with their packs
help-ecrin-clients-export = Copy every pack naming a client into a new folder (the right of access)
help-ecrin-clients-export--client = The client's name, as on the packs
help-ecrin-clients-export--out = The folder to create
help-ecrin-clients-erase = Delete every pack naming a client (the right to erasure); only with --yes; prints each folder removed
help-ecrin-clients-erase--client = The client's name, as on the packs
help-ecrin-clients-erase--yes = Confirm the erasure (without it, the packs that would go are listed and nothing is removed)
help-ecrin-clients-remove-old-autosaves = Remove autosaves (the last session kept for a crash) older than a number of days
help-ecrin-clients-remove-old-autosaves--days = Days an autosave is kept
client-data-title = Client data
client-data-where = The clients named on approval packs; nothing leaves this computer.
client-data-reading = Reading the approvals folder…
client-data-none = No approval pack names a client.
client-data-line = { $client } — { $count ->
    [one] one pack
   *[other] { $count } packs
}
client-data-export = Copy for the client
client-data-erase = Erase…
client-data-erase-confirm = Delete { $count ->
    [one] the pack
   *[other] the { $count } packs
} naming { $client }? This cannot be undone.
client-data-erase-yes = Delete
client-data-cancel = Cancel
status-client-exported = { $client }: { $count } files copied into { $folder }
status-client-erased = { $client }: { $count ->
    [one] one pack deleted
   *[other] { $count } packs deleted
}; the name is no longer on this computer's packs
status-client-erased-incomplete = { $client }: { $count ->
    [one] one pack deleted
   *[other] { $count } packs deleted
}, but { $unchecked ->
    [one] one place
   *[other] { $unchecked } places
} could not be checked (first: { $first }): the erasure is not proved complete
status-client-failed = The client's data could not be handled: { $reason }
client-data-autosaves = Unsaved sessions kept
client-data-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
client-data-autosaves-hint = The autosave of a session that did not end cleanly, and those set aside, are removed after this many days.
status-autosaves-kept = Unsaved sessions kept { $days } days{ $count ->
    [0] .
    [one] : 1 older autosave removed.
   *[other] : { $count } older autosaves removed.
}
cli-one-view = “{ $text }”: one view only (front, side, top, three-quarter, hand or engraving)
cli-export-scene-failed = the scene could not be exported: { $reason }
help-ecrin-export-scene = One view of a preset as a scene for an independent renderer: the piece (glTF, millimetres), the light (HDR), the camera and exposure (JSON), the region mask, and Écrin's own render of it
help-ecrin-export-scene--preset = The design (a preset)
help-ecrin-export-scene--output = The folder to write into (made if missing)
help-ecrin-export-scene--view = The view: front, side, top, three-quarter, hand or engraving
export-no-stone = the piece has no centre stone that can be traced (a convex solid)
light-map-open = Light map
light-map-title = Light map of the centre stone
light-map-explain = Face-up, where the stone's light comes from, as a reflector scope (ASET) shows it
light-map-observer = Blue: blocked by the viewer, the contrast pattern ({ $percent } %)
light-map-high = Red: light from high above, the brightest ({ $percent } %)
light-map-low = Green: light from low angles, softer ({ $percent } %)
light-map-leak = Black: light leaking through the pavilion ({ $percent } %)
light-map-tracing = Tracing the stone…
light-map-no-stone = This piece has no centre stone that can be traced.
light-map-close = Close

## The workshop's checks (workshop/): what is measured, against which limit, from which source.
workshop-title = Bench checks
workshop-summary-pass = All { $count } checks pass
workshop-summary = { $hard } to fix, { $soft } to look at
workshop-shank-thickness = Shank thickness under the finger
workshop-shank-width = Shank width under the finger
workshop-culet-clearance = Culet above the finger
workshop-prongs = Prongs (thinnest)
workshop-side-prongs = Side stones' prongs
workshop-upper-rail = Upper gallery rail
workshop-lower-rail = Lower gallery rail
workshop-bezel-wall = Bezel wall
workshop-halo-bead = Halo beads
workshop-side-rail = Side stones' gallery rails
workshop-side-post = Posts under the side stones
workshop-rail-opening = Opening between the rails
workshop-house-head-metal = Head metal at its thinnest (gauged on the model)
workshop-bail = Pendant bail wire
workshop-stone-spacing = Narrowest gap between two stones
workshop-metal-behind-seat = Prong left behind the centre stone's seat
workshop-percent = { $value }%
workshop-passes = { $what }: { $measured } (at least { $least })
workshop-hard = { $what }: { $measured }, under { $least } ({ $source }): to fix before the bench
workshop-soft = { $what }: { $measured }, under { $least } ({ $source }): castable, the bench should look
workshop-not-checked = Nothing for the workshop to check here (a chain alone: a bought finding).
source-stuller = Stuller, CAD/CAM best practices
source-gemwares = Gemwares, CAD file requirements
source-girdles = girdles that overlap chip when set
check-workshop = { $file }: { $finding }
bench-files-refused = Not for the bench as drawn: { $findings }
bench-files-format = { $file }: write the metal as .stl or .3mf
bench-files-no-metal = This piece has no metal to make.
help-ecrin-export-model = The metal of a preset for the bench (STL or 3MF, in millimetres, at its ring size) and its stone list beside it (JSON and CSV); refused under a workshop's hard limit
help-ecrin-export-model--preset = The design (a preset)
help-ecrin-export-model--output = The metal's file: .stl or .3mf (the stone list is written beside it)
help-ecrin-bench-sheet = The bench sheet of a preset as a PDF (A4, in the --lang language): renders, the sections to scale with their dimensions, the stones, the metal to cast, the engraving and the workshop's checks; refused under a hard limit
help-ecrin-bench-sheet--preset = The design (a preset)
help-ecrin-bench-sheet--output = The PDF to write
help-ecrin-bench-sheet--size = Side of the renders on the sheet, pixels
help-ecrin-try-on = The design's ring on the hand in a photo: the hand found by a landmark model run on this machine (nothing is sent), the ring on the chosen finger at the finger's measured width, lit as the photo is
help-ecrin-try-on--photo = A photo of the client's hand (PNG or JPEG)
help-ecrin-try-on--preset = The design (a preset) whose ring is tried on
help-ecrin-try-on--output = The picture to write (PNG)
help-ecrin-try-on--finger = The finger: index, middle, ring or little
help-ecrin-try-on--hand = The hand, left or right (else the model's guess)
help-ecrin-try-on--mirrored = The photo is mirrored (a selfie camera's)
help-ecrin-try-on-test = The try-on measured on pictures of Écrin's display hand whose truth is known, per skin tone: detection, landmark, ring placement and scale errors, the model's time (README's figures)
help-ecrin-try-on-test--out = The folder the per-picture figures (and pictures) are written to
help-ecrin-try-on-test--per-tone = Pictures per skin tone
help-ecrin-try-on-test--size = Side of the pictures, pixels
help-ecrin-try-on-test--keep-pictures = Keep each picture (PNG) beside the figures
cli-tryon-finger = { $text }: index, middle, ring or little
cli-tryon-hand = { $text }: left or right
error-tryon-picture-bytes = { $bytes } bytes, more than the { $most } a picture may have
error-tryon-picture-size = { $width } × { $height } pixels: a picture the try-on reads has { $least } to { $most } pixels on each side
error-tryon-outputs = the hand model gave { $count } landmark values, not 63
help-ecrin-try-on-test--seed = The seed the pictures are drawn with (README's figures: the default; choices were tried on others)
cli-tryon-not-a-ring = { $file }: a necklace is not tried on a finger
cli-tryon-no-hand = { $file }: no hand found in the picture
cli-tryon-no-finger = { $file }: the { $finger } finger's edges could not be told where the ring sits
error-tryon-picture = not a picture the try-on can read ({ $reason })
error-tryon-model = the hand model could not be read ({ $reason })
error-tryon-inference = the hand model failed: { $reason }
error-tryon-no-camera = no camera was found on this computer: connect one, or try the ring on a photo of the hand
error-tryon-camera = the camera failed: { $reason }
status-bench-files-written = Written for the bench: { $files }
status-bench-files-stopped = writing the bench's files stopped without a result
dialog-bench-filter = Metal for the bench (STL, 3MF)
workshop-export = Export for the bench…
workshop-export-hover = The metal as STL or 3MF in millimetres, at this ring size, and the stone list beside it
workshop-export-refused = Under a hard limit: fix it first
workshop-sheet = Bench sheet (PDF)…
workshop-sheet-hover = The bench sheet alone: renders, sections to scale with their dimensions, stones, metal to cast, engraving, checks
dialog-bench-sheet-filter = Bench sheet (PDF)
status-bench-sheet-making = Making the bench sheet: { $file }
status-bench-sheet-written = Bench sheet written: { $file }

## The bench sheet (documents/bench.rs): what the workshop needs to make the piece, on A4.
bench-sheet-title = Bench sheet
bench-sheet-stamp = Made { $date } · fingerprint { $fingerprint }
bench-inner-diameter = Inside diameter
bench-circumference = Inside circumference
bench-sheet-overall = Overall: { $width } wide, { $depth } along the finger, { $height } high
bench-sheet-pendant = Pendant: { $width } wide, { $height } high with its bail, { $depth } thick; chain { $chain } long
bench-section-front = Section through the centre stone and the shank
bench-section-along = Section along the finger
bench-dimensions-in-mm = Scale { $scale }. Dimensions in millimetres. Metal cut: grey; stones: dashed.
bench-sheet-metal = Metal
bench-metal-volume = Volume
bench-cubic-mm = { $volume } mm³ (the STL's)
bench-metal-cast = Metal to cast
bench-metal-cast-value = { $grams } (the piece and { $percent } % for its sprues and button — Romanoff, Casting 101)
bench-sheet-stones = Stones to set
bench-seat-centre = Centre stone
bench-seat-head = In the head (halo, sides)
bench-seat-band = In the band
bench-stone-line = { $count } × { $species }, { $cut }, { $size }, { $carats }
bench-carats-unknown = carats unknown
bench-stone-centre = { $stone }; { $setting }; seat centre at x { $x }, y { $y }, z { $z } mm
bench-engraving-text = Text
bench-engraving-lettering = Lettering
bench-engraving-where = Where
bench-engraving-inside = Inside the band, centred under the finger, opposite the head
bench-engraving-size = Letters
bench-engraving-size-value = { $height } high over { $length }, { $depth } deep
bench-quoted = “{ $text }”
bench-sources = Limits from: { $sources }.
file-bench-sheet = bench-sheet
pack-step-bench-sheet = bench sheet
tryon-live-title = On the client's hand
tryon-live-camera = Camera…
tryon-live-camera-hover = Looks for this computer's cameras. Nothing is recorded: the pictures stay on the screen.
tryon-live-looking-for-cameras = Looking for cameras…
tryon-live-start = Start
tryon-live-stop = Stop
tryon-live-photo = Photo…
tryon-live-photo-hover = The ring on a photo of the client's hand (JPEG or PNG); the photo is only read.
tryon-live-off = The try-on is off
tryon-live-starting = Starting…
tryon-live-searching = Looking for the hand…
tryon-live-no-finger = Hand seen; the finger's edges are not clear — more light, or a plainer background
tryon-live-seen = The ring on the finger
finger-Index = Index finger
finger-Middle = Middle finger
finger-Ring = Ring finger
finger-Little = Little finger
tryon-hand-guessed = Hand: as seen
tryon-hand-left = Left hand
tryon-hand-right = Right hand
dialog-tryon-photo-filter = Photo of a hand
tryon-consent = The client agrees to keep pictures
tryon-consent-hover = Tick only when the client has said yes: pictures of their hand are then kept, in this studio's memory, for the approval pack that names them — and erased with their data. Unticking forgets them.
tryon-snapshot = Keep this picture
tryon-snapshot-hover = The picture as it is now, with the ring, for the approval pack (which must name the client)
tryon-snapshots-kept = { $count ->
    [one] 1 picture of the hand kept for the approval pack (a pack naming the client takes it)
   *[other] { $count } pictures of the hand kept for the approval pack (a pack naming the client takes them)
}
tryon-snapshots-forget = Forget
tryon-card-start = Size from a card
tryon-card-start-hover = With a bank card held flat beside the hand, at its height: the picture is held still and you click the card's four corners. The answer is a range, never one size.
tryon-card-click = Click the card's corners ({ $left ->
    [one] 1 left
   *[other] { $left } left
})
tryon-mirror = As a mirror
tryon-mirror-hover = The camera's picture turned left to right: the client sees their hand move as in a mirror. The ring follows.
tryon-card-end = Back to the live picture
tryon-card-result = Finger where the ring sits: { $low } to { $high } mm round (about EU { $low_size } to { $high_size }), most likely { $likely } mm. A picture cannot be surer: for the size to order, the sizer with a ring.
tryon-card-doubted = The finger's edges are unclear on this picture: its width does not match the hand's breadth. Finger where the ring sits: somewhere from { $low } to { $high } mm round (about EU { $low_size } to { $high_size }). Take the picture again with the hand on a plain ground, or use the sizer with a ring.
cli-tryon-card = “{ $text }”: a card is given by its four corners, x1,y1,x2,y2,x3,y3,x4,y4 (pixels)
help-ecrin-try-on--card = The corners of a bank card in the photo, in pixels, any order: x1,y1,x2,y2,x3,y3,x4,y4 — the finger's size is then estimated as a range
proposal-price = Price: { $before } → { $after } (saves { $saving })
proposal-metal = Metal: { $before } → { $after }
proposal-carats = Centre stone: { $before } → { $after }
proposal-side-carats = Side stones: { $before } → { $after }
proposal-dimensions = { $length } × { $width }
proposal-face-up = Face up: { $before } → { $after } ({ $share } % of today's spread)
proposal-light = Brilliance { $brilliance_before } % → { $brilliance_after } %, fire { $fire_before } % → { $fire_after } % (Écrin's tracer)
proposal-within = The design is within the budget: { $price } for { $budget }.
proposal-found = { $count ->
    [one] One proposal within { $budget }, proposed by Écrin:
   *[other] { $count } proposals within { $budget }, proposed by Écrin, least given up first:
}
proposal-numbered = { $number }. { $headline }
proposal-nothing-fits = Nothing fits { $budget } while keeping what the client keeps; the closest is { $price }: { $headline }
proposal-off = The house has turned Écrin's proposals off (proposals.ron).
proposal-no-price = The design has no price, so nothing can be proposed: { $reason }
proposal-rules-syntax = line { $line }, column { $column }: { $reason }
proposal-rules-version = version { $found } is not supported (this Écrin reads version 1)
cli-unknown-keep = “{ $word }” is not something a client keeps; use: { $words }
cli-budget = --budget { $value }: a budget is a positive amount in the price list's currency
help-ecrin-suggest = Up to three variants of a preset that fit a budget with the boutique's price list, each with its reasons in figures (price, metal, carats, the stone face up, brilliance and fire); nothing is changed or written
help-ecrin-suggest--preset = The design (a preset)
help-ecrin-suggest--budget = The client's budget, in the price list's currency
help-ecrin-suggest--keep = What the client will not change, comma-separated: cut, metal, metal-colour, stone, size, setting, band, side-stones
help-ecrin-suggest--prices = The price list (default: the boutique's own, else the sample)
help-ecrin-suggest--rules = The house's proposal settings (default: proposals.ron beside the price list, else the sample)
proposals-title = Within a budget
proposals-no-price = Proposals need the design's price (see the estimate above).
proposals-budget-on = Propose variants within the client's budget
proposals-budget-on-hover = Écrin looks for up to three variants of this design that fit the budget with the boutique's price list, each with its reasons. Nothing changes until you or the client take one.
proposals-budget-hover = The client's budget: the proposals follow the slider at once
proposals-searching = Pricing the alternatives…
proposals-keeps = The client keeps:
proposals-keep-colour = metal colour
proposals-keep-metal = the metal
proposals-keep-stone = the stone
proposals-keep-size = its size
proposals-keep-setting = the setting
proposals-keep-band = the band
proposals-card-title = Proposed by Écrin ({ $number })
proposals-take = Take
proposals-take-hover = The design becomes this proposal (undo brings it back); the journal says who took it.
proposals-set-aside = Set aside
proposals-set-aside-hover = Not this one: the next way to the budget comes up; the journal says who set it aside.
help-ecrin-style-guide = The style guide's pictures, one PNG per choice (the piece, the metal's colour, the silhouette, the stone's shape and colour), rendered by Écrin into a folder; pictures already there are kept
help-ecrin-style-guide--out = The folder the pictures are written to
help-ecrin-style-guide--size = Side of each picture, pixels (64–512)
style-title = Style guide
style-open = Style guide…
style-open-hover = A few questions the client answers with pictures — the piece, the metal's colour, the silhouette, the stone's shape and colour, a budget — then up to four starting designs on the board. Any question can be skipped; the answers are forgotten when the guide closes.
style-question-piece = Which piece?
style-question-colour = Which metal colour?
style-question-silhouette = Which silhouette?
style-question-shape = Which shape of stone?
style-question-stone = Which stone?
style-question-budget = Which budget?
style-ring = A ring
style-necklace = A necklace
style-colour-yellow = Yellow gold
style-colour-white = White gold
style-colour-rose = Rose gold
style-colour-silver = Silver
style-solitaire = Solitaire
style-classic = Classic solitaire
style-budget-up-to = up to { $top }
style-budget-between = { $from } to { $top }
style-budget-from = { $from } and more
style-step = Question { $step } of { $count }
style-skip = Skip
style-back = Back
style-close = Close
style-making = Making the starting designs…
style-rendering = Écrin is drawing the pictures…

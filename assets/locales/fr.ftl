# Écrin — français. Les mêmes clés que en.ftl, avec les mêmes variables ($nom). Les nombres, poids, prix et dates
# arrivent déjà écrits à la française (3,74 g ; 10 620 € ; 29 novembre 2026). Vocabulaire : glossary.md.

## Le vocabulaire de la création (clé : genre-Valeur). `.short` : là où une pastille a peu de place.

alloy-Yellow18k = Or jaune 18 carats (750/1000)
    .short = Or jaune 18K
alloy-White18k = Or gris rhodié 18 carats (750/1000)
    .short = Or gris 18K
alloy-Rose18k = Or rose 18 carats (750/1000)
    .short = Or rose 18K
alloy-Yellow14k = Or jaune 14 carats (585/1000)
    .short = Or jaune 14K
alloy-White14k = Or gris rhodié 14 carats (585/1000)
    .short = Or gris 14K
alloy-Rose14k = Or rose 14 carats (585/1000)
    .short = Or rose 14K
alloy-Yellow9ct = Or jaune 9 carats (375/1000)
    .short = Or jaune 9K
alloy-Platinum950 = Platine 950
    .short = Platine 950
alloy-Palladium950 = Palladium 950
    .short = Palladium 950
alloy-Sterling925 = Argent 925
    .short = Argent 925

finish-Polished = Poli miroir
finish-Satin = Satiné
finish-Brushed = Brossé
finish-Hammered = Martelé

species-Diamond = Diamant
species-LabGrownDiamond = Diamant synthétique
species-BlueSapphire = Saphir bleu
species-PinkSapphire = Saphir rose
species-YellowSapphire = Saphir jaune
species-Ruby = Rubis
species-Emerald = Émeraude
species-Amethyst = Améthyste
species-Aquamarine = Aigue-marine
species-Topaz = Topaze (bleu London)
species-Tourmaline = Tourmaline (verte)
species-Tanzanite = Tanzanite
species-Morganite = Morganite
species-Moissanite = Moissanite

cut-RoundBrilliant = Brillant rond
cut-Oval = Ovale
cut-Cushion = Coussin
cut-Princess = Princesse
cut-Emerald = Émeraude
cut-Pear = Poire
cut-Marquise = Marquise
cut-Radiant = Radiant
cut-Asscher = Asscher
cut-Heart = Cœur

setting-FourProng = 4 griffes
setting-SixProng = 6 griffes
setting-Bezel = Serti clos
setting-Halo = Entourage
setting-ThreeStone = Trilogie
setting-DoubleHalo = Double entourage
setting-HiddenHalo = Entourage caché

band-ComfortFit = Jonc confort
band-KnifeEdge = Lame de couteau
band-Twisted = Torsadé
band-Pave = Pavé
band-Cathedral = Cathédrale
band-Split = Anneau ouvert
band-Channel = Serti rail

chain-Cable = Forçat
chain-Curb = Gourmette
chain-Box = Vénitienne
chain-Rope = Corde

pendant-None = Sans pendentif
pendant-Solitaire = Solitaire
pendant-Halo = Entourage
pendant-Drop = Pampille

size-system-Eu = FR/EU
size-system-Us = US
size-system-Uk = UK
size-system-Jp = JP

falls-BaseOfNeck = à la base du cou
falls-Collarbone = sur la clavicule
falls-JustBelowCollarbone = juste sous la clavicule
falls-BelowCollarbone = sous la clavicule
falls-Chest = sur la poitrine

view-front = Face
view-side = Profil
view-top = Dessus
view-three-quarter = Trois-quarts
view-hand = Sur la main
view-engraving = Gravure
view-aset = Carte de lumière (ASET)

## Unités et chiffres ($value, $amount : déjà écrits à la française).

# A weight or a price that could not be measured (never a negative or meaningless figure).
unit-unavailable = indisponible
unit-grams = { $value } g
unit-carats = { $value } ct
unit-mm = { $value } mm
unit-price = { $amount } { $currency }

## Le journal : qui a changé quoi, comme le dit un joaillier.

who-advisor = conseiller
who-client = client
who-ecrin = Écrin
change-proposed = propose, dans { $budget } : { $changes }
change-proposal-taken = retient la proposition d’Écrin
change-proposal-set-aside = écarte la proposition d’Écrin
journal-line = { $time } { $who } : { $change }
journal-line-utc = { $time } UTC { $who } : { $change }
journal-undo = annulé : { $change }
journal-redo = rétabli : { $change }
journal-in-variant = variante { $variant } : { $change }
change-name = nom « { $from } » → « { $to } »
change-from-to = { $from } → { $to }
change-finish = finition { $from } → { $to }
change-head-same = tête du même métal que l’anneau
change-head-in = tête en { $alloy }
change-side-species = pierres d’accompagnement { $from } → { $to }
change-cut = taille { $from } → { $to }
change-stone-size = pierre { $from } → { $to }
change-band = corps de bague { $from } → { $to }
change-ring-size = tour de doigt { $from } → { $to } ({ $system })
change-engraving = gravure « { $text } »
change-engraving-style = lettres de gravure { $from } → { $to }
change-size-measured-ring = tour de doigt mesuré à l’écran : une bague de { $diameter } de diamètre intérieur
change-size-measured-strip = tour de doigt mesuré avec une bande de papier : { $length } autour du doigt
change-variant-made = variante { $variant } créée à partir de la variante { $from }
change-variant-removed = variante { $variant } supprimée
change-variant-count = { $from } variantes → { $to }
change-made-main = variante { $variant } devenue la création principale
change-favourite = variante { $variant } choisie comme favorite
change-no-favourite = plus de favorite
piece-ring = bague
piece-necklace = collier maille { $chain }, { $length } cm, { $pendant }
has-finish = finition { $finish }
has-side-species = pierres d’accompagnement : { $species }
has-cut = taille { $cut }
has-band = corps { $band }
has-ring-size = tour de doigt { $size } ({ $system })

## La fiche de validation et la planche des variantes (la langue du client).

spec-design = Création
spec-client = Client
spec-metal = Métal
spec-model = Modèle
spec-centre-stone = Pierre centrale
spec-setting = Serti
spec-band = Corps de bague
spec-chain = Chaîne
spec-pendant = Pendentif
spec-small-diamonds = Petits diamants
spec-side-stones = Pierres d’accompagnement
spec-ring-size = Tour de doigt
spec-engraving = Gravure
spec-metal-weight = Poids de métal
spec-price = Prix
spec-date = Date
spec-fingerprint = Empreinte
spec-proposals = Propositions d’Écrin
spec-proposal-taken = retenue par le { $who } : { $changes } (proposée dans { $budget })
spec-metal-value = { $alloy }, { $finish }
spec-head-in = { $metal } ; tête en { $alloy }
spec-stone-value = { $species }, taille { $cut }, { $size }, ≈ { $carats }
spec-model-value = { $name } (collection de la maison)
spec-chain-value = Maille { $chain }, { $length } cm (tombe { $falls })
spec-pendant-value = { $pendant } : { $stone }
spec-small-value = { $count ->
    [one] { $count } pierre ({ $species }), ≈ { $carats }
   *[other] { $count } pierres ({ $species }), ≈ { $carats } au total
}
spec-ring-size-other = { $system } { $size } ({ $eu })
spec-engraving-value = « { $text } » en { $style }
spec-no-engraving = —
spec-weight-value = ≈ { $weight } (estimation)
spec-weight-unavailable = poids indisponible (le modèle n’est pas un volume fermé)
spec-price-value = { $price } (estimation)
spec-price-on-request = sur demande ({ $reason })
sheet-title = Création à valider
sheet-story = Comment la création a été choisie
sheet-story-earlier = … et { $count ->
    [one] une modification plus ancienne
   *[other] { $shown } modifications plus anciennes
}
sheet-approved-by = Bon pour accord du client
sheet-signature-date = Date
sheet-small-print = Les poids et les prix sont des estimations faites à partir de la création ; l’atelier les confirme avant la fabrication. L’empreinte identifie exactement cette création dans le fichier enregistré avec cette fiche.
board-reference = la référence
board-metal = { $weight } de métal
board-metal-difference = { $weight } de métal ({ $difference })
board-weight-unavailable = poids indisponible (pas un volume fermé)

## Les fichiers du dossier de validation (la langue du client) et son avancement (celle du conseiller).

file-sheet = fiche-de-validation
file-try-on = essayage
file-turntable = vue-360
file-turntable-frames = images-360
file-view-front = face
file-view-side = profil
file-view-top = dessus
file-view-three-quarter = trois-quarts
file-view-hand = main
file-view-engraving = gravure
file-view-aset = carte-lumiere
file-board = planche
folder-approvals = Validations Écrin
pack-step-view = vue { $view }
pack-step-turntable = image { $frame }/{ $frames } de la vue à 360°
pack-step-sheet = fiche de validation
pack-step-finishing = finalisation
pack-step-starting = démarrage
pack-step-cancelling = annulation…

## Le panneau de création (la langue du conseiller).

panel-design-name = Nom de la création
panel-model = Modèle
panel-model-value = { $name } — collection de la maison
panel-model-hover = Son anneau, sa tête et ses pierres sont ceux de la maison ; le métal, la pierre centrale, le tour de doigt et la gravure se changent
panel-metal = Métal
panel-head = Tête
panel-head-same = Comme l’anneau
panel-head-hover = Bicolore : un autre métal pour la tête, par exemple des griffes en or gris sur un anneau en or jaune
panel-weight-ring = ≈ { $total } de métal (anneau { $band }, tête { $head })
panel-weight-necklace = ≈ { $total } de métal (chaîne { $band }, pendentif { $head })
panel-weighing = Pesée du modèle…
panel-weight-hover = Estimé à partir du volume du modèle à ce tour de doigt et de la densité de l’alliage
panel-weight-unavailable = Poids indisponible : le modèle n’est pas un volume fermé
panel-open-surfaces = Surfaces ouvertes : { $parts }
panel-stone = Pierre
panel-no-centre-stone = Ce modèle n’a pas de pierre centrale
panel-stone-as-modelled = { $cut } { $size }  ·  { $carats } (tel que modélisé)
panel-stone-dimensions = { $length } × { $width } × { $depth } mm  ·  { $carats }
panel-brilliance-fire = brillance { $brilliance }  ·  feu { $fire }  ·  contraste { $contrast }
panel-brilliance-hover = Retour de lumière, feu et contraste de cette taille dans cette pierre, calculés par le traceur de rayons d’Écrin : vue de dessus, éclairée d’en haut, l’observateur masquant la lumière derrière lui comme dans la boîte d’observation d’un laboratoire. Le contraste est la part de la pierre où se voit l’ombre de l’observateur : le motif sombre, les flèches d’un brillant rond
panel-target-weight = Poids visé
panel-set-size = Ajuster
panel-length = longueur
panel-setting = Serti
panel-band = Corps
panel-ring-size = Tour de doigt
panel-size-eu-diameter = EU { $eu }  ·  Ø { $diameter }
panel-house-sizes = La maison le réalise du { $min } au { $max }
panel-engraving = Gravure
panel-engraving-hint = à l’intérieur de l’anneau
panel-engraving-count = { $count }/{ $most } caractères
panel-lettering = Lettres
panel-engraving-too-long = Trop long pour le tour de doigt { $size } en { $style } : { $most } caractères au plus
panel-side-stones = Pierres d’accompagnement
panel-side-stones-hover = Les pierres de l’entourage, des épaules ou du pavé : des diamants, ou des pierres de couleur autour de la pierre centrale

## Langues et réglages.

language-advisor-hover = La langue du studio
language-client = Langue du client
language-client-hover = Le dossier de validation et la planche des variantes sont rédigés dans la langue du client
settings-cannot-write = { $file } : impossible d’enregistrer les réglages : { $reason }

## Le panneau latéral du studio.

studio-undo = Annuler
studio-redo = Rétablir
studio-where-worn = Où la porterez-vous ?
studio-view = Vue
studio-turntable = Rotation
studio-reset-view = Vue initiale
studio-bust = Buste
studio-estimate = Estimation
studio-price-cost = coût : métal { $metal } + pierres { $stones } + sertissage { $setting } + façon { $making }, × { $markup } de coefficient
studio-no-prices = Pas de prix : { $problem }
studio-no-price-list = Pas de liste de prix : poids seulement
studio-preparing = Préparation du studio
studio-loading-models = Chargement de la bibliothèque de modèles…
studio-compiling-shaders = Compilation des shaders (encore { $count })…
light-background = Fond
background-velvet = Velours
background-white = Blanc
background-transparent = Transparent
light-Studio = Studio
light-Boutique = Boutique
light-Daylight = Lumière du jour
light-Evening = Soirée
light-Packshot = Packshot
piece-title = Bijou
piece-choose-ring = Bague
piece-choose-necklace = Collier
piece-chain = Chaîne
piece-length = Longueur
piece-falls = Tombe { $falls }
piece-pendant = Pendentif
unit-cm = { $value } cm
journal-title = Journal
journal-proposed-by = Proposé par
journal-advisor = Conseiller
journal-client = Client
journal-keep-in-saves = Garder le journal dans les fichiers enregistrés
journal-how-we-got-here = { $count ->
    [one] Comment nous en sommes arrivés là ({ $count } changement)
   *[other] Comment nous en sommes arrivés là ({ $count } changements)
}
journal-clear = Effacer le journal
pack-title = Dossier de validation
pack-of-variant = De la variante en cours ({ $which } sur { $count })
pack-cancel = Annuler
pack-client = Client
pack-client-hint = facultatif, sur la fiche
pack-include-journal = Inclure le cheminement de la création (journal)
pack-write = Créer le dossier de validation
pack-write-hover = Vues, vue à 360°, fichier de la création et fiche imprimable, dans Documents/{ $folder }

## La planche des variantes.

variants-duplicate = Dupliquer en variante
variants-duplicate-hover = Copier cette création à côté, puis modifier la copie (jusqu’à { $most } côte à côte)
variants-compare = Comparer des créations…
variants-compare-hover = Ouvrir de deux à quatre créations côte à côte
variants-editing = Variante { $which } sur { $count } en cours
variants-exporting = Export de la planche…
variants-export = Exporter la planche
variants-export-hover = Une image comparative légendée de toutes les variantes, dans la langue du client, dans Documents/Écrin approvals
tile-main-title = 1 · Création principale · { $name }
tile-title = { $number } · { $name }
tile-same-as-main = identique à la création principale
tile-editing = En cours
tile-edit = Modifier
tile-edit-hover = Modifier cette variante dans le panneau
tile-favourite = Favorite
tile-favourite-hover = La préférée du client
tile-make-main = Principale
tile-make-main-hover = En faire la création principale
tile-remove = Retirer

## Créations enregistrées et reprise.

presets-title = Créations enregistrées
presets-open = Ouvrir…
presets-save = Enregistrer
presets-save-as = Enregistrer sous…
presets-save-to-mine = Enregistrer dans Mes créations
presets-samples = Modèles de la boutique
presets-mine = Mes créations
presets-compare-tick = Comparer
presets-compare-ticked = Comparer les { $count } cochées côte à côte
recovery-title = Reprendre la dernière séance ?
recovery-what = Écrin n’a pas été fermé correctement. La dernière création, « { $name } » ({ $alloy }, { $species } taille { $cut }), a été conservée.
recovery-variants-kept = Elle comptait { $count } variantes côte à côte ; elles ont été conservées aussi.
recovery-restore = La reprendre
recovery-discard = Repartir de zéro

## La collection de la maison et la fenêtre d’import.

model-kind-Ring = Bague
model-kind-Band = Anneau
model-kind-Head = Tête
model-kind-Stone = Pierre
seat-Centre = Centre
seat-Side = Côté
seat-Melee = Pavage
lettering-Script = Anglaise
lettering-Serif = Romaine
lettering-Block = Bâton
collection-title = Collection de la maison
collection-add = Ajouter à la collection…
collection-add-hover = Un fichier .glb ou .gltf — ou déposez-le sur la fenêtre
collection-search = Rechercher
collection-loading = Chargement de « { $name } » { $percent } %
collection-cancel = Annuler
collection-cancel-hover = Arrêter le chargement du modèle ; la création est conservée
collection-open = Ouvrir « { $name } »
collection-model-hover = { $file } · { $kind } · { $count ->
    [one] { $count } pierre
   *[other] { $count } pierres
}
collection-remove-hover = Retirer de la collection (les créations gardent leurs fichiers)
collection-empty = Aucun modèle pour l’instant : ajoutez les créations de la maison (.glb, .gltf)
collection-on = sur
collection-combine = Monter sur l’anneau
collection-combine-hover = Une bague faite des deux, ajoutée à la collection
import-title = Ajouter { $file } à la collection
import-name = Nom
import-what = Un élément « { $kind } » en { $units } (× { $scale } vers le mm)
import-what-inner = { $what } · Ø intérieur { $diameter }
import-part = Pièce
import-material = Matière
import-is = Rôle
import-band-metal = Métal de l’anneau
import-head-metal = Métal de la tête
import-stones = Pierres
import-leave-out = Ignorer
import-centre-stone = Pierre centrale : { $cut }, { $size }
import-side-and-melee = { $side } pierres de côté, { $melee } petits diamants
import-add = Ajouter à la collection
import-cancel = Annuler
import-house-allows = La maison autorise
import-ring-sizes = Tours de doigt, EU
import-to = à
import-centre-from = Pierre centrale de
import-centre-species = Pierres centrales (aucune cochée : toutes)
import-stones-count = Pierres ({ $count })
import-read-as = Lire comme
import-units-found = unités trouvées
import-inner-diameter = Ø intérieur
import-read-again = Relire
import-size-title = La taille de { $file }
import-size-ask = Indiquez ce qu’est le modèle et ses unités, ou le diamètre intérieur d’une bague, puis relisez-le :

## Les erreurs telles qu’une personne les lit (le fichier, l’endroit, ce qui ne va pas).

error-at = Le fichier { $file }, ligne { $line }, colonne { $column } : { $what }
error-in-file = Le fichier { $file } : { $what }
error-cannot-read = lecture impossible : { $reason }
error-empty = le fichier est vide (une création s’écrit par exemple `(version: 7, design: (...))`)
error-too-large = { $size } octets, c’est trop pour une création (au plus { $max } octets)
error-not-utf8 = ce n’est pas du texte UTF-8 (octet { $byte }) ; les créations sont du RON en UTF-8
error-no-version = pas de champ `version` (attendu : `version: { $version }`)
error-version = la version { $found } n’est pas prise en charge (cet Écrin lit les versions { $oldest } à { $newest })
error-cannot-save = enregistrement impossible : { $reason }
error-not-makeable = non enregistré, la création n’est pas réalisable : { $reason }
error-stone-size = la pierre mesure { $value }, hors de { $min } à { $max }
error-three-stone-size = la pierre mesure { $value }, trop pour une trilogie (au plus { $max } : les pierres de côté feraient le tour du doigt)
error-ring-size = le tour de doigt { $value } est hors de EU { $min } à { $max } (circonférence intérieure)
error-engraving-length = gravure : { $count } caractères, au plus { $max }
error-engraving-character = gravure : « { $character } » ne peut pas être gravé (lettres, chiffres, espaces et . , ' & - + ♥ ∞ seulement)
error-name = le nom doit compter de 1 à { $max } caractères imprimables
error-chain-length = la chaîne mesure { $value }, hors de { $min } à { $max }
error-carat = poids visé : { $value } ct n’est pas un nombre positif
error-variant-count = { $count } variantes : la planche en tient de 1 à { $max }
error-no-variant = la variante { $variant } n’existe pas
error-last-variant = la dernière variante ne peut pas être retirée (c’est la création)

## La ligne d’état.

status-opened = « { $name } » ouverte depuis { $file }
status-saved = Enregistrée : { $file }
status-opening = Ouverture de { $file }…
status-saving = Enregistrement de { $file }…
status-disk-stopped = la lecture ou l’écriture de la création s’est arrêtée sans résultat
status-choose-where = Choisissez où enregistrer cette création (Enregistrer sous…)
status-board-busy = Une planche est en cours de création : patientez
status-board-needs-two = La planche demande au moins deux variantes (Dupliquer en variante)
status-board-rendering = Rendu de la planche vers { $file }…
status-board-written = Planche enregistrée : { $file }
status-model-loading = Chargement de « { $name } »…
status-not-convex = « { $name } » : { $count } pierres non convexes, dessinées par transmission au lieu du traceur de gemmes ({ $parts })
status-collection-adding = Ajout de { $file } à la collection…
status-collection-no-model = aucun modèle « { $id } » dans la collection
status-collection-combining = Montage de la tête sur l’anneau…
status-collection-removed = « { $name } » retiré de la collection
status-collection-added = « { $name } » est dans la collection ({ $id })
status-collection-add-stopped = l’ajout du modèle s’est arrêté sans résultat
status-cannot-create-folder = { $folder } : impossible de créer le dossier : { $reason }
status-cannot-write = { $file } : écriture impossible : { $reason }
status-not-a-model = { $file } : ni un modèle (.glb, .gltf) ni une création (.ron)
status-checking = Vérification de { $file }…
status-analysis-stopped = l’analyse du modèle s’est arrêtée sans résultat
status-pack-busy = Un dossier de validation est en cours : patientez ou annulez-le
status-pack-writing = Création du dossier de validation dans { $folder }…
status-pack-written = Dossier de validation créé : { $folder }
status-pack-cancelled = Dossier de validation annulé ; rien n’a été écrit
status-export-failed = l’export a échoué ({ $code })
status-export-stopped = l’export s’est arrêté : { $reason }

import-filter-models = Modèles glTF
window-title = Écrin — studio de joaillerie
dialog-preset-filter = Création Écrin
dialog-compare-title = Créations à comparer (2 à 4)
loading-model-failed = { $file } : le modèle n’a pas pu être chargé (régénérez la bibliothèque avec `ecrin generate-assets`)

## Les règles de la maison et les erreurs de la collection.

rule-ring-size = le tour de doigt EU { $size } est hors des tailles où la maison réalise « { $model } » (EU { $min } à { $max })
rule-centre-species = « { $model } » : la maison n’y sertit pas de pierre centrale en { $species } (elle permet : { $allowed })
rule-centre-size-range = « { $model } » : la maison n’y sertit pas de pierre centrale de { $size } (elle permet de { $min } à { $max })
rule-centre-size-modelled = « { $model } » : la maison n’y sertit pas de pierre centrale de { $size } (seulement telle que modélisée, { $modelled })
error-model-too-large = { $size } octets, plus que les { $max } octets qu’un modèle de bijou peut faire
error-not-gltf = ce n’est pas un fichier glTF valide : { $reason }
error-glb-length = son en-tête annonce { $declared } octets, le fichier en a { $size } : non lu
error-glb-undeclared = son bloc binaire porte { $carried } octets, son tampon en annonce { $declared } : non lu
error-buffer = tampon { $index } : { $reason }
error-too-many-triangles = { $count } triangles, plus que les { $max } qu’un modèle peut avoir
error-no-triangles = aucun triangle : rien à montrer
error-nothing-known = aucune pièce n’est reconnue comme métal ou pierre : nommez les matières des pièces, ou choisissez dans la fenêtre d’import
error-units = impossible de déduire les unités : le modèle mesure { $extent } unités, ce qui n’est pas une taille de { $kind }
error-units-unwearable = aucune unité ne donne une bague que l’on puisse porter : son trou mesure { $inner } unités ; indiquez son diamètre intérieur ou ses unités
error-no-finger-hole = un diamètre intérieur est indiqué, mais le modèle n’a pas de trou pour le doigt à mesurer (une tête ou une pierre ?)
error-given-diameter = un diamètre intérieur de { $given } n’est pas une taille de bague (12,1 à 24,2 mm : tailles 38 à 76)
error-given-scale = une échelle de { $given } n’est pas une échelle
error-no-part-named = aucune partie ne s’appelle « { $name } » (ni son nœud, ni son maillage, ni sa matière)
error-model-not-found = aucun modèle « { $id } » dans la collection { $folder } : ajoutez de nouveau son fichier à la collection (Ajouter à la collection…), ou ouvrez la création avec le dossier qui le contient (--collection) ; la création est conservée telle quelle
error-model-changed = le modèle « { $name } » ({ $id }) a changé depuis que cette création a été faite (son fichier n’est plus celui que la création nomme) : ajoutez le nouveau fichier à la collection et refaites la création ; elle est conservée telle quelle
error-not-a-model = ce n’est pas un modèle glTF (.glb ou .gltf)
error-loading-cancelled = chargement du modèle « { $name } » annulé ; la création est conservée, rouvrez-la pour afficher le modèle
error-cannot-combine = ces modèles ne peuvent pas être assemblés : { $reason }
status-preparing-stopped = la préparation de « { $name } » s’est arrêtée sans résultat
status-not-a-collection-model = ce n’est pas un modèle de la collection
status-model-did-not-load = le modèle n’a pas été chargé
status-export-cannot-start = impossible de lancer l’export : { $reason }
status-export-silent = l’export s’est arrêté sans un mot
new-design-name = Solitaire classique
error-no-metal-price = la liste de prix n’a pas de prix au gramme pour ce métal : { $alloy }
error-no-stone-price = la liste de prix n’a pas de prix pour une pierre de { $carats } : { $species }
error-no-weight = le poids du métal est indisponible (le modèle n’est pas un volume fermé)
error-no-stone-weight = le poids d’une pierre est indisponible (elle n’est pas un volume fermé)

## La ligne de commande.

cli-unknown-light = éclairage inconnu « { $text } » : studio, boutique, daylight, evening ou packshot
cli-unknown-background = fond inconnu « { $text } » : velvet, white ou transparent
cli-unknown-language = langue inconnue « { $text } » : fr ou en
cli-cannot-write-report = impossible d’écrire le rapport : { $reason }
cli-cannot-write-file = { $file } : impossible d’écrire : { $reason }
cli-wrote-models = { $count } modèles écrits dans { $folder }
check-no-centre-stone = pas de pierre centrale
check-stone = { $species } taille { $cut } { $size } ({ $carats }, brillance { $brilliance }, feu { $fire }, contraste { $contrast })
check-side-stones = , pierres d’accompagnement { $species }
check-house-model = le modèle de la maison { $name } ({ $id })
check-ok = { $file } : correct — « { $name } » : { $alloy } ≈ { $weight }, { $stone }{ $side }, { $piece } ; empreinte { $fingerprint }
cli-render-usage = render : une création avec -o FICHIER, ou plusieurs avec --out DOSSIER
cli-turntable-frames = --turntable { $count } : de 2 à 720 images
cli-turntable-written = { $file } ({ $count } images ; la vidéo dans { $video }, images PNG dans { $folder })
cli-turntable-failed = la vue à 360° a échoué : { $reason }
cli-render-failed = le rendu a échoué : { $reason }
cli-render-cancelled = le rendu a été annulé
cli-shard-form = --shard { $text } : attendu i/n, par exemple 2/4
cli-shard-number = --shard { $text } : { $part } n’est pas un nombre
cli-shard-range = --shard { $text } : il faut 1 ≤ i ≤ n
cli-skipped = ignorée : { $reason }
cli-board-option = board : --{ $reason }
cli-board-failed = la planche a échoué : { $reason }
cli-pack-option = pack : { $reason }
cli-pack-failed = le dossier de validation a échoué : { $reason }
cli-collection-what = { $kind } en { $units } ({ $file }{ $size }), { $count ->
    [one] { $count } pierre
   *[other] { $count } pierres
}
cli-collection-inner = , Ø intérieur { $size }
cli-collection-removed = { $id } ({ $name }) retiré
cli-thumbnail-stopped = la vignette de { $id } s’est arrêtée
cli-thumbnails-failed = vignettes : { $reason }
error-combine-kind = « { $id } » est un élément « { $found } », pas « { $wanted } »
error-combine-no-top = « { $id } » n’a pas de métal au-dessus du doigt où monter une tête
error-buffer-no-chunk = le bloc binaire manque
error-buffer-data-uri = le tampon intégré (data:) ne peut pas être décodé : { $reason }
error-buffer-not-a-file = { $uri } n’est pas un fichier
error-nodes-too-deep = ses nœuds s’imbriquent sur plus de { $max } niveaux, ou en boucle : non lu
error-too-many-nodes = plus de { $max } nœuds placés : non lu
error-buffer-outside = { $uri } est hors du dossier du modèle : non lu
error-buffer-unreadable = { $uri } : { $reason }
error-buffer-short = { $found } octets, le modèle en annonce { $declared }
error-texture-missing = la texture { $uri } est introuvable (les matières d’Écrin la remplacent)
error-part-unclassified = la partie « { $mesh } » (matière « { $material } ») n’est clairement ni du métal ni une pierre : choisissez dans la fenêtre d’import
error-no-metal-part = aucune partie n’est reconnue comme du métal
error-syntax-at = ligne { $line }, colonne { $column } : { $reason }
error-newer-version = version { $found } (cet Écrin lit la version { $supported })
error-manifest-field = { $field } : { $problem }
error-field-not-a-number = { $value } n’est pas un nombre
error-field-range = { $value } est hors de { $min } à { $max }
error-field-reversed = la valeur basse est au-dessus de la haute
error-field-rotation = pas une rotation (ses colonnes doivent être de longueur 1, à angle droit, sans miroir)
error-field-hash = pas une empreinte de contenu (64 chiffres hexadécimaux)
error-field-extension = « { $found } » n’est pas une extension de modèle (glb ou gltf)
error-field-file-name = « { $found } » n’est pas un nom de fichier (ni dossier, ni caractère de contrôle)
error-field-id = « { $found } » n’est pas un identifiant (minuscules, chiffres et « - »)
error-field-name = un nom a de 1 à { $max } caractères imprimables
error-field-part = la pièce { $part } n’existe pas (le modèle en a { $parts })
error-field-not-stones = la pièce { $part } n’est pas une pièce de pierres
error-field-piece = la pierre { $piece } de sa pièce n’existe pas (la pièce en a { $pieces })
error-manifest-parts = { $listed } pièces listées, le modèle en a { $found }
error-model-name = « { $given } » n’est pas un nom de modèle (de 1 à { $max } caractères imprimables, sans caractère de contrôle ni de direction)
error-manifest-too-large = sa description prendrait { $size } octets, plus que les { $max } qu’un manifeste de collection peut avoir : rien n’a été ajouté
cli-unknown-view = vue inconnue « { $word } » : front, side, top, three-quarter, hand, engraving, aset ou all

## Les échecs du rendu et des exports.

render-stopped = le rendu s’est arrêté
render-board-not-composed = les pièces de la planche n’étaient pas composées après { $frames } images
render-studio-not-ready = le studio n’était pas prêt après { $frames } images
render-pipelines-compiling = shaders encore en compilation après { $frames } images
render-missing = pas de { $what } hors écran
render-unreadable = impossible de lire l’image rendue : { $reason }
render-no-picture = l’image rendue n’est jamais revenue du GPU
export-size = taille { $size } : de 16 à { $max } pixels
export-supersample = suréchantillonnage { $samples } : de 1 à 4
error-png-encode = impossible d’encoder un PNG : { $reason }
error-cannot-write = écriture impossible : { $reason }
error-pack-exists = { $folder } : existe déjà (choisissez un autre dossier, ou remplacez-le)
error-pack-not-a-pack = { $folder } : n’est pas un dossier de validation fait par Écrin (pas d’approval.ron dedans), il n’est donc pas remplacé : choisissez un autre dossier
pack-view-missing = une vue manque au dossier

## L’aide de la ligne de commande (`ecrin --help`) et les erreurs de clap.

help-usage = Utilisation :
help-heading-commands = { "Commandes " }
help-heading-arguments = { "Arguments " }
help-heading-options = { "Options " }
help-help = Affiche cette aide
help-version = Affiche la version
help-default = (par défaut : { $value })
help-more = Pour les options : --help
help-error = erreur : { $what }
help-error-unknown-argument = argument inattendu « { $argument } »
help-error-unknown-command = commande inconnue « { $command } »
help-error-missing = manquant : { $argument }
help-error-missing-command = il faut une commande
help-error-conflict = { $argument } ne peut pas s’employer avec { $other }
help-error-value = { $argument } : { $reason }
help-error-invalid-value = { $argument } : « { $value } » n’est pas l’une des valeurs { $valid }
help-error-value-count = { $argument } : nombre de valeurs incorrect
help-any--background = Fond : velvet (velours), white (blanc) ou transparent
help-any--closeup = Cadre la tête et la pierre au lieu de toute la bague
help-any--light = Éclairage : studio, boutique, daylight (lumière du jour), evening (soirée) ou packshot
help-any--presets = Créations enregistrées (.ron)
help-any--size = Largeur et hauteur en pixels (16–8192)
help-any--supersample = Rend ce nombre d’échantillons par pixel sur chaque axe et en fait la moyenne (1–4) : griffes et arêtes plus nettes
help-any--views = Vues : front (face), side (profil), top (dessus), three-quarter (trois-quarts), hand (sur la main), engraving (gros plan de la gravure), aset (la carte de lumière de la pierre centrale : bleu venu de l’observateur, rouge lumière haute, vert lumière basse, noir fuite), séparées par des virgules, ou all (les quatre de la bague). Plusieurs vues ajoutent « -<vue> » aux noms
help-any--hand = La main de présentation de la vue sur la main : porcelain (porcelaine), velvet (velours), fair (peau claire), medium (peau mate) ou deep (peau foncée)
help-any--kind = Ce qu’est le modèle, quand Écrin ne doit pas le lire dans le fichier : ring (bague), band (anneau), head (tête) ou stone (pierre)
help-any--units = Les unités du modèle : mm, cm, m ou in (pouces)
help-any--inner-diameter = Le diamètre intérieur de la bague en mm, pour un modèle dessiné à n’importe quelle échelle
help-any--parts = L’usage d’une partie, par le nom de son nœud, de son maillage ou de sa matière : NOM=band (anneau), head (tête), stone (pierre) ou ignore (écartée) (peut être répété)
help-ecrin = Écrin — l’atelier de création de bijoux à deux
help-ecrin--collection = Le dossier de la collection de la maison (par défaut : `collection/` dans le dossier de données de l’utilisateur)
help-ecrin--lang = La langue dans laquelle Écrin s’exprime : fr ou en (par défaut : celle du système, LANG)
help-ecrin-batch = Rend de nombreuses créations enregistrées dans un dossier (rendus de catalogue) ; les fichiers incorrects sont signalés et passés
help-ecrin-batch--out = Le dossier des rendus
help-ecrin-batch--shard = La part du catalogue de cette machine, i/n (à partir de 1)
help-ecrin-bench = Mesure le démarrage, les temps d’image, la latence des changements et la mémoire ; un objet JSON par ligne
help-ecrin-bench--collection-only = Seulement le démarrage et les chiffres de la collection de la maison (une mesure plus rapide pendant le travail sur la collection)
help-ecrin-bench--hand-off-only = Seulement le démarrage, l’image du studio et les chiffres de la remise à l’atelier : contrôles, fichiers 3D et fiche atelier, export 4096, présentation tournante et sa vidéo
help-ecrin-bench--try-on-only = Seulement le démarrage, l’image du studio et les chiffres de l’essayage : temps du modèle de la main sur ce processeur (chercher dans une image, suivre la main), peinture de la bague sur l’image
help-ecrin-bench--suggest-only = Seulement le démarrage et les chiffres des propositions : le chiffrage des variantes voisines, les propositions d’un budget
help-ecrin-bench--quick = Seulement les chiffres principaux, en quelques minutes : le démarrage, l’image, la mémoire et où elle va, le travail de la pierre par pixel, le pavage face au solitaire, l’export 4096 face à une image
help-ecrin-bench--memory-labels = Affiche aussi les allocations du processeur graphique par étiquette, les plus grandes d’abord (sur la sortie d’erreur)
help-ecrin-bench--startup-only = Seulement le démarrage (startup_ms et où il passe), puis quitter : les mesures complète et rapide lancent ainsi le banc pour chronométrer les démarrages à froid et à chaud
help-ecrin-bench--frames = Images mesurées par chiffre
help-ecrin-soak = Une journée en boutique, en accéléré : des commandes au hasard dans le studio sans fenêtre ; ce qui grandit est mesuré
help-ecrin-soak--commands = Commandes jouées
help-ecrin-soak--seed = La graine de la journée (même graine, mêmes commandes)
help-ecrin-soak--per-frame = Commandes envoyées avant que chaque image soit dessinée
help-ecrin-soak--size = Taille de l’image hors écran, en pixels
help-ecrin-board = Compare deux à quatre créations dans un seul PNG (la planche des variantes en image)
help-ecrin-board--background = Fond des rendus : white (blanc), velvet (velours) ou transparent
help-ecrin-board--client-language = La langue du client pour les légendes : fr ou en (par défaut : --lang)
help-ecrin-board--output = Le PNG de la comparaison
help-ecrin-board--presets = Deux à quatre créations enregistrées ; la première est la référence à laquelle les autres sont comparées
help-ecrin-board--prices = Un tarif (RON) pour les écarts de prix
help-ecrin-board--size = Côté de chaque rendu, en pixels
help-ecrin-check = Vérifie des créations enregistrées : dit ce qu’est chacune, ou ce qui ne va pas
help-ecrin-collection = La collection de la maison : ajouter, lister et retirer des modèles ; commencer une création à partir de l’un d’eux
help-ecrin-collection-add = Analyse un modèle et l’ajoute à la collection (une copie nommée par son empreinte, et sa fiche) ; affiche son identifiant
help-ecrin-collection-add--model = Le modèle (.glb ou .gltf)
help-ecrin-collection-add--name = Le nom que la maison lui donne (par défaut : le nom du fichier)
help-ecrin-collection-combine = Monte une tête de la collection sur un anneau de la collection : une bague, ajoutée comme nouveau modèle ; affiche son identifiant
help-ecrin-collection-combine--band = L’identifiant de l’anneau
help-ecrin-collection-combine--head = L’identifiant de la tête
help-ecrin-collection-combine--name = Le nom que la maison donne à la bague (par défaut : « TÊTE sur ANNEAU »)
help-ecrin-collection-list = Les modèles de la collection : identifiant, nom, nature, pierres
help-ecrin-collection-new-design = Écrit la création d’un modèle tel que la maison l’a fait, pour en partir (créations et tests)
help-ecrin-collection-new-design--id = L’identifiant du modèle (ecrin collection list)
help-ecrin-collection-new-design--output = La création à écrire (.ron)
help-ecrin-collection-remove = Retire un modèle (sa fiche ; son fichier quand aucun autre modèle ne l’utilise)
help-ecrin-collection-remove--id = L’identifiant du modèle (ecrin collection list)
help-ecrin-collection-thumbnails = Rend la vignette de chaque modèle qui n’en a pas encore (la bibliothèque de l’atelier les montre) ; affiche chaque fichier
help-ecrin-collection-thumbnails--size = Largeur et hauteur, en pixels
help-ecrin-generate-assets = Écrit la bibliothèque de modèles glTF dans assets/models/
help-ecrin-generate-assets--assets = Le dossier des ressources où écrire
help-ecrin-inspect = Rapport JSON sur un modèle glTF (.glb / .gltf) : ses parties et leur classement, ses unités, ses problèmes. Code de sortie 1 quand le modèle est inutilisable
help-ecrin-inspect--model = Le modèle (.glb ou .gltf)
help-ecrin-pack = Écrit un dossier de validation : les vues, une vue à 360°, la création enregistrée et une fiche de validation à imprimer
help-ecrin-pack--background = Fond : white (blanc, s’imprime bien), velvet (velours) ou transparent
help-ecrin-pack--cancel-on-stdin = S’arrête proprement quand une ligne « cancel » arrive sur l’entrée standard
help-ecrin-pack--try-on = Une image de la bague sur la main du client, gardée avec son accord (la photo de l’essayage) ; à répéter pour plusieurs
help-ecrin-pack--client = Le nom du client sur la fiche (omis s’il n’est pas donné)
help-ecrin-pack--client-language = La langue du client pour la fiche, les noms de fichiers et les lignes du journal : fr ou en (par défaut : --lang)
help-ecrin-pack--no-journal = Laisse le journal de création hors du dossier
help-ecrin-pack--out = Le dossier à créer
help-ecrin-pack--preset = La création (un fichier .ron ; son journal suit, sauf avec --no-journal)
help-ecrin-pack--prices = Un tarif (RON) pour l’estimation du prix ; sans lui, la fiche ne montre que les poids
help-ecrin-pack--replace = Remplace le dossier s’il existe (seulement une fois le nouveau dossier complet)
help-ecrin-pack--size = Taille des rendus des vues, en pixels (16–8192)
help-ecrin-pack--supersample = Échantillons par pixel sur chaque axe pour les vues (1–4)
help-ecrin-pack--turntable = Images de la vue à 360° (0 : aucune)
help-ecrin-pack--turntable-size = Taille des images de la vue à 360°, en pixels
help-ecrin-render = Rend des créations enregistrées en PNG sans ouvrir de fenêtre : une seule avec `-o fichier.png`, ou plusieurs avec `--out dossier` (rendus de catalogue, comme `batch`)
help-ecrin-render--gem-compare = Deux images côte à côte : le shader des pierres d’Écrin (à gauche) et la transmission de Bevy (à droite)
help-ecrin-render--out = Un dossier pour les rendus de plusieurs créations
help-ecrin-render--output = Le PNG (ou le GIF avec --turntable) d’une seule création
help-ecrin-render--shard = Avec --out : la part du catalogue de cette machine, i/n (à partir de 1)
help-ecrin-render--turntable = Une vue à 360° de ce nombre d’images au lieu d’une seule image : `-o x.gif` reçoit le GIF en boucle, et `x-frames/` à côté les images PNG
help-ecrin-sizer = Écrit le baguier à imprimer : une page A4 à l’échelle réelle (300 dpi), dans la langue de --lang
help-ecrin-sizer--output = Le PNG à écrire
help-ecrin-studio = Ouvre la fenêtre de l’atelier (par défaut)
help-ecrin-studio--preset = Une création enregistrée (.ron) à ouvrir au démarrage, un modèle de la boutique (.glb / .gltf) à importer, ou la photo d’une main (.jpg / .png) pour y essayer la bague
help-ecrin-studio--camera = Lance aussitôt l’essayage sur cette caméra (0 : la première)

## Les titres des créations fournies avec Écrin (presets/<fichier>.ron), dans la liste et sur la création ouverte.

sample-classic-solitaire = Solitaire classique
sample-emerald-in-yellow-gold-bezel = Émeraude en serti clos, or jaune
sample-morganite-pear-halo = Morganite poire, entourage
sample-oval-pendant-necklace = Collier pendentif ovale
sample-platinum-emerald-cut-bezel = Taille émeraude en serti clos, platine
sample-princess-lab-diamond = Diamant synthétique taille princesse
sample-rose-gold-oval-halo = Ovale entourage, or rose
sample-ruby-oval-four-prong = Rubis ovale, 4 griffes
sample-sapphire-and-diamond-halo = Saphir entouré de diamants
sample-two-tone-solitaire = Solitaire bicolore

## Le tour de doigt : le mesurer à l’écran, et le baguier à imprimer.

sizer-open = Mesurer le tour de doigt…
sizer-title = Tour de doigt
sizer-calibrate-how = Posez une carte bancaire à plat contre l’écran, son coin dans le coin supérieur gauche du cadre, et ajustez le cadre à la taille de la carte.
sizer-calibrated = Le cadre a la taille de la carte
sizer-recalibrate = Refaire le réglage avec la carte
sizer-screen = Écran : { $scale } points par mm ({ $screen })
sizer-screen-unknown = cet écran
sizer-by-ring = Une bague qui lui va
sizer-by-strip = Une bande de papier
sizer-ring-how = Posez la bague à plat sur le cercle et ajustez le cercle à son bord intérieur.
sizer-strip-how = Enroulez une bande de papier autour du doigt, marquez où elle se rejoint, posez-la sur la règle à partir de 0 et lisez la marque.
sizer-diameter = Ø intérieur
sizer-length = longueur
sizer-reading = Tour de doigt { $circumference } ± { $uncertainty } (Ø intérieur { $diameter })
sizer-size = { $system } { $size }
sizer-size-range = { $system } { $size } (de { $low } à { $high })
sizer-advice-warm = Mesurez en fin de journée, les mains tièdes : les doigts gonflent le soir et à la chaleur, et rapetissent jusqu’à une demi-taille au froid.
sizer-advice-wide = Cet anneau fait { $width } de large, plus de { $rule } : il serre davantage, prenez environ une demi-taille de plus ({ $size }).
sizer-advice-wide-rule = Pour un anneau de { $width } de large ou plus, prenez environ une demi-taille de plus : il serre davantage.
sizer-apply = Choisir le tour de doigt { $size }
sizer-apply-wide = Choisir { $size } (anneau large)
sizer-print = Baguier à imprimer
sizer-print-hover = Une page A4 à l’échelle réelle, dans la langue du client, pour mesurer chez soi
sizer-close = Fermer
sizer-file = baguier
status-sizer-written = Baguier à imprimer enregistré : { $file } (imprimez à 100 %)
sizer-page-title = Trouver son tour de doigt
sizer-page-check = Cette ligne mesure 10 cm. Sinon, imprimez de nouveau à 100 % (taille réelle, sans ajuster à la page).
sizer-page-ring-title = Avec une bague qui vous va
sizer-page-ring-how = Posez la bague sur les cercles : celui qui suit exactement son bord intérieur donne votre tour de doigt.
sizer-page-circle-others = US { $us } · UK { $uk }
sizer-page-strip-title = Avec une bande de papier
sizer-page-strip-how = Enroulez une bande de papier autour du doigt, marquez où elle se rejoint et posez-la sur la règle à partir de 0 : votre tour de doigt est le nombre au-dessus de la marque.
sizer-page-ruler-sizes = tours de doigt
sizer-page-ruler-cm = cm

## Le mode présentation : la pièce montrée au client, qui essaie métaux et pierres.

present-enter = Présenter au client
present-enter-hover = La pièce occupe l’écran ; le client essaie métaux et pierres (Échap : retour)
present-with-price = avec le prix
present-leave = × Retour
present-leave-hover = Retour à la vue du conseiller (Échap)
client-screen-title = Écrin — pour le client
client-screen-open = Écran du client
client-screen-close = Fermer l’écran du client
client-screen-hover = La pièce en grand sur un second écran (plein écran), vue comme vous la tournez
client-screen-turning = qui tourne toute seule

## La main de présentation (une bague montrée sur une main)
hand-shown = Sur la main
hand-shown-hover = Montrer la bague sur une main de présentation grandeur nature, l’annulaire à la taille de la bague
hand-framing-back = Dos de la main
hand-framing-three-quarter = Trois-quarts
hand-framing-turning = Main qui tourne
hand-Porcelain = Porcelaine
hand-Velvet = Velours
hand-FairSkin = Peau claire
hand-MediumSkin = Peau mate
hand-DeepSkin = Peau foncée

pack-hand-view = La bague sur la main
pack-hand-view-hover = Une vue de plus : la bague sur la main de présentation, dans la matière choisie sous Vue
cli-unknown-hand = main inconnue « { $text } » : porcelain, velvet, fair, medium ou deep
cli-unknown-kind = type de modèle inconnu « { $text } » : ring, band, head ou stone
cli-unknown-unit = unité inconnue « { $text } » : mm, cm, m ou in
cli-bad-diameter = « { $text } » n’est pas un diamètre : indiquez-le en mm, par exemple 17,3
cli-bad-part = « { $text } » : indiquez une partie sous la forme NOM=band, head, stone ou ignore
help-ecrin-pack--hand-view = Ajouter aux vues la bague sur la main de présentation (un collier a son buste dans chaque vue)
help-ecrin-board--hand = Chaque bague sur la main de présentation (porcelain, velvet, fair, medium ou deep) plutôt que dans la vue du studio
cli-view-not-shown = { $file } : pas de vue « { $view } » (un collier n’a ni main ni anneau à graver ; le gros plan de la gravure demande un texte)
panel-engraving-close-up = La voir dans l’anneau
client-screen-price = avec le prix
client-screen-board = les variantes côte à côte
status-autosave-set-aside = La sauvegarde automatique de la dernière séance est illisible : elle est gardée sous { $file } ; le studio repart de zéro
status-file-set-aside = { $file } est illisible ({ $reason }) : il est gardé sous { $aside }, et les réglages par défaut s’appliquent
status-file-unreadable = { $file } est illisible et n’a pu être mis de côté ({ $reason }) ; les réglages par défaut s’appliquent
status-autosave-unreadable = La sauvegarde automatique de la dernière séance { $file } est illisible et n’a pas pu être mise de côté ({ $reason }) ; le studio repart de zéro

clients-none = Aucun dossier de { $folder } ne nomme de client.
clients-line = { $client } : { $count ->
    [one] un dossier
   *[other] { $count } dossiers
}
clients-exported = { $client } : { $count } fichiers copiés dans { $folder }
clients-export-exists = { $folder } existe déjà : choisissez un autre dossier
clients-erase-confirm = { $client } : { $count ->
    [one] ce dossier serait supprimé
   *[other] ces { $count } dossiers seraient supprimés
} ; relancez avec --yes pour les effacer
clients-erased = { $client } : { $count ->
    [one] un dossier supprimé
   *[other] { $count } dossiers supprimés
}
clients-list-incomplete = { $count ->
    [one] Un emplacement n’a pu être vérifié
   *[other] { $count } emplacements n’ont pu être vérifiés
} (un client qui y serait nommé n’est pas dans cette liste) :
clients-erase-incomplete = L’effacement ne peut être prouvé complet : { $count ->
    [one] un emplacement n’a pas été vérifié
   *[other] { $count } emplacements n’ont pas été vérifiés
}
clients-unchecked-link = { $path } : un lien, non suivi (regardez vous-même où il mène, ou supprimez le lien, puis effacez à nouveau)
clients-unchecked-no-record = { $path } : aucune fiche de qui il nomme (un dossier fait avant que les dossiers en gardent une, ou un autre dossier) : regardez-le vous-même
clients-unchecked-unreadable = { $path } : illisible ({ $reason }) : regardez ce dossier vous-même
clients-autosaves-removed = { $count ->
    [one] une sauvegarde automatique de plus de { $days } jours supprimée
   *[other] { $count } sauvegardes automatiques de plus de { $days } jours supprimées
}
help-ecrin-clients = Les données du client (RGPD) : les dossiers de validation qui nomment un client listés, copiés pour lui, ou effacés ; les vieilles sauvegardes automatiques supprimées
help-ecrin-clients--approvals = Le dossier des validations (par défaut : celui du studio, dans les documents de l’utilisateur)
help-ecrin-clients-list = Chaque client nommé dans les dossiers de validation, avec ses dossiers
help-ecrin-clients-export = Copier chaque dossier qui nomme un client dans un nouveau dossier (le droit d’accès)
help-ecrin-clients-export--client = Le nom du client, tel que sur les dossiers
help-ecrin-clients-export--out = Le dossier à créer
help-ecrin-clients-erase = Supprimer chaque dossier qui nomme un client (le droit à l’effacement) ; seulement avec --yes ; chaque dossier supprimé est affiché
help-ecrin-clients-erase--client = Le nom du client, tel que sur les dossiers
help-ecrin-clients-erase--yes = Confirmer l’effacement (sans cela, les dossiers concernés sont listés et rien n’est supprimé)
help-ecrin-clients-remove-old-autosaves = Supprimer les sauvegardes automatiques (la dernière séance gardée en cas de panne) de plus d’un certain nombre de jours
help-ecrin-clients-remove-old-autosaves--days = Jours pendant lesquels une sauvegarde automatique est gardée
client-data-title = Données des clients
client-data-where = Les clients nommés sur les dossiers de validation ; rien ne quitte cet ordinateur.
client-data-reading = Lecture du dossier des validations…
client-data-none = Aucun dossier de validation ne nomme de client.
client-data-line = { $client } — { $count ->
    [one] un dossier
   *[other] { $count } dossiers
}
client-data-export = Copie pour le client
client-data-erase = Effacer…
client-data-erase-confirm = Supprimer { $count ->
    [one] le dossier
   *[other] les { $count } dossiers
} au nom de { $client } ? C’est définitif.
client-data-erase-yes = Supprimer
client-data-cancel = Annuler
status-client-exported = { $client } : { $count } fichiers copiés dans { $folder }
status-client-erased = { $client } : { $count ->
    [one] un dossier supprimé
   *[other] { $count } dossiers supprimés
} ; son nom n’est plus sur les dossiers de cet ordinateur
status-client-erased-incomplete = { $client } : { $count ->
    [one] un dossier supprimé
   *[other] { $count } dossiers supprimés
}, mais { $unchecked ->
    [one] un emplacement n’a pu être vérifié
   *[other] { $unchecked } emplacements n’ont pu être vérifiés
} (le premier : { $first }) : l’effacement n’est pas prouvé complet
status-client-failed = Les données du client n’ont pu être traitées : { $reason }
client-data-autosaves = Sessions non enregistrées gardées
client-data-days = { $count ->
    [one] 1 jour
   *[other] { $count } jours
}
client-data-autosaves-hint = La sauvegarde automatique d’une session interrompue, et celles mises de côté, sont supprimées après ce nombre de jours.
status-autosaves-kept = Sessions non enregistrées gardées { $days } jours{ $count ->
    [0] .
    [one]  : 1 sauvegarde plus ancienne supprimée.
   *[other]  : { $count } sauvegardes plus anciennes supprimées.
}
cli-one-view = « { $text } » : une seule vue (front, side, top, three-quarter, hand ou engraving)
cli-export-scene-failed = la scène n’a pas pu être exportée : { $reason }
help-ecrin-export-scene = Une vue d’une création en scène pour un moteur de rendu indépendant : la pièce (glTF, millimètres), la lumière (HDR), la caméra et l’exposition (JSON), le masque des régions, et le rendu d’Écrin de cette vue
help-ecrin-export-scene--preset = La création (un fichier .ron)
help-ecrin-export-scene--output = Le dossier où écrire (créé s’il manque)
help-ecrin-export-scene--view = La vue : front, side, top, three-quarter, hand ou engraving
export-no-stone = la pièce n’a pas de pierre centrale que l’on puisse tracer (un solide convexe)
light-map-open = Carte de lumière
light-map-title = Carte de lumière de la pierre centrale
light-map-explain = Vue de dessus, d’où vient la lumière de la pierre, comme la montre un réflecteur (ASET)
light-map-observer = Bleu : masquée par l’observateur, le contraste ({ $percent } %)
light-map-high = Rouge : lumière venue de haut, la plus vive ({ $percent } %)
light-map-low = Vert : lumière rasante, plus douce ({ $percent } %)
light-map-leak = Noir : lumière perdue par la culasse ({ $percent } %)
light-map-tracing = Tracé de la pierre…
light-map-no-stone = Cette pièce n’a pas de pierre centrale que l’on puisse tracer.
light-map-close = Fermer

## The workshop's checks (workshop/): what is measured, against which limit, from which source.
workshop-title = Contrôles d’atelier
workshop-summary-pass = Les { $count } contrôles sont bons
workshop-summary = { $hard } à corriger, { $soft } à vérifier
workshop-shank-thickness = Épaisseur de l’anneau sous le doigt
workshop-shank-width = Largeur de l’anneau sous le doigt
workshop-culet-clearance = Colette au-dessus du doigt
workshop-prongs = Griffes (au plus fin)
workshop-side-prongs = Griffes des pierres latérales
workshop-upper-rail = Galerie haute
workshop-lower-rail = Galerie basse
workshop-bezel-wall = Paroi du serti clos
workshop-halo-bead = Grains de l’entourage
workshop-side-rail = Galeries des pierres latérales
workshop-side-post = Tiges sous les pierres latérales
workshop-rail-opening = Jour entre les galeries
workshop-house-head-metal = Métal de la tête au plus fin (mesuré sur le modèle)
workshop-bail = Fil de la bélière
workshop-stone-spacing = Écart le plus étroit entre deux pierres
workshop-metal-behind-seat = Griffe restant derrière la portée de la pierre centrale
workshop-percent = { $value } %
workshop-passes = { $what } : { $measured } (au moins { $least })
workshop-hard = { $what } : { $measured }, sous { $least } ({ $source }) : à corriger avant l’atelier
workshop-soft = { $what } : { $measured }, sous { $least } ({ $source }) : coulable, l’atelier doit vérifier
workshop-not-checked = Rien à contrôler ici pour l’atelier (une chaîne seule : un apprêt acheté).
source-stuller = Stuller, bonnes pratiques CAO/FAO
source-gemwares = Gemwares, exigences des fichiers CAO
source-girdles = des rondistes qui se chevauchent s’écaillent au sertissage
check-workshop = { $file } : { $finding }
bench-files-refused = Pas pour l’atelier tel quel : { $findings }
bench-files-format = { $file } : écrire le métal en .stl ou .3mf
bench-files-no-metal = Cette pièce n’a pas de métal à fabriquer.
help-ecrin-export-model = Le métal d’une création pour l’atelier (STL ou 3MF, en millimètres, à son tour de doigt) et la liste de ses pierres à côté (JSON et CSV) ; refusé sous une limite ferme de l’atelier
help-ecrin-export-model--preset = La création (un fichier .ron)
help-ecrin-export-model--output = Le fichier du métal : .stl ou .3mf (la liste des pierres est écrite à côté)
help-ecrin-bench-sheet = La fiche d’atelier d’un préréglage en PDF (A4, dans la langue de --lang) : rendus, coupes à l’échelle et cotées, pierres, métal à couler, gravure et contrôles d’atelier ; refusée sous une limite ferme
help-ecrin-bench-sheet--preset = Le modèle (un préréglage)
help-ecrin-bench-sheet--output = Le PDF à écrire
help-ecrin-bench-sheet--size = Côté des rendus sur la fiche, en pixels
help-ecrin-try-on = La bague de la création sur la main d’une photo : la main trouvée par un modèle de repères qui tourne sur cet ordinateur (rien n’est envoyé), la bague sur le doigt choisi à la largeur mesurée du doigt, éclairée comme la photo
help-ecrin-try-on--photo = Une photo de la main de la cliente ou du client (PNG ou JPEG)
help-ecrin-try-on--preset = La création (un préréglage) dont la bague est essayée
help-ecrin-try-on--output = L’image à écrire (PNG)
help-ecrin-try-on--finger = Le doigt : index, middle (majeur), ring (annulaire) ou little (auriculaire)
help-ecrin-try-on--hand = La main, left (gauche) ou right (droite) ; sinon celle que le modèle reconnaît
help-ecrin-try-on--mirrored = La photo est en miroir (prise par une caméra frontale)
help-ecrin-try-on-test = L’essayage mesuré sur des images de la main d’exposition d’Écrin dont la vérité est connue, par teinte de peau : détection, erreurs des repères, de la place et de l’échelle de la bague, temps du modèle (les chiffres du README)
help-ecrin-try-on-test--out = Le dossier où écrire les chiffres de chaque image (et les images)
help-ecrin-try-on-test--per-tone = Images par teinte de peau
help-ecrin-try-on-test--size = Côté des images, en pixels
help-ecrin-try-on-test--keep-pictures = Garder chaque image (PNG) à côté des chiffres
cli-tryon-finger = { $text } : index, middle, ring ou little
cli-tryon-hand = { $text } : left ou right
error-tryon-picture-bytes = { $bytes } octets, plus que les { $most } qu’une image peut avoir
error-tryon-picture-size = { $width } × { $height } pixels : l’essayage lit des images de { $least } à { $most } pixels de côté
error-tryon-outputs = le modèle de la main a donné { $count } valeurs de repères, et non 63
help-ecrin-try-on-test--seed = La graine qui tire les images (les chiffres du README : celle par défaut ; les choix ont été essayés sur d’autres)
cli-tryon-not-a-ring = { $file } : un collier ne s’essaie pas sur un doigt
cli-tryon-no-hand = { $file } : aucune main trouvée sur l’image
cli-tryon-no-finger = { $file } : les bords du doigt ({ $finger }) n’ont pas pu être distingués là où se pose la bague
error-tryon-picture = pas une image que l’essayage sait lire ({ $reason })
error-tryon-model = le modèle de la main n’a pas pu être lu ({ $reason })
error-tryon-inference = le modèle de la main a échoué : { $reason }
error-tryon-no-camera = aucune caméra sur cet ordinateur : branchez-en une, ou essayez la bague sur une photo de la main
error-tryon-camera = la caméra a échoué : { $reason }
status-bench-files-written = Écrit pour l’atelier : { $files }
status-bench-files-stopped = l’écriture des fichiers de l’atelier s’est arrêtée sans résultat
dialog-bench-filter = Métal pour l’atelier (STL, 3MF)
workshop-export = Exporter pour l’atelier…
workshop-export-hover = Le métal en STL ou 3MF, en millimètres, à ce tour de doigt, et la liste des pierres à côté
workshop-export-refused = Sous une limite ferme : à corriger d’abord
workshop-sheet = Fiche atelier (PDF)…
workshop-sheet-hover = La fiche atelier seule : vues, coupes à l’échelle cotées, pierres, métal à couler, gravure, contrôles
dialog-bench-sheet-filter = Fiche atelier (PDF)
status-bench-sheet-making = Fiche atelier en cours : { $file }
status-bench-sheet-written = Fiche atelier écrite : { $file }

## La fiche d’atelier (documents/bench.rs) : ce qu’il faut à l’atelier pour fabriquer la pièce, sur A4.
bench-sheet-title = Fiche d’atelier
bench-sheet-stamp = Établie le { $date } · empreinte { $fingerprint }
bench-inner-diameter = Diamètre intérieur
bench-circumference = Tour intérieur
bench-sheet-overall = Encombrement : { $width } de large, { $depth } dans l’axe du doigt, { $height } de haut
bench-sheet-pendant = Pendentif : { $width } de large, { $height } de haut avec sa bélière, { $depth } d’épaisseur ; chaîne de { $chain }
bench-section-front = Coupe par la pierre de centre et l’anneau
bench-section-along = Coupe dans l’axe du doigt
bench-dimensions-in-mm = Échelle { $scale }. Cotes en millimètres. Métal coupé : gris ; pierres : tirets.
bench-sheet-metal = Métal
bench-metal-volume = Volume
bench-cubic-mm = { $volume } mm³ (celui du STL)
bench-metal-cast = Métal à couler
bench-metal-cast-value = { $grams } (la pièce et { $percent } % pour ses tiges de coulée et le bouton — Romanoff, Casting 101)
bench-sheet-stones = Pierres à sertir
bench-seat-centre = Pierre de centre
bench-seat-head = Dans la tête (entourage, côtés)
bench-seat-band = Dans l’anneau
bench-stone-line = { $count } × { $species }, { $cut }, { $size }, { $carats }
bench-carats-unknown = carats inconnus
bench-stone-centre = { $stone } ; { $setting } ; centre du logement à x { $x }, y { $y }, z { $z } mm
bench-engraving-text = Texte
bench-engraving-lettering = Écriture
bench-engraving-where = Emplacement
bench-engraving-inside = À l’intérieur de l’anneau, centrée sous le doigt, à l’opposé de la tête
bench-engraving-size = Lettres
bench-engraving-size-value = { $height } de haut sur { $length }, { $depth } de profondeur
bench-quoted = « { $text } »
bench-sources = Limites tirées de : { $sources }.
file-bench-sheet = fiche-atelier
pack-step-bench-sheet = fiche d’atelier
tryon-live-title = Sur la main du client
tryon-live-camera = Caméra…
tryon-live-camera-hover = Cherche les caméras de cet ordinateur. Rien n’est enregistré : les images restent à l’écran.
tryon-live-looking-for-cameras = Recherche des caméras…
tryon-live-start = Démarrer
tryon-live-stop = Arrêter
tryon-live-photo = Photo…
tryon-live-photo-hover = La bague sur une photo de la main du client (JPEG ou PNG) ; la photo est seulement lue.
tryon-live-off = L’essayage est arrêté
tryon-live-starting = Démarrage…
tryon-live-searching = Recherche de la main…
tryon-live-no-finger = Main vue ; les bords du doigt ne sont pas nets — plus de lumière, ou un fond plus uni
tryon-live-seen = La bague au doigt
finger-Index = Index
finger-Middle = Majeur
finger-Ring = Annulaire
finger-Little = Auriculaire
tryon-hand-guessed = Main : telle que vue
tryon-hand-left = Main gauche
tryon-hand-right = Main droite
dialog-tryon-photo-filter = Photo d’une main
tryon-consent = Le client accepte que l’on garde des images
tryon-consent-hover = À cocher seulement quand le client a dit oui : les images de sa main sont alors gardées, dans la mémoire de ce studio, pour le dossier de validation qui le nomme — et effacées avec ses données. Décocher les oublie.
tryon-snapshot = Garder cette image
tryon-snapshot-hover = L’image telle qu’elle est, avec la bague, pour le dossier de validation (qui doit nommer le client)
tryon-snapshots-kept = { $count ->
    [one] 1 image de la main gardée pour le dossier de validation (un dossier qui nomme le client la prendra)
   *[other] { $count } images de la main gardées pour le dossier de validation (un dossier qui nomme le client les prendra)
}
tryon-snapshots-forget = Oublier
tryon-card-start = Taille avec une carte
tryon-card-start-hover = Une carte bancaire tenue à plat à côté de la main, à sa hauteur : l’image est figée et vous cliquez ses quatre coins. La réponse est une fourchette, jamais une taille.
tryon-card-click = Cliquez les coins de la carte ({ $left ->
    [one] encore 1
   *[other] encore { $left }
})
tryon-mirror = En miroir
tryon-mirror-hover = L’image de la caméra retournée de gauche à droite : la cliente voit sa main bouger comme dans un miroir. La bague suit.
tryon-card-end = Revenir à l’image en direct
tryon-card-result = Doigt à l’endroit de la bague : { $low } à { $high } mm de tour (environ T{ $low_size } à T{ $high_size }), le plus probable { $likely } mm. Une image ne peut pas être plus sûre : pour la taille à commander, le baguier avec une bague.
tryon-card-doubted = Les bords du doigt sont peu nets sur cette image : sa largeur ne s’accorde pas avec la largeur de la main. Doigt à l’endroit de la bague : entre { $low } et { $high } mm de tour (environ T{ $low_size } à T{ $high_size }). Reprenez l’image, la main sur un fond uni, ou passez au baguier avec une bague.
cli-tryon-card = « { $text } » : une carte se donne par ses quatre coins, x1,y1,x2,y2,x3,y3,x4,y4 (pixels)
help-ecrin-try-on--card = Les coins d’une carte bancaire sur la photo, en pixels, dans n’importe quel ordre : x1,y1,x2,y2,x3,y3,x4,y4 — la taille du doigt est alors estimée, en fourchette
proposal-price = Prix : { $before } → { $after } ({ $saving } de moins)
proposal-metal = Métal : { $before } → { $after }
proposal-carats = Pierre de centre : { $before } → { $after }
proposal-side-carats = Pierres d’accompagnement : { $before } → { $after }
proposal-dimensions = { $length } × { $width }
proposal-face-up = Vue de dessus : { $before } → { $after } ({ $share } % de l’étendue actuelle)
proposal-light = Brillance { $brilliance_before } % → { $brilliance_after } %, feu { $fire_before } % → { $fire_after } % (traceur d’Écrin)
proposal-within = La création tient dans le budget : { $price } pour { $budget }.
proposal-found = { $count ->
    [one] Une proposition dans { $budget }, proposée par Écrin :
   *[other] { $count } propositions dans { $budget }, proposées par Écrin, la moindre concession d’abord :
}
proposal-numbered = { $number }. { $headline }
proposal-nothing-fits = Rien ne tient dans { $budget } en gardant ce que le client garde ; le plus proche est à { $price } : { $headline }
proposal-off = La maison a désactivé les propositions d’Écrin (proposals.ron).
proposal-no-price = La création n’a pas de prix, rien ne peut être proposé : { $reason }
proposal-rules-syntax = ligne { $line }, colonne { $column } : { $reason }
proposal-rules-version = la version { $found } n’est pas prise en charge (cet Écrin lit la version 1)
cli-unknown-keep = « { $word } » n’est pas une chose que le client garde ; possibles : { $words }
cli-budget = --budget { $value } : un budget est un montant positif, dans la devise de la liste de prix
help-ecrin-suggest = Jusqu’à trois variantes d’une création enregistrée qui tiennent dans un budget selon la liste de prix de la boutique, chacune avec ses raisons chiffrées (prix, métal, carats, la pierre vue de dessus, brillance et feu) ; rien n’est modifié ni écrit
help-ecrin-suggest--preset = La création (un fichier .ron)
help-ecrin-suggest--budget = Le budget du client, dans la devise de la liste de prix
help-ecrin-suggest--keep = Ce que le client ne veut pas changer, séparé par des virgules : cut, metal, metal-colour, stone, size, setting, band, side-stones
help-ecrin-suggest--prices = La liste de prix (par défaut : celle de la boutique, sinon l’exemple)
help-ecrin-suggest--rules = Les réglages de propositions de la maison (par défaut : proposals.ron à côté de la liste de prix, sinon l’exemple)
proposals-title = Dans un budget
proposals-no-price = Les propositions ont besoin du prix de la création (voir l’estimation ci-dessus).
proposals-budget-on = Proposer des variantes dans le budget du client
proposals-budget-on-hover = Écrin cherche jusqu’à trois variantes de cette création qui tiennent dans le budget selon la liste de prix de la boutique, chacune avec ses raisons. Rien ne change tant que vous ou le client n’en retenez pas une.
proposals-budget-hover = Le budget du client : les propositions suivent le curseur aussitôt
proposals-searching = Chiffrage des variantes…
proposals-keeps = Le client garde :
proposals-keep-colour = la couleur du métal
proposals-keep-metal = le métal
proposals-keep-stone = la pierre
proposals-keep-size = sa taille
proposals-keep-setting = le serti
proposals-keep-band = le corps de bague
proposals-card-title = Proposé par Écrin ({ $number })
proposals-take = Retenir
proposals-take-hover = La création devient cette proposition (Annuler la rétablit) ; le journal dit qui l’a retenue.
proposals-set-aside = Écarter
proposals-set-aside-hover = Pas celle-ci : la variante suivante apparaît ; le journal dit qui l’a écartée.
help-ecrin-style-guide = Les images du guide de style, une par choix (la pièce, la couleur du métal, la silhouette, la forme et la couleur de la pierre), rendues par Écrin dans un dossier ; celles déjà présentes sont gardées
help-ecrin-style-guide--out = Le dossier où les images sont écrites
help-ecrin-style-guide--size = Côté de chaque image, en pixels (64–512)
style-title = Guide de style
style-open = Guide de style…
style-open-hover = Quelques questions auxquelles le client répond en images — la pièce, la couleur du métal, la silhouette, la forme et la couleur de la pierre, un budget — puis jusqu’à quatre créations de départ sur le tableau. Chaque question peut être passée ; les réponses sont oubliées quand le guide se ferme.
style-question-piece = Quelle pièce ?
style-question-colour = Quelle couleur de métal ?
style-question-silhouette = Quelle silhouette ?
style-question-shape = Quelle forme de pierre ?
style-question-stone = Quelle pierre ?
style-question-budget = Quel budget ?
style-ring = Une bague
style-necklace = Un collier
style-colour-yellow = Or jaune
style-colour-white = Or gris
style-colour-rose = Or rose
style-colour-silver = Argent
style-solitaire = Solitaire
style-classic = Solitaire classique
style-budget-up-to = jusqu’à { $top }
style-budget-between = de { $from } à { $top }
style-budget-from = { $from } et plus
style-step = Question { $step } sur { $count }
style-skip = Passer
style-back = Retour
style-close = Fermer
style-making = Création des propositions de départ…
style-rendering = Écrin dessine les images…

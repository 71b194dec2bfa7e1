"""An independent picture of an exported Écrin scene, and how far Écrin's own is from it.

Reads a folder written by `ecrin export-scene` (piece.glb, environment.hdr, backdrop.hdr, camera.json, mask.png,
ecrin.png), renders the piece with Mitsuba 3's volumetric path tracer (CPU), applies the same exposure and the same
tonemapper (Khronos PBR Neutral, then sRGB), and compares per region (metal, stone, support, background) with
CIEDE2000. Writes reference.png, deltae.png (the ΔE00 heat map), side.png (Écrin | reference | ΔE) and report.json.

What the reference does and does not share with Écrin:
- shared, as data: the geometry (the glTF), the materials the glTF states (base colour = F0, roughness, IOR,
  dispersion as an Abbe number, attenuation colour and distance), the light (the HDR), the camera and exposure;
- shared, as a convention: the observer — a black disc at the eye that blocks the light from behind the viewer
  (`src/optics/observer.rs`); here it is geometry in the scene, so the metal and the stones meet it by themselves;
- its own: the light transport (Mitsuba's path tracing of every bounce between metal and stones, GGX with exact
  conductor Fresnel, exact dielectric Fresnel, absorption in the stone's volume), this file's reading of the glTF,
  the tonemapper written from Khronos' specification.
Neither path tracer disperses light: each colour channel is rendered with its own refractive index, from the glTF's
`ior` and `dispersion` by the Cauchy curve KHR_materials_dispersion describes, at Écrin's channel wavelengths.

Usage: python reference.py SCENE_DIR… [--spp 128] [--stones-alone]
"""

import argparse
import json
import math
import os
import struct
import sys
from pathlib import Path

import drjit as dr  # noqa: F401 (Mitsuba's array library, loaded with it)
import mitsuba as mi
import numpy as np
from PIL import Image
from scipy import ndimage, optimize
from skimage import color

# scalar_rgb runs everywhere; the vectorised llvm_ad_rgb needs a libLLVM Dr.Jit can drive (Debian 12's crashed it
# in instruction selection on the machine the figures come from): ECRIN_MITSUBA_VARIANT=llvm_ad_rgb where it works.
mi.set_variant(os.environ.get("ECRIN_MITSUBA_VARIANT", "scalar_rgb"))


# ---------------------------------------------------------------------------------------------------------- glTF
def read_glb(path):
    """The JSON and the binary chunk of a .glb file."""
    data = Path(path).read_bytes()
    magic, _version, length = struct.unpack_from("<4sII", data, 0)
    if magic != b"glTF" or length != len(data):
        raise ValueError(f"{path}: not a GLB file")
    offset, document, binary = 12, None, b""
    while offset < length:
        chunk_length, chunk_type = struct.unpack_from("<I4s", data, offset)
        chunk = data[offset + 8 : offset + 8 + chunk_length]
        if chunk_type == b"JSON":
            document = json.loads(chunk)
        elif chunk_type == b"BIN\0":
            binary = chunk
        offset += 8 + chunk_length
    return document, binary


COMPONENTS = {5126: ("<f4", 4), 5125: ("<u4", 4), 5123: ("<u2", 2), 5121: ("<u1", 1)}
WIDTH = {"SCALAR": 1, "VEC2": 2, "VEC3": 3, "VEC4": 4}


def accessor(document, binary, index):
    a = document["accessors"][index]
    view = document["bufferViews"][a["bufferView"]]
    kind, size = COMPONENTS[a["componentType"]]
    width = WIDTH[a["type"]]
    start = view.get("byteOffset", 0) + a.get("byteOffset", 0)
    stride = view.get("byteStride", size * width)
    count = a["count"]
    if stride == size * width:
        values = np.frombuffer(binary, dtype=kind, count=count * width, offset=start)
    else:
        rows = [np.frombuffer(binary, dtype=kind, count=width, offset=start + i * stride) for i in range(count)]
        values = np.concatenate(rows)
    return values.reshape(count, width) if width > 1 else values


def quaternion_matrix(q):
    x, y, z, w = q
    return np.array(
        [
            [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
            [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
            [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
        ]
    )


def node_matrix(node):
    if "matrix" in node:
        return np.array(node["matrix"], dtype=float).reshape(4, 4).T
    m = np.eye(4)
    scale = np.array(node.get("scale", [1.0, 1.0, 1.0]))
    m[:3, :3] = quaternion_matrix(node.get("rotation", [0.0, 0.0, 0.0, 1.0])) * scale[None, :]
    m[:3, 3] = node.get("translation", [0.0, 0.0, 0.0])
    return m


def placed_primitives(document, binary):
    """(material index, world positions, world normals or None, triangle indices) of every primitive placed."""
    placed = []

    def visit(index, parent):
        node = document["nodes"][index]
        world = parent @ node_matrix(node)
        if "mesh" in node:
            for primitive in document["meshes"][node["mesh"]]["primitives"]:
                positions = accessor(document, binary, primitive["attributes"]["POSITION"]).astype(float)
                positions = positions @ world[:3, :3].T + world[:3, 3]
                normals = None
                if "NORMAL" in primitive["attributes"]:
                    normals = accessor(document, binary, primitive["attributes"]["NORMAL"]).astype(float)
                    normals = normals @ np.linalg.inv(world[:3, :3])
                    normals /= np.maximum(np.linalg.norm(normals, axis=1, keepdims=True), 1e-12)
                triangles = accessor(document, binary, primitive["indices"]).reshape(-1, 3).astype(np.uint32)
                if np.linalg.det(world[:3, :3]) < 0:
                    triangles = triangles[:, ::-1]
                placed.append((primitive.get("material", -1), positions, normals, triangles))
        for child in node.get("children", []):
            visit(child, world)

    scene = document["scenes"][document.get("scene", 0)]
    for root in scene["nodes"]:
        visit(root, np.eye(4))
    return placed


def write_ply(path, positions, normals, triangles):
    header = [
        "ply",
        "format binary_little_endian 1.0",
        f"element vertex {len(positions)}",
        "property float x",
        "property float y",
        "property float z",
    ]
    if normals is not None:
        header += ["property float nx", "property float ny", "property float nz"]
    header += [f"element face {len(triangles)}", "property list uchar uint vertex_indices", "end_header"]
    vertices = positions if normals is None else np.hstack([positions, normals])
    with open(path, "wb") as out:
        out.write(("\n".join(header) + "\n").encode())
        out.write(vertices.astype("<f4").tobytes())
        faces = np.empty(len(triangles), dtype=[("n", "u1"), ("i", "<u4", (3,))])
        faces["n"] = 3
        faces["i"] = triangles
        out.write(faces.tobytes())


# -------------------------------------------------------------------------------------------------- materials
def gulbrandsen(r, g):
    """A conductor's complex index (n, k) from its normal reflectance r and edge tint g (Gulbrandsen, "Artist
    Friendly Metallic Fresnel", JCGT 3(4), 2014)."""
    n_min = (1 - r) / (1 + r)
    n_max = (1 + math.sqrt(r)) / (1 - math.sqrt(r))
    n = g * n_min + (1 - g) * n_max
    k = math.sqrt(max((r * (n + 1) ** 2 - (n - 1) ** 2) / (1 - r), 0.0))
    return n, k


def conductor_fresnel(n, k, cos_i):
    """Unpolarised Fresnel reflectance of a conductor n + ik from air."""
    eta = complex(n, k)
    cos_t = np.sqrt(1 - (1 - cos_i**2) / eta**2)
    rs = (cos_i - eta * cos_t) / (cos_i + eta * cos_t)
    rp = (eta * cos_i - cos_t) / (eta * cos_i + cos_t)
    return 0.5 * (np.abs(rs) ** 2 + np.abs(rp) ** 2)


def conductor_for(f0):
    """Per channel, the conductor whose exact Fresnel curve is nearest the curve glTF's metallic model states
    (Schlick: F0 + (1 − F0)(1 − cos θ)⁵), by its edge tint; its reflectance at normal incidence is F0 exactly."""
    cosines = np.linspace(0.02, 1.0, 200)
    ns, ks = [], []
    for r in np.clip(np.asarray(f0, dtype=float), 1e-4, 0.9999):
        schlick = r + (1 - r) * (1 - cosines) ** 5

        def error(g):
            return float(np.sum((conductor_fresnel(*gulbrandsen(r, g), cosines) - schlick) ** 2 * cosines))

        best = optimize.minimize_scalar(error, bounds=(0.0, 0.999), method="bounded")
        n, k = gulbrandsen(r, best.x)
        ns.append(n)
        ks.append(k)
    return ns, ks


def channel_iors(ior, dispersion, wavelengths_um):
    """Refractive index at each wavelength from n_d and KHR_materials_dispersion's 20/V (a Cauchy curve through
    n_d with the Abbe number's slope between the F and C lines)."""
    if not dispersion:
        return [ior] * len(wavelengths_um)
    abbe = 20.0 / dispersion
    b = (ior - 1.0) / abbe / (1 / 0.4861**2 - 1 / 0.6563**2)
    a = ior - b / 0.5876**2
    return [a + b / w**2 for w in wavelengths_um]


def bsdf_of(material, channel, wavelengths):
    """The Mitsuba BSDF (and interior medium) of a glTF material for one colour channel."""
    pbr = material.get("pbrMetallicRoughness", {})
    base = pbr.get("baseColorFactor", [1, 1, 1, 1])[:3]
    roughness = pbr.get("roughnessFactor", 1.0)
    extensions = material.get("extensions", {})
    if "KHR_materials_transmission" in extensions:
        ior = extensions.get("KHR_materials_ior", {}).get("ior", 1.5)
        dispersion = extensions.get("KHR_materials_dispersion", {}).get("dispersion", 0.0)
        n = channel_iors(ior, dispersion, wavelengths)[channel]
        bsdf = {"type": "dielectric", "int_ior": float(n), "ext_ior": 1.0}
        volume = extensions.get("KHR_materials_volume")
        medium = None
        if volume and "attenuationDistance" in volume:
            colour = volume.get("attenuationColor", [1, 1, 1])[channel]
            sigma = -math.log(max(colour, 1e-6)) / volume["attenuationDistance"]
            if sigma > 0:
                medium = {"type": "homogeneous", "sigma_t": float(sigma), "albedo": 0.0}
        return bsdf, medium
    if pbr.get("metallicFactor", 1.0) > 0.5:
        n, k = conductor_for(base)
        alpha = max(roughness * roughness, 1e-4)
        bsdf = {
            "type": "roughconductor",
            "distribution": "ggx",
            "alpha": float(alpha),
            "eta": {"type": "rgb", "value": [float(v) for v in n]},
            "k": {"type": "rgb", "value": [float(v) for v in k]},
        }
        return bsdf, None
    return {"type": "diffuse", "reflectance": {"type": "rgb", "value": [float(v) for v in base]}}, None


# ------------------------------------------------------------------------------------------------- rendering
class Unoccluded(mi.SamplingIntegrator):
    """A diagnosis, not a reference: each surface reflects the environment as if nothing else were in the scene —
    what image-based light computes — through Mitsuba's own BSDF (one importance-sampled direction per sample). The
    observer still blocks its light (tested against the observer's disc alone), as it does in Écrin."""

    def __init__(self, props, observer_scene=None):
        super().__init__(props)
        self.observer_scene = observer_scene

    def sample(self, scene, sampler, ray, medium=None, active=True):
        si = scene.ray_intersect(ray)
        if not si.is_valid():
            return (mi.Color3f(0.0), False, [])
        bs, weight = si.bsdf(ray).sample(mi.BSDFContext(), si, sampler.next_1d(), sampler.next_2d())
        out = si.to_world(bs.wo)
        if self.observer_scene is not None and self.observer_scene.ray_test(si.spawn_ray(out)):
            return (mi.Color3f(0.0), True, [])
        probe = mi.SurfaceInteraction3f()
        probe.wi = -out
        return (weight * scene.environment().eval(probe), True, [])


def observer_disc(camera):
    """The observer as Mitsuba geometry: a black disc just behind the eye, facing the piece, as wide as the observer
    seen from the piece's focus (camera rays start in front of it). None when the scene has no observer."""
    observer = camera.get("observer")
    if not observer:
        return None
    cam = camera["camera"]
    position = np.array(cam["position"])
    distance = float(np.linalg.norm(position))
    radius = (distance + 0.5) * math.tan(observer["half_angle_radians"])
    centre = position + np.array(cam["forward"]) * -0.5
    return {
        "type": "disk",
        "to_world": mi.ScalarTransform4f()
        .look_at(origin=centre.tolist(), target=(centre + np.array(cam["forward"])).tolist(), up=cam["up"])
        .scale([radius, radius, 1.0]),
        "bsdf": {"type": "diffuse", "reflectance": {"type": "rgb", "value": [0.0, 0.0, 0.0]}},
    }


class Options:
    """What a render leaves out or changes, for a diagnosis (the defaults make the reference)."""

    def __init__(self, stones_alone=False, metal_alone=False, seed=0, max_depth=64, unoccluded=False):
        self.stones_alone = stones_alone
        self.metal_alone = metal_alone
        self.seed = seed
        self.max_depth = max_depth
        self.unoccluded = unoccluded


def render(scene_dir, spp, options=None):
    options = options or Options()
    camera = json.loads((scene_dir / "camera.json").read_text())
    document, binary = read_glb(scene_dir / "piece.glb")
    materials = document.get("materials", [])
    wavelengths = camera["gem"]["channel_wavelengths_um"]
    meshes = scene_dir / "ply"
    meshes.mkdir(exist_ok=True)
    primitives = placed_primitives(document, binary)
    for i, (material, positions, normals, triangles) in enumerate(primitives):
        gem = "KHR_materials_transmission" in materials[material].get("extensions", {}) if material >= 0 else False
        # Facets are flat: a stone is drawn with its faces' own normals.
        write_ply(meshes / f"{i}.ply", positions, None if gem else normals, triangles)
    cam = camera["camera"]
    position = np.array(cam["position"])
    target = position + np.array(cam["forward"])
    width, height = cam["width"], cam["height"]
    planes = []
    for channel in range(3):
        scene = {
            "type": "scene",
            "integrator": {
                "type": "volpath",
                "max_depth": options.max_depth,
                "rr_depth": min(32, options.max_depth),
                "hide_emitters": True,
            },
            "sensor": {
                "type": "perspective",
                "fov": math.degrees(cam["yfov_radians"]),
                "fov_axis": "y",
                "near_clip": 0.1,
                "far_clip": 10000.0,
                "to_world": mi.ScalarTransform4f().look_at(
                    origin=position.tolist(), target=target.tolist(), up=cam["up"]
                ),
                "sampler": {"type": "independent", "sample_count": spp},
                "film": {
                    "type": "hdrfilm",
                    "width": width,
                    "height": height,
                    "pixel_format": "rgba",
                    "rfilter": {"type": "box"},
                },
            },
            "light": {
                "type": "envmap",
                "filename": str(scene_dir / camera["environment"]["file"]),
                "scale": camera["environment"]["scale"],
            },
        }
        disc = observer_disc(camera)
        if disc:
            scene["observer"] = disc
        if options.unoccluded:
            scene["integrator"] = {"type": "unoccluded"}
        for i, (material, _, _, _) in enumerate(primitives):
            gem = material >= 0 and "KHR_materials_transmission" in materials[material].get("extensions", {})
            if (options.stones_alone and not gem) or ((options.metal_alone or options.unoccluded) and gem):
                continue
            bsdf, medium = bsdf_of(materials[material] if material >= 0 else {}, channel, wavelengths)
            shape = {"type": "ply", "filename": str(meshes / f"{i}.ply"), "bsdf": bsdf}
            if medium:
                shape["interior"] = medium
            scene[f"part_{i}"] = shape
        # One seed for the three channels: their noise agrees, so it shows as grain, not as colour speckles.
        if options.unoccluded:
            observer_scene = mi.load_dict({"type": "scene", "observer": disc}) if disc else None
            mi.register_integrator("unoccluded", lambda props: Unoccluded(props, observer_scene))
        image = np.array(mi.render(mi.load_dict(scene), seed=options.seed))
        planes.append(image)
        if options.unoccluded or options.metal_alone:
            planes = [image] * 3  # no stone in the picture: the channels need no render of their own
            break
    # Each channel from its own render; alpha (coverage) from the first.
    rgb = np.stack([planes[c][:, :, c] for c in range(3)], axis=-1)
    alpha = planes[0][:, :, 3]
    return rgb, alpha, camera


def backdrop(scene_dir, camera):
    """The backdrop's display-linear colour seen through every pixel (camera rays that leave the scene)."""
    picture = np.array(mi.Bitmap(str(scene_dir / camera["backdrop"]["file"]))).astype(float)[:, :, :3]
    h, w = picture.shape[:2]
    cam = camera["camera"]
    width, height = cam["width"], cam["height"]
    forward, up = np.array(cam["forward"]), np.array(cam["up"])
    right = np.cross(forward, up)
    half = math.tan(cam["yfov_radians"] / 2)
    xs = (2 * (np.arange(width) + 0.5) / width - 1) * half * width / height
    ys = (1 - 2 * (np.arange(height) + 0.5) / height) * half
    d = forward[None, None, :] + xs[None, :, None] * right[None, None, :] + ys[:, None, None] * up[None, None, :]
    d /= np.linalg.norm(d, axis=-1, keepdims=True)
    # The mapping camera.json states: θ = π v, φ = 2π u, d = (sin θ sin φ, cos θ, −sin θ cos φ).
    theta = np.arccos(np.clip(d[..., 1], -1, 1))
    phi = np.mod(np.arctan2(d[..., 0], -d[..., 2]), 2 * math.pi)
    i = np.clip((phi / (2 * math.pi) * w).astype(int), 0, w - 1)
    j = np.clip((theta / math.pi * h).astype(int), 0, h - 1)
    return picture[j, i] * camera["backdrop"]["scale"]


def khronos_pbr_neutral(colour):
    """Khronos PBR Neutral tone mapping, as its specification writes it."""
    start_compression = 0.8 - 0.04
    desaturation = 0.15
    colour = colour.copy()
    x = colour.min(axis=-1, keepdims=True)
    offset = np.where(x < 0.08, x - 6.25 * x * x, 0.04)
    colour -= offset
    peak = colour.max(axis=-1, keepdims=True)
    d = 1 - start_compression
    new_peak = 1 - d * d / (peak + d - start_compression)
    compressed = colour * (new_peak / np.maximum(peak, 1e-9))
    g = 1 - 1 / (desaturation * (peak - new_peak) + 1)
    compressed = compressed * (1 - g) + new_peak * g
    return np.where(peak < start_compression, colour, compressed)


def srgb(linear):
    linear = np.clip(linear, 0, 1)
    return np.where(linear <= 0.0031308, linear * 12.92, 1.055 * np.power(linear, 1 / 2.4) - 0.055)


# ------------------------------------------------------------------------------------------------ comparison
REGIONS = ("metal", "stone", "support", "background")


def regions_of(scene_dir, camera):
    mask = np.array(Image.open(scene_dir / camera["mask"]["file"]).convert("RGB")).astype(int)
    regions = {}
    for name in REGIONS:
        colour = np.array(camera["mask"]["colours"][name])
        inside = np.all(mask == colour, axis=-1)
        # Edge pixels mix two regions (and anti-aliasing): each region is read one pixel inside its border.
        regions[name] = ndimage.binary_erosion(inside, iterations=1)
    return regions


def heat(delta):
    """ΔE00 as a picture: black 0, through red (3) and yellow (6) to white (≥ 12)."""
    t = np.clip(delta / 12.0, 0, 1)
    r = np.clip(t * 4, 0, 1)
    g = np.clip((t - 0.25) * 2, 0, 1)
    b = np.clip((t - 0.75) * 4, 0, 1)
    return (np.stack([r, g, b], axis=-1) * 255).astype(np.uint8)


def picture(scene_dir, spp, options=None):
    """The reference as a picture: rendered, over the backdrop, exposed, tonemapped and sRGB-encoded (8 bits)."""
    rgb, alpha, camera = render(scene_dir, spp, options)
    display = rgb + (1 - alpha[..., None]) * backdrop(scene_dir, camera)
    return (srgb(khronos_pbr_neutral(display)) * 255 + 0.5).astype(np.uint8), camera


def delta_e(a, b):
    """CIEDE2000 between two 8-bit sRGB pictures, per pixel."""
    return color.deltaE_ciede2000(color.rgb2lab(a / 255.0), color.rgb2lab(b / 255.0))


def region_figures(delta, inside):
    values = delta[inside]
    return {"pixels": int(values.size), "mean": round(float(values.mean()), 2), "p95": round(float(np.percentile(values, 95)), 2)}


def compare(scene_dir, spp, stones_alone=False, reuse=False):
    suffix = "-stones-alone" if stones_alone else ""
    stored = scene_dir / f"reference{suffix}.png"
    if reuse and stored.exists():
        # Écrin's side made again for the same scene (export-scene into the same folder): the path tracer's
        # picture of it still holds.
        camera = json.loads((scene_dir / "camera.json").read_text())
        reference = np.array(Image.open(stored).convert("RGB"))
    else:
        reference, camera = picture(scene_dir, spp, Options(stones_alone=stones_alone))
        Image.fromarray(reference).save(stored)
    ecrin = np.array(Image.open(scene_dir / camera["render"]).convert("RGB"))
    delta = delta_e(ecrin, reference)
    Image.fromarray(heat(delta)).save(scene_dir / f"deltae{suffix}.png")
    Image.fromarray(np.hstack([ecrin, reference, heat(delta)])).save(scene_dir / f"side{suffix}.png")
    report = {"scene": str(scene_dir), "design": camera["design"], "light": camera["environment"]["name"], "spp": spp}
    if stones_alone:
        report["stones_alone"] = True
    for name, inside in regions_of(scene_dir, camera).items():
        if inside.any():
            report[name] = region_figures(delta, inside) | {
                "ecrin_luminance": round(float(color.rgb2lab(ecrin / 255.0)[..., 0][inside].mean()), 1),
                "reference_luminance": round(float(color.rgb2lab(reference / 255.0)[..., 0][inside].mean()), 1),
            }
    (scene_dir / f"report{suffix}.json").write_text(json.dumps(report, indent=2))
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenes", nargs="+", type=Path)
    parser.add_argument("--spp", type=int, default=128)
    parser.add_argument(
        "--stones-alone",
        action="store_true",
        help="a diagnosis: the stones without the metal, lit by the environment only as Écrin's tracer sees it "
        "(only the stone region's figures mean anything then)",
    )
    parser.add_argument(
        "--reuse-reference",
        action="store_true",
        help="compare with the reference picture already in the scene's folder (Écrin's render exported again into "
        "it after a change to Écrin only); render it where there is none",
    )
    args = parser.parse_args()
    for scene in args.scenes:
        print(json.dumps(compare(scene, args.spp, args.stones_alone, args.reuse_reference)), flush=True)


if __name__ == "__main__":
    sys.exit(main())

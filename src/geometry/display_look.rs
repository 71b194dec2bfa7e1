//! How the display supports look — the bust's linen, the hand's porcelain, velvet or skin, and its nails — as data:
//! the studio draws them with it (`studio/display.rs`) and an exported scene gives a path tracer the same colours
//! (`scene/gltf.rs`). Judged by eye against boutique neck forms and display hands.

use super::hand::HandFinish;

/// How much of the environment's light a display support receives. The environments' softboxes are as bright as
/// the metal's reflections need; a matte form under them at full strength would be white all over (a porcelain
/// hand's back would be five times display white), so the support is lit lower, as a photographer flags a prop.
pub const DISPLAY_LIGHT: f32 = 0.3;

/// How a surface looks: base colour (sRGB), perceptual roughness, reflectance, sheen (sRGB colour, strength).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Look {
    pub colour: [f32; 3],
    pub roughness: f32,
    pub reflectance: f32,
    pub sheen: ([f32; 3], f32),
}

impl Look {
    /// The base colour in linear light (what glTF's base colour factor holds).
    pub fn linear_colour(&self) -> [f32; 3] {
        self.colour.map(crate::colour::srgb_to_linear)
    }
}

/// The bust's warm pale linen, matte.
pub fn linen() -> Look {
    Look { colour: [0.70, 0.66, 0.61], roughness: 0.85, reflectance: 0.3, sheen: ([0.6, 0.58, 0.55], 0.15) }
}

/// The hand's look and its nails' for a finish.
pub fn hand_looks(finish: HandFinish) -> (Look, Look) {
    let skin = |colour: [f32; 3], nail: [f32; 3]| {
        (
            Look { colour, roughness: 0.55, reflectance: 0.35, sheen: ([1.0, 0.85, 0.75], 0.25) },
            Look { colour: nail, roughness: 0.3, reflectance: 0.45, sheen: ([1.0, 0.9, 0.85], 0.1) },
        )
    };
    match finish {
        HandFinish::Porcelain => (
            Look { colour: [0.92, 0.91, 0.89], roughness: 0.2, reflectance: 0.5, sheen: ([1.0; 3], 0.0) },
            Look { colour: [0.94, 0.93, 0.91], roughness: 0.12, reflectance: 0.55, sheen: ([1.0; 3], 0.0) },
        ),
        HandFinish::Velvet => (
            Look { colour: [0.035, 0.034, 0.034], roughness: 1.0, reflectance: 0.2, sheen: ([0.36, 0.35, 0.34], 0.8) },
            Look { colour: [0.04, 0.039, 0.039], roughness: 0.9, reflectance: 0.25, sheen: ([0.36, 0.35, 0.34], 0.7) },
        ),
        HandFinish::FairSkin => skin([0.89, 0.73, 0.64], [0.93, 0.78, 0.76]),
        HandFinish::MediumSkin => skin([0.71, 0.52, 0.39], [0.80, 0.63, 0.57]),
        HandFinish::DeepSkin => skin([0.37, 0.24, 0.17], [0.55, 0.40, 0.35]),
    }
}

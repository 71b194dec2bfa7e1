//! The sRGB transfer function (IEC 61966-2-1): the one conversion from the sRGB-encoded colours people choose and
//! pictures store to the linear light the renderers and the tracer compute with.

/// An sRGB-encoded channel (0–1) as linear light (0–1).
pub fn srgb_to_linear(encoded: f32) -> f32 {
    if encoded <= 0.04045 { encoded / 12.92 } else { ((encoded + 0.055) / 1.055).powf(2.4) }
}

/// Linear light (0–1) as an sRGB-encoded channel (0–1): the inverse of `srgb_to_linear`.
pub fn linear_to_srgb(linear: f32) -> f32 {
    let linear = linear.clamp(0.0, 1.0);
    if linear <= 0.003_130_8 { linear * 12.92 } else { 1.055 * linear.powf(1.0 / 2.4) - 0.055 }
}

/// Linear light (0–1) as an 8-bit sRGB channel.
pub fn linear_to_srgb8(linear: f32) -> u8 {
    (linear_to_srgb(linear) * 255.0).round() as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_curve_meets_its_known_points() {
        assert_eq!(srgb_to_linear(0.0), 0.0);
        assert!((srgb_to_linear(1.0) - 1.0).abs() < 1e-6);
        // Mid-grey 0.5 encoded is 21.4 % linear light; the linear toe meets the power curve at 0.04045.
        assert!((srgb_to_linear(0.5) - 0.2140).abs() < 1e-4);
        assert!((srgb_to_linear(0.04045) - 0.04045 / 12.92).abs() < 1e-6);
        for encoded in [0.0, 0.02, 0.5, 0.9, 1.0] {
            assert!((linear_to_srgb(srgb_to_linear(encoded)) - encoded).abs() < 1e-5);
        }
    }
}

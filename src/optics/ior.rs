//! Refractive index per colour channel from a species' RI and dispersion: a Cauchy curve n(λ) = A + B/λ² through
//! n at 587.6 nm (the RI) and the B–G interval (n at 430.8 nm − n at 686.7 nm), as the notes prescribe.

/// Wavelengths (µm) the render's red, green and blue channels stand for.
pub const CHANNEL_WAVELENGTHS_UM: [f32; 3] = [0.640, 0.550, 0.460];

/// Refractive index for each colour channel (red, green, blue).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChannelIor(pub [f32; 3]);

/// Cauchy coefficients (A, B) with λ in µm.
pub fn cauchy(refractive_index: f32, dispersion: f32) -> (f32, f32) {
    let b = dispersion / (1.0 / 0.4308f32.powi(2) - 1.0 / 0.6867f32.powi(2));
    (refractive_index - b / 0.5876f32.powi(2), b)
}

impl ChannelIor {
    pub fn new(refractive_index: f32, dispersion: f32) -> Self {
        let (a, b) = cauchy(refractive_index, dispersion);
        ChannelIor(CHANNEL_WAVELENGTHS_UM.map(|l| a + b / (l * l)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Diamond, Sellmeier (Peter 1923), λ in µm (notes).
    fn diamond_sellmeier(l: f32) -> f32 {
        let l2 = l * l;
        (1.0 + 4.3356 * l2 / (l2 - 0.1060f32.powi(2)) + 0.3306 * l2 / (l2 - 0.1750f32.powi(2))).sqrt()
    }

    #[test]
    fn cauchy_fit_of_diamond_matches_sellmeier() {
        assert!((diamond_sellmeier(0.5876) - 2.4173).abs() < 1e-3);
        let ior = ChannelIor::new(2.4173, 0.044);
        for (n, &l) in ior.0.iter().zip(&CHANNEL_WAVELENGTHS_UM) {
            assert!(
                (n - diamond_sellmeier(l)).abs() < 0.005,
                "λ {l}: Cauchy {n} vs Sellmeier {}",
                diamond_sellmeier(l)
            );
        }
    }

    #[test]
    fn blue_bends_more_and_dispersion_is_reproduced() {
        let (a, b) = cauchy(2.67, 0.104);
        let n = |l: f32| a + b / (l * l);
        assert!((n(0.4308) - n(0.6867) - 0.104).abs() < 1e-4);
        let ior = ChannelIor::new(2.67, 0.104);
        assert!(ior.0[2] > ior.0[1] && ior.0[1] > ior.0[0]);
        let none = ChannelIor::new(1.5, 0.0);
        assert!(none.0.iter().all(|&n| (n - 1.5).abs() < 1e-6));
    }
}

//! Each screen's scale, matched once to a bank card and remembered (`~/.config/Ecrin/screens.ron`, RON, versioned,
//! written atomically and off the frame): a screen is known by its name and its size in pixels, so a boutique's
//! second display keeps its own. A file that cannot be read is set aside with the date and the card asked for again.

use crate::sizer::Calibration;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

const VERSION: u32 = 1;

/// The screens' scales, as the file holds them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScreenScales {
    pub version: u32,
    /// (screen, its scale), one per screen.
    pub screens: Vec<(String, Calibration)>,
}

/// The file in the user's configuration folder.
pub fn screens_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("studio", "Ecrin", "Ecrin").map(|dirs| dirs.config_dir().join("screens.ron"))
}

impl ScreenScales {
    /// The scales in a file; none when there is no file or it cannot be read.
    pub fn load(path: &Path) -> ScreenScales {
        ScreenScales::read(path).unwrap_or_default()
    }

    /// The scales in a file (none when there is no file yet); `Err` (why) when it is there but unreadable.
    pub fn read(path: &Path) -> Result<ScreenScales, crate::studio::floor::files::UserFileError> {
        crate::studio::floor::files::read_user_file(path, VERSION, |s: &ScreenScales| s.version)
            .map(Option::unwrap_or_default)
    }

    pub fn of(&self, screen: &str) -> Option<Calibration> {
        self.screens.iter().find(|(name, _)| name == screen).map(|(_, calibration)| *calibration)
    }

    /// Remembers a screen's scale (replacing the one it had).
    pub fn set(&mut self, screen: &str, calibration: Calibration) {
        self.version = VERSION;
        self.screens.retain(|(name, _)| name != screen);
        self.screens.push((screen.to_string(), calibration));
    }

    /// Writes the file atomically (its folder made if needed).
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let text =
            ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default()).map_err(std::io::Error::other)?;
        crate::atomic_file::write_atomically(path, text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_screen_keeps_its_own_scale() {
        let dir = std::env::temp_dir().join(format!("ecrin-screens-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let path = dir.join("screens.ron");
        let mut scales = ScreenScales::load(&path);
        assert_eq!(scales.of("DELL U2720Q 3840×2160"), None);
        let (laptop, display) = (Calibration { points_per_mm: 5.1 }, Calibration { points_per_mm: 3.2 });
        scales.set("eDP-1 2880×1800", laptop);
        scales.set("DELL U2720Q 3840×2160", display);
        scales.set("eDP-1 2880×1800", Calibration { points_per_mm: 5.0 });
        scales.save(&path).expect("saved");
        let back = ScreenScales::load(&path);
        assert_eq!(back.of("DELL U2720Q 3840×2160"), Some(display));
        assert_eq!(back.of("eDP-1 2880×1800"), Some(Calibration { points_per_mm: 5.0 }));
        std::fs::write(&path, "(version: 1, screens: [(").expect("broken");
        assert_eq!(ScreenScales::load(&path), ScreenScales::default());
        // A hand-edited scale no screen has: refused at its place (the sizer would draw a wrong true scale).
        for scale in ["NaN", "0.0", "-3.0", "1e30", "inf"] {
            let text = format!(
                "(\n    version: 1,\n    screens: [\n        (\"HDMI-1\", (points_per_mm: {scale})),\n    ],\n)"
            );
            std::fs::write(&path, text).expect("edited");
            let why = ScreenScales::read(&path).expect_err(scale).to_string();
            assert!(why.contains("line 4") && why.contains("no screen's scale"), "{scale}: {why}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}

//! The studio window on a small screen: it asks for 1600 × 900, which a boutique's 1366 × 768 laptop or a
//! 1280 × 720 display cannot show; once the primary monitor is known the window is made to fit inside it (a margin
//! left for the desktop's bars) and centred, so that the panel's bottom and the piece are never off screen.

use bevy::prelude::*;
use bevy::window::{Monitor, PrimaryMonitor, PrimaryWindow, WindowPosition};

/// Share of the monitor's width and height the window may take when it must shrink.
const ROOM: f32 = 0.94;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, fit_to_monitor.run_if(not(resource_exists::<Fitted>)));
}

/// Set once the window has been checked against its monitor (it is then the advisor's to resize).
#[derive(Resource)]
struct Fitted;

/// The window's logical size that fits a monitor of `monitor` logical pixels, or `None` when `wanted` fits already.
pub fn fitted_size(wanted: Vec2, monitor: Vec2) -> Option<Vec2> {
    let room = monitor * ROOM;
    (wanted.x > room.x || wanted.y > room.y).then(|| wanted.min(room).floor())
}

fn fit_to_monitor(
    mut commands: Commands,
    monitors: Query<&Monitor, With<PrimaryMonitor>>,
    mut windows: Query<&mut Window, With<PrimaryWindow>>,
) {
    let (Ok(monitor), Ok(mut window)) = (monitors.single(), windows.single_mut()) else { return };
    let scale = monitor.scale_factor.max(0.1) as f32;
    let logical = Vec2::new(monitor.physical_width as f32, monitor.physical_height as f32) / scale;
    let wanted = Vec2::new(window.resolution.width(), window.resolution.height());
    if let Some(size) = fitted_size(wanted, logical) {
        info!("window {wanted} does not fit the monitor ({logical}): {size}");
        window.resolution.set(size.x, size.y);
        window.position = WindowPosition::Centered(bevy::window::MonitorSelection::Primary);
    }
    commands.insert_resource(Fitted);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_larger_than_its_monitor_is_made_to_fit() {
        assert_eq!(fitted_size(Vec2::new(1600.0, 900.0), Vec2::new(1920.0, 1080.0)), None);
        let laptop = fitted_size(Vec2::new(1600.0, 900.0), Vec2::new(1366.0, 768.0)).expect("shrinks");
        assert!(laptop.x <= 1366.0 * ROOM && laptop.y <= 768.0 * ROOM && laptop.y > 700.0, "{laptop}");
        // Only the side that does not fit shrinks.
        let tall = fitted_size(Vec2::new(1600.0, 900.0), Vec2::new(1440.0, 2560.0)).expect("narrower");
        assert_eq!(tall.y, 900.0);
    }
}

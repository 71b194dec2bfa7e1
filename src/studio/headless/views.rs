//! Where the offscreen camera stands for each view of a design: the studio's framing turned to the view's direction,
//! the ring on the display hand, the close-up inside the band on the engraving.

use super::Framing;
use crate::approval::View;
use crate::design::Design;
use bevy::prelude::*;

/// Camera position of the studio's default three-quarter view around a focus point.
pub fn orbit_position(focus: Vec3, yaw: f32, pitch: f32, radius: f32) -> Vec3 {
    let rotation = Quat::from_axis_angle(Vec3::Y, yaw) * Quat::from_axis_angle(Vec3::X, -pitch);
    focus + rotation * Vec3::Z * radius
}

/// A close-up inside the band on its engraving (the studio's `camera::engraving_close_up`): the letters' tops (−Z)
/// up the picture.
fn engraving_close_up(design: &Design) -> Transform {
    let orbit = crate::studio::camera::engraving_close_up(design);
    let position = orbit_position(orbit.target_focus, orbit.target_yaw, orbit.target_pitch, orbit.target_radius);
    Transform::from_translation(position).looking_at(orbit.target_focus, Vec3::Y)
}

/// Where the camera stands for a view of the design: the studio's framing, turned to the view's direction.
pub fn view_transform(design: &Design, framing: Framing, view: View) -> Transform {
    if view == View::Engraving && design.necklace.is_none() {
        return engraving_close_up(design);
    }
    if view == View::Hand && design.necklace.is_none() {
        let hand = crate::studio::hand::hand_camera(design, crate::studio::hand::HandFraming::Back);
        let position = orbit_position(hand.target_focus, hand.target_yaw, hand.target_pitch, hand.target_radius);
        return Transform::from_translation(position).looking_at(hand.target_focus, Vec3::Y);
    }
    let studio = crate::studio::camera::view_for(design);
    let (focus, radius) = match framing {
        Framing::Ring => (studio.target_focus, studio.target_radius),
        Framing::Stone => match &design.necklace {
            // A necklace's close-up: the pendant (or the chain at its lowest point).
            Some(necklace) => {
                let seat = crate::geometry::assemble::assemble(design).centre_seat();
                let low = crate::geometry::necklace::lowest_point_mm(necklace.length_mm);
                let at = seat.map_or(Vec3::new(0.0, low, 100.0), |seat| Vec3::from(seat.translation));
                (at, design.stone.size_mm * 6.0 + 20.0)
            }
            // A ring's: its centre stone — where the Assembly seats it on a house's model.
            None => {
                let girdle = crate::geometry::shank::band_top_mm(design.ring_size_mm) + design.stone.size_mm * 0.45;
                let house_seat = design.source.collection().and_then(|_| {
                    crate::geometry::assemble::assemble(design).centre_seat().map(|seat| Vec3::from(seat.translation))
                });
                (house_seat.unwrap_or(Vec3::new(0.0, girdle, 0.0)), design.stone.size_mm * 3.4)
            }
        },
    };
    let (yaw, pitch) = view.direction().unwrap_or((studio.target_yaw, studio.target_pitch));
    let position = orbit_position(focus, yaw, pitch, radius);
    // Straight down, "up" on the picture is along the finger (the stone's length runs up the page).
    let up = if matches!(view, View::Top | View::Aset) { Vec3::NEG_Z } else { Vec3::Y };
    Transform::from_translation(position).looking_at(focus, up)
}

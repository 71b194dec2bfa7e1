//! Écrin — a desktop jewellery co-design studio: the Bevy-free core (design, geometry) and the Bevy studio.

pub mod approval;
pub mod atomic_file;
pub mod cli;
pub mod design;
pub mod geometry;
pub mod memo;
pub mod optics;
pub mod studio;

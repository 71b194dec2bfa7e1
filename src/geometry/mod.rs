//! Geometry free of Bevy: gem cuts as convex polyhedra, ring components as meshes, and glTF writing.

pub mod cut;
pub mod glb;
pub mod halo;
pub mod import;
pub mod imported;
#[cfg(test)]
mod joins;
pub mod library;
pub mod mesh;
pub mod necklace;
pub mod outline;
pub mod polyhedron;
pub mod ring;
pub mod sample_export;
pub mod shank;

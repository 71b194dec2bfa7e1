//! Geometry free of Bevy: gem cuts as convex polyhedra, ring and necklace components as meshes, the Assembly of a
//! piece from them, and glTF reading and writing.

pub mod assemble;
pub mod assembly;
pub mod cut;
pub mod display_look;
pub mod engraving;
pub mod glb;
pub mod halo;
pub mod hand;
pub mod house;
#[cfg(test)]
mod joins;
pub mod library;
pub mod mesh;
pub mod model;
pub mod necklace;
pub mod outline;
pub mod placed;
pub mod polyhedron;
pub mod rays;
pub mod ring;
pub mod sample_export;
pub mod section;
pub mod shank;

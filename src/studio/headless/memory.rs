//! Where the windowless studio's memory goes, for the bench's `memory_*_mb` figures: the renderer's GPU allocations
//! by what they hold (wgpu's allocator report, by each resource's label — on Mesa lavapipe GPU memory is host memory,
//! so it is inside the resident set), the main world's copies of meshes and pictures, and the process's resident set.

use super::Offscreen;
use bevy::mesh::Mesh;
use bevy::prelude::{Assets, Image};
use bevy::render::renderer::RenderDevice;
use std::collections::BTreeMap;

/// What a GPU allocation holds, told by its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GpuUse {
    /// Vertex and index buffers (Bevy's mesh allocator's slabs).
    Meshes,
    /// The pictures the scene samples: environment cubemaps, the backdrop, the stones' setting tables, glTF textures.
    Pictures,
    /// The working textures of Bevy's generator while an environment's light is filtered (`lighting::filtered`;
    /// the kept radiance and irradiance maps are pictures).
    EnvironmentLight,
    /// What each camera draws into: colour (HDR, multisampled), depth, bloom's chain, read-back buffers.
    Targets,
    /// Uniforms, instance and storage buffers, staging, everything else.
    Other,
}

impl GpuUse {
    pub const ALL: [GpuUse; 5] =
        [GpuUse::Meshes, GpuUse::Pictures, GpuUse::EnvironmentLight, GpuUse::Targets, GpuUse::Other];

    /// The bench's metric for it.
    pub fn metric(self) -> &'static str {
        match self {
            GpuUse::Meshes => "memory_gpu_meshes_mb",
            GpuUse::Pictures => "memory_gpu_pictures_mb",
            GpuUse::EnvironmentLight => "memory_gpu_environment_light_mb",
            GpuUse::Targets => "memory_gpu_targets_mb",
            GpuUse::Other => "memory_gpu_other_mb",
        }
    }

    /// Sorts an allocation by its label (Bevy's and Écrin's labels; unlabelled textures are images).
    pub fn of_label(label: &str) -> GpuUse {
        let label = label.to_ascii_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| label.contains(w));
        if has(&["mesh", "vertex", "index"]) && !has(&["indirect", "uniform", "instance", "preprocess"]) {
            GpuUse::Meshes
        } else if has(&["lightprobe", "environment_map", "radiance", "irradiance"]) {
            GpuUse::EnvironmentLight
        } else if has(&["main_texture", "depth", "bloom", "prepass", "screenshot", "view_target", "msaa", "sampled"]) {
            GpuUse::Targets
        } else if label == "unlabeled texture" || has(&["image", "cubemap", "skybox"]) {
            GpuUse::Pictures
        } else {
            GpuUse::Other
        }
    }
}

/// The renderer's GPU allocations.
#[derive(Clone, Debug, Default)]
pub struct GpuMemory {
    /// Bytes of the memory blocks the allocator holds (what the device really gave).
    pub reserved: u64,
    /// Bytes of the live allocations inside them.
    pub allocated: u64,
    /// Bytes by what they hold.
    pub by_use: BTreeMap<GpuUse, u64>,
    /// Bytes by label, largest first (what `--memory-labels` prints).
    pub by_label: Vec<(String, u64)>,
}

/// Bytes of the main world's own copies (assets whose data stays on the CPU side too).
#[derive(Clone, Copy, Debug, Default)]
pub struct MainWorldMemory {
    pub meshes: u64,
    pub images: u64,
}

impl Offscreen {
    /// The renderer's allocations, if its backend reports them (wgpu's Vulkan and DX12 backends do).
    pub fn gpu_memory(&mut self) -> Option<GpuMemory> {
        let device = self.world_mut().get_resource::<RenderDevice>()?.wgpu_device().clone();
        let report = device.generate_allocator_report()?;
        let mut by_label: BTreeMap<String, u64> = BTreeMap::new();
        let mut by_use: BTreeMap<GpuUse, u64> = BTreeMap::new();
        for allocation in &report.allocations {
            *by_label.entry(allocation.name.clone()).or_default() += allocation.size;
            *by_use.entry(GpuUse::of_label(&allocation.name)).or_default() += allocation.size;
        }
        let mut by_label: Vec<(String, u64)> = by_label.into_iter().collect();
        by_label.sort_by_key(|(_, bytes)| std::cmp::Reverse(*bytes));
        Some(GpuMemory {
            reserved: report.total_reserved_bytes,
            allocated: report.total_allocated_bytes,
            by_use,
            by_label,
        })
    }

    /// The main world's copies of mesh and picture data.
    pub fn main_world_memory(&mut self) -> MainWorldMemory {
        let world = self.world_mut();
        let meshes = world.resource::<Assets<Mesh>>().iter().map(|(_, mesh)| mesh_bytes(mesh)).sum();
        let images = world
            .resource::<Assets<Image>>()
            .iter()
            .map(|(_, image)| image.data.as_ref().map_or(0, |data| data.len() as u64))
            .sum();
        MainWorldMemory { meshes, images }
    }
}

/// Bytes of a mesh's vertex and index data still held in the main world (0 once handed to the render world only).
fn mesh_bytes(mesh: &Mesh) -> u64 {
    let vertices: u64 = mesh
        .try_attributes()
        .map(|attributes| attributes.map(|(attribute, values)| attribute.format.size() * values.len() as u64).sum())
        .unwrap_or(0);
    let indices = match mesh.try_indices_option() {
        Ok(Some(bevy::mesh::Indices::U16(indices))) => indices.len() as u64 * 2,
        Ok(Some(bevy::mesh::Indices::U32(indices))) => indices.len() as u64 * 4,
        _ => 0,
    };
    vertices + indices
}

/// Resident memory of this process now, MB (Linux: VmRSS).
pub fn resident_mb() -> Option<f64> {
    resident_part("VmRSS:")
}

/// A line of `/proc/self/status` in MB (`VmRSS:`, `RssFile:`, `VmHWM:`…).
pub fn resident_part(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_sort_into_what_they_hold() {
        assert_eq!(GpuUse::of_label("main_texture_sampled"), GpuUse::Targets);
        assert_eq!(GpuUse::of_label("view_depth_texture"), GpuUse::Targets);
        assert_eq!(GpuUse::of_label("lightprobe_radiance_map"), GpuUse::EnvironmentLight);
        assert_eq!(GpuUse::of_label("Unlabeled texture"), GpuUse::Pictures);
        assert_eq!(GpuUse::of_label("general mesh slab"), GpuUse::Meshes);
        assert_eq!(GpuUse::of_label("mesh_uniform_buffer"), GpuUse::Other);
    }
}

//! Gem optics without Bevy: per-channel refractive indices and the reference ray tracer that `shaders/gem.wgsl`
//! mirrors (entry Fresnel, refraction, internal bounces with total internal reflection, Beer–Lambert absorption),
//! and cut metrics computed with it; what a centre stone sees of its setting.

pub mod aset;
pub mod environment;
pub mod ior;
pub mod irradiance;
pub mod metrics;
pub mod observer;
pub mod setting;
pub mod trace;
pub mod view;
pub mod walk;

pub use ior::ChannelIor;
pub use trace::{ChannelTrace, trace_channel};

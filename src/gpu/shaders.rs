//! The WGSL sources from `shaders/`, compiled into the binary so that native tests and the web
//! build run exactly the same kernels.

/// `shaders/residual_add.wgsl`: `out[i] = x[i] + f_x[i]`.
pub const RESIDUAL_ADD: &str = include_str!("../../shaders/residual_add.wgsl");

/// Every shader with its file name, for validation tests.
pub const ALL: &[(&str, &str)] = &[("residual_add.wgsl", RESIDUAL_ADD)];

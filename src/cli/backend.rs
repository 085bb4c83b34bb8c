//! `lupe backend`: the start-up GPU probe, as JSON.

pub fn run() -> Result<(), String> {
    let (backend, _gpu) = pollster::block_on(crate::gpu::probe());
    super::print_json(&backend)
}

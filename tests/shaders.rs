//! Every WGSL file parses and validates with naga — no GPU needed.
#![cfg(not(target_arch = "wasm32"))]

use lupe::gpu::shaders;

#[test]
fn every_shader_validates_with_naga() {
    assert!(!shaders::ALL.is_empty());
    for (name, source) in shaders::ALL {
        let module = naga::front::wgsl::parse_str(source)
            .unwrap_or_else(|e| panic!("{name} does not parse:\n{}", e.emit_to_string(source)));
        naga::valid::Validator::new(
            naga::valid::ValidationFlags::all(),
            naga::valid::Capabilities::empty(),
        )
        .validate(&module)
        .unwrap_or_else(|e| panic!("{name} does not validate: {e:?}"));
        assert!(
            module.entry_points.iter().any(|ep| ep.name == "main"),
            "{name} has no `main` entry point"
        );
    }
}

#[test]
fn every_shader_file_is_compiled_in() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("shaders");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .expect("shaders/ exists")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".wgsl"))
        .collect();
    on_disk.sort();
    let mut compiled: Vec<String> = shaders::ALL.iter().map(|(n, _)| n.to_string()).collect();
    compiled.sort();
    assert_eq!(on_disk, compiled);
}

//! Every WGSL kernel, as the GPU compiles it (prelude and reductions prepended), parses and
//! validates with naga, and its `Params` uniform matches its Rust twin — no GPU needed.
#![cfg(not(target_arch = "wasm32"))]

use lupe::gpu::params::*;
use lupe::gpu::shaders::{self, Shader};

fn module(shader: &Shader) -> naga::Module {
    let source = shader.source();
    let module = naga::front::wgsl::parse_str(&source).unwrap_or_else(|e| {
        panic!(
            "{} does not parse:\n{}",
            shader.file,
            e.emit_to_string(&source)
        )
    });
    naga::valid::Validator::new(
        naga::valid::ValidationFlags::all(),
        naga::valid::Capabilities::empty(),
    )
    .validate(&module)
    .unwrap_or_else(|e| panic!("{} does not validate: {e:?}", shader.file));
    module
}

#[test]
fn every_shader_validates_with_naga() {
    assert!(!shaders::ALL.is_empty());
    for shader in shaders::ALL {
        let module = module(shader);
        assert!(
            module.entry_points.iter().any(|ep| ep.name == "main"),
            "{} has no `main` entry point",
            shader.file
        );
    }
}

/// The names and byte offsets of the WGSL `struct Params`.
fn wgsl_params(shader: &Shader) -> Vec<(String, u32)> {
    let module = module(shader);
    let (_, ty) = module
        .types
        .iter()
        .find(|(_, t)| t.name.as_deref() == Some("Params"))
        .unwrap_or_else(|| panic!("{} has no struct Params", shader.file));
    match &ty.inner {
        naga::TypeInner::Struct { members, .. } => members
            .iter()
            .map(|m| (m.name.clone().unwrap_or_default(), m.offset))
            .collect(),
        other => panic!("{}: Params is not a struct: {other:?}", shader.file),
    }
}

fn rust_params<P: Params>() -> Vec<(String, u32)> {
    assert_eq!(std::mem::size_of::<P>(), 4 * P::FIELDS.len());
    P::FIELDS
        .iter()
        .enumerate()
        .map(|(i, f)| (f.to_string(), 4 * i as u32))
        .collect()
}

#[test]
fn every_kernels_params_mirror_its_wgsl() {
    let pairs: [(Shader, Vec<(String, u32)>); 10] = [
        (shaders::EMBEDDING, rust_params::<EmbeddingParams>()),
        (shaders::LAYER_NORM, rust_params::<LayerNormParams>()),
        (shaders::MATMUL, rust_params::<MatmulParams>()),
        (shaders::MATVEC, rust_params::<MatvecParams>()),
        (shaders::SPLIT_QKV, rust_params::<SplitQkvParams>()),
        (
            shaders::ATTENTION_SCORES,
            rust_params::<AttentionScoresParams>(),
        ),
        (shaders::SOFTMAX, rust_params::<SoftmaxParams>()),
        (
            shaders::ATTENTION_CONTEXT,
            rust_params::<AttentionContextParams>(),
        ),
        (shaders::GELU, rust_params::<CountParams>()),
        (shaders::RESIDUAL_ADD, rust_params::<CountParams>()),
    ];
    assert_eq!(pairs.len(), shaders::ALL.len());
    for (shader, rust) in pairs {
        assert_eq!(wgsl_params(&shader), rust, "{}", shader.file);
    }
}

#[test]
fn the_prelude_carries_the_rust_workgroup_sizes() {
    let source = shaders::SOFTMAX.source();
    assert!(source.contains(&format!("const WG_ROW: u32 = {}u;", shaders::WG_ROW)));
    assert!(source.contains("fn reduce_max"));
    assert!(!shaders::GELU.source().contains("fn reduce_sum"));
    assert!(shaders::WG_ROW.is_power_of_two());
    assert_eq!(shaders::MATVEC_ROWS * shaders::MATVEC_LANES, 64);
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
    let mut compiled: Vec<String> = shaders::ALL.iter().map(|s| s.file.to_string()).collect();
    compiled.push("reduce.wgsl".into());
    compiled.sort();
    assert_eq!(on_disk, compiled);
}

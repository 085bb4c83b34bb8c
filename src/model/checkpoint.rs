//! Hugging Face GPT-2 checkpoints: `config.json` + `model.safetensors`.
//!
//! Reads F32, F16 and BF16 tensors, names with or without the `transformer.` prefix (the hub's
//! `gpt2` has none; `save_pretrained` adds it), GPT-2's `Conv1D` layout, and a tied LM head when
//! `lm_head.weight` is absent. The causal-mask buffers some old checkpoints carry
//! (`attn.bias`, `attn.masked_bias`) are skipped. Writes the hub's layout, F32 or F16.

use rustc_hash::FxHashMap;
use safetensors::{Dtype, SafeTensors, tensor::TensorView};

use super::ModelError;
use super::config::Config;
use super::weights::Weights;

/// How to store weights when saving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreAs {
    F32,
    F16,
}

/// Reads weights for `config` from the bytes of a `.safetensors` file.
pub fn load_safetensors(config: &Config, bytes: &[u8]) -> Result<Weights, ModelError> {
    let file = SafeTensors::deserialize(bytes)
        .map_err(|e| ModelError::new(format!("model.safetensors is damaged or cut off ({e})")))?;
    let mut tensors = FxHashMap::default();
    for (raw_name, view) in file.tensors() {
        let name = raw_name
            .strip_prefix("transformer.")
            .unwrap_or(&raw_name)
            .to_string();
        if is_mask_buffer(&name) {
            continue;
        }
        // `wte.weight` and `transformer.wte.weight` are the same tensor: which one would win
        // would depend on the order of a hash map, so two of them are refused.
        if tensors.contains_key(&name) {
            return Err(ModelError::new(format!(
                "model.safetensors holds the tensor {name} twice (with and without the prefix \"transformer.\")"
            )));
        }
        let data = to_f32(&name, &view)?;
        if let Some(bad) = data.iter().position(|v| !v.is_finite()) {
            return Err(ModelError::new(format!(
                "tensor {name} holds a non-finite value ({}) at index {bad}",
                data[bad]
            )));
        }
        tensors.insert(name, (view.shape().to_vec(), data));
    }
    Weights::from_named(config, tensors)
}

fn is_mask_buffer(name: &str) -> bool {
    name.starts_with("h.") && (name.ends_with(".attn.bias") || name.ends_with(".attn.masked_bias"))
}

fn to_f32(name: &str, view: &TensorView<'_>) -> Result<Vec<f32>, ModelError> {
    let bytes = view.data();
    Ok(match view.dtype() {
        Dtype::F32 => bytes
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect(),
        Dtype::F16 => bytes
            .chunks_exact(2)
            .map(|b| f16_to_f32(u16::from_le_bytes([b[0], b[1]])))
            .collect(),
        Dtype::BF16 => bytes
            .chunks_exact(2)
            .map(|b| f32::from_bits((u16::from_le_bytes([b[0], b[1]]) as u32) << 16))
            .collect(),
        other => {
            return Err(ModelError::new(format!(
                "tensor {name} has dtype {other:?}; Lupe reads F32, F16 and BF16"
            )));
        }
    })
}

/// Writes weights as `.safetensors` bytes (hub names, no prefix).
pub fn save_safetensors(
    config: &Config,
    weights: &Weights,
    store: StoreAs,
) -> Result<Vec<u8>, ModelError> {
    let named = weights.named(config);
    let encoded: Vec<(String, Vec<usize>, Vec<u8>)> = named
        .into_iter()
        .map(|(name, shape, data)| {
            let bytes = match store {
                StoreAs::F32 => data.iter().flat_map(|v| v.to_le_bytes()).collect(),
                StoreAs::F16 => data
                    .iter()
                    .flat_map(|&v| f32_to_f16(v).to_le_bytes())
                    .collect(),
            };
            (name, shape, bytes)
        })
        .collect();
    let dtype = match store {
        StoreAs::F32 => Dtype::F32,
        StoreAs::F16 => Dtype::F16,
    };
    let views = encoded
        .iter()
        .map(|(name, shape, bytes)| {
            TensorView::new(dtype, shape.clone(), bytes)
                .map(|v| (name.clone(), v))
                .map_err(|e| ModelError::new(format!("cannot store {name}: {e}")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    // transformers reads the "format" entry to know the tensors are PyTorch-style.
    let meta = [("format".to_string(), "pt".to_string())]
        .into_iter()
        .collect();
    safetensors::serialize(views, Some(meta))
        .map_err(|e| ModelError::new(format!("cannot write safetensors: {e}")))
}

/// IEEE half → single precision (exact).
pub fn f16_to_f32(h: u16) -> f32 {
    let sign = ((h >> 15) as u32) << 31;
    let exp = ((h >> 10) & 0x1F) as u32;
    let frac = (h & 0x3FF) as u32;
    let bits = match (exp, frac) {
        (0, 0) => sign,
        (0, _) => {
            // Subnormal: normalise.
            let shift = frac.leading_zeros() - 21;
            let frac = (frac << shift) & 0x3FF;
            sign | ((127 - 15 + 1 - shift) << 23) | (frac << 13)
        }
        (31, 0) => sign | 0x7F80_0000,
        (31, _) => sign | 0x7FC0_0000 | (frac << 13),
        _ => sign | ((exp + 127 - 15) << 23) | (frac << 13),
    };
    f32::from_bits(bits)
}

/// Single → half precision, rounding to nearest even; overflow becomes ±∞.
pub fn f32_to_f16(f: f32) -> u16 {
    let bits = f.to_bits();
    let sign = ((bits >> 16) & 0x8000) as u16;
    let exp = ((bits >> 23) & 0xFF) as i32;
    let frac = bits & 0x7F_FFFF;
    if exp == 0xFF {
        return sign | 0x7C00 | if frac != 0 { 0x200 } else { 0 };
    }
    let e = exp - 127 + 15;
    if e >= 31 {
        return sign | 0x7C00;
    }
    if e <= 0 {
        if e < -10 {
            return sign;
        }
        let m = frac | 0x80_0000;
        let shift = (14 - e) as u32;
        let half = 1u32 << (shift - 1);
        let rounded = (m + half - 1 + ((m >> shift) & 1)) >> shift;
        return sign | rounded as u16;
    }
    let rounded = frac + 0xFFF + ((frac >> 13) & 1);
    if rounded & 0x80_0000 != 0 {
        // The fraction overflowed into the exponent.
        let e = e + 1;
        if e >= 31 {
            return sign | 0x7C00;
        }
        return sign | ((e as u16) << 10);
    }
    sign | ((e as u16) << 10) | (rounded >> 13) as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_precision_round_trips() {
        for v in [
            0.0f32,
            -0.0,
            1.0,
            -2.5,
            0.1,
            65504.0,
            6.1035156e-5,
            5.9604645e-8,
            1e-3,
            2.71,
        ] {
            let h = f32_to_f16(v);
            let back = f16_to_f32(h);
            let tol = v.abs() * 1e-3 + 6e-8;
            assert!((back - v).abs() <= tol, "{v} → {h:#06x} → {back}");
            assert_eq!(f32_to_f16(back), h);
        }
        assert_eq!(f16_to_f32(0x3C00), 1.0);
        assert_eq!(f16_to_f32(0x0001), 5.9604645e-8);
        assert_eq!(f32_to_f16(1e6), 0x7C00);
        assert!(f16_to_f32(0x7E00).is_nan());
        // Every half value survives the trip through f32.
        for h in 0..=u16::MAX {
            let f = f16_to_f32(h);
            if !f.is_nan() {
                assert_eq!(f32_to_f16(f), h, "{h:#06x}");
            }
        }
    }
}

//! The residual connection: a sub-layer's output is added to its input, so every layer only has
//! to learn a correction and gradients have a short path through deep stacks.

/// `out[t][i] = x[t][i] + f_x[t][i]`.
///
/// Shapes: `x`, `f_x` and the result are `[T × d_model]`, row-major and flattened, so any two
/// slices of equal length work. Lengths that differ are a programming error; the shorter length
/// is used.
pub fn residual_add(x: &[f32], f_x: &[f32]) -> Vec<f32> {
    debug_assert_eq!(x.len(), f_x.len());
    x.iter().zip(f_x).map(|(a, b)| a + b).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_elementwise() {
        assert_eq!(
            residual_add(&[1.0, -2.0, 0.5], &[0.25, 2.0, -1.5]),
            vec![1.25, 0.0, -1.0]
        );
        assert!(residual_add(&[], &[]).is_empty());
    }
}

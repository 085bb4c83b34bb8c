//! Colours for values. Diverging (signed values): blue through white to orange, the ends of the
//! Okabe–Ito palette, readable with the common colour-vision deficiencies. Sequential (0 … 1, such
//! as attention weights): white to deep blue. Charts never rely on colour alone: every cell has
//! its number in a tooltip, and charts say what their axes are.

/// `#rrggbb` between `a` and `b` at `t` ∈ [0, 1].
fn mix(a: (u8, u8, u8), b: (u8, u8, u8), t: f32) -> String {
    let t = t.clamp(0.0, 1.0);
    let c = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * t).round() as u8;
    format!("#{:02x}{:02x}{:02x}", c(a.0, b.0), c(a.1, b.1), c(a.2, b.2))
}

const BLUE: (u8, u8, u8) = (0x00, 0x72, 0xB2);
const ORANGE: (u8, u8, u8) = (0xD5, 0x5E, 0x00);
const WHITE: (u8, u8, u8) = (0xF7, 0xF7, 0xF7);
const DEEP: (u8, u8, u8) = (0x08, 0x30, 0x6B);

/// A signed value scaled by `max` (its largest magnitude): negative blue, positive orange.
pub fn diverging(v: f32, max: f32) -> String {
    let t = if max > 0.0 { v / max } else { 0.0 };
    if t < 0.0 {
        mix(WHITE, BLUE, -t)
    } else {
        mix(WHITE, ORANGE, t)
    }
}

/// A value in [0, 1]: white to deep blue (with a square root so small weights stay visible).
pub fn sequential(v: f32) -> String {
    mix(WHITE, DEEP, v.max(0.0).sqrt())
}

/// Whether text on `sequential(v)` should be light.
pub fn light_text_on(v: f32) -> bool {
    v.max(0.0).sqrt() > 0.55
}

/// Background tints for neighbouring token chips (light Okabe–Ito shades), cycled.
pub const CHIP_TINTS: [&str; 6] = [
    "#cfe6f7", "#fbe3c3", "#c8ecdf", "#f6dcea", "#f8f1b8", "#e3dcf5",
];

/// The largest magnitude in a slice (at least a tiny positive number).
pub fn max_abs(values: &[f32]) -> f32 {
    values.iter().fold(
        1e-9f32,
        |m, v| if v.is_finite() { m.max(v.abs()) } else { m },
    )
}

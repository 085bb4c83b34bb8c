//! Memory budgets: what a request may allocate, checked before anything is allocated.
//!
//! Sizes that come from files and settings (layers, widths, vocabularies, batch sizes) are
//! multiplied with checked arithmetic ([`Bytes`]); the total is compared with a [`Budget`]: in the
//! page, what a school laptop's tab can hold; on the command line, the machine's memory (or
//! `LUPE_MEMORY_LIMIT`). Over the limit, the request is refused with a message that names both.

use std::fmt;

/// A byte count computed with checked arithmetic: `None` once it overflowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bytes(pub Option<u64>);

impl Bytes {
    pub const ZERO: Bytes = Bytes(Some(0));

    /// `n` numbers of `size` bytes each.
    pub fn of(n: usize, size: usize) -> Bytes {
        Bytes((n as u64).checked_mul(size as u64))
    }

    /// The product of sizes, as a count (multiply by an element size with [`Bytes::times`]).
    pub fn product(dims: &[usize]) -> Bytes {
        Bytes(
            dims.iter()
                .try_fold(1u64, |acc, &d| acc.checked_mul(d as u64)),
        )
    }

    pub fn plus(self, other: Bytes) -> Bytes {
        Bytes(self.0.zip(other.0).and_then(|(a, b)| a.checked_add(b)))
    }

    pub fn times(self, n: usize) -> Bytes {
        Bytes(self.0.and_then(|a| a.checked_mul(n as u64)))
    }
}

impl std::iter::Sum for Bytes {
    fn sum<I: Iterator<Item = Bytes>>(iter: I) -> Bytes {
        iter.fold(Bytes::ZERO, Bytes::plus)
    }
}

/// How much memory one request may use, and where that limit comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    pub bytes: u64,
    pub source: Limit,
}

/// Where a budget comes from, for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// A browser tab on a school laptop.
    Tab,
    /// The machine's memory.
    Machine,
    /// `LUPE_MEMORY_LIMIT`.
    Setting,
    /// A fixed limit for tests.
    Test,
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Limit::Tab => "what a browser tab may use",
            Limit::Machine => "this machine's memory",
            Limit::Setting => "LUPE_MEMORY_LIMIT",
            Limit::Test => "the test's limit",
        })
    }
}

/// Megabytes or gigabytes, for messages.
pub fn human(bytes: u64) -> String {
    if bytes >= 1 << 30 {
        format!("{:.1} GB", bytes as f64 / (1u64 << 30) as f64)
    } else {
        format!("{:.0} MB", (bytes as f64 / (1u64 << 20) as f64).max(1.0))
    }
}

impl Budget {
    /// A browser tab: 1.5 GB, what a school laptop's tab can hold next to the page.
    pub const TAB: Budget = Budget {
        bytes: 3 << 29,
        source: Limit::Tab,
    };

    /// A fixed budget (tests).
    pub const fn test(bytes: u64) -> Budget {
        Budget {
            bytes,
            source: Limit::Test,
        }
    }

    /// The command line's budget: `LUPE_MEMORY_LIMIT` (bytes, or with a `M`/`G` suffix) if
    /// set, else 80 % of the machine's memory, else 8 GB.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn machine() -> Budget {
        if let Some(bytes) = std::env::var("LUPE_MEMORY_LIMIT")
            .ok()
            .and_then(|v| parse_size(&v))
        {
            return Budget {
                bytes,
                source: Limit::Setting,
            };
        }
        let total = std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|m| {
                m.lines()
                    .find_map(|l| l.strip_prefix("MemTotal:"))
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            })
            .map(|kb| kb * 1024);
        Budget {
            bytes: total.map_or(8 << 30, |t| t / 5 * 4),
            source: Limit::Machine,
        }
    }

    /// Refuses a request that needs more than the budget (or so much that counting overflowed).
    pub fn check(&self, need: Bytes, what: &str) -> Result<(), String> {
        match need.0 {
            Some(n) if n <= self.bytes => Ok(()),
            Some(n) => Err(format!(
                "{what} would need {} of memory, more than the limit of {} ({})",
                human(n),
                human(self.bytes),
                self.source
            )),
            None => Err(format!(
                "{what} would need more memory than can be counted, far beyond the limit of {} ({})",
                human(self.bytes),
                self.source
            )),
        }
    }
}

/// `123`, `512M`, `2G` → bytes.
pub fn parse_size(text: &str) -> Option<u64> {
    let t = text.trim();
    let (digits, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => (&t[..i], t[i..].trim()),
        None => (t, ""),
    };
    let n: u64 = digits.parse().ok()?;
    let shift = match unit.to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" => 10,
        "M" | "MB" => 20,
        "G" | "GB" => 30,
        _ => return None,
    };
    n.checked_mul(1 << shift)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_overflows_to_none_not_to_a_small_number() {
        // Counted in u64 on every target (usize is 32 bits in wasm).
        assert_eq!(Bytes::of(1 << 30, 8).0, Some(1 << 33));
        assert_eq!(
            Bytes::product(&[usize::MAX, usize::MAX, 4]).times(4).0,
            None
        );
        assert_eq!(Bytes(Some(u64::MAX)).plus(Bytes::of(1, 1)).0, None);
        assert_eq!(Bytes(None).plus(Bytes::of(1, 1)).0, None);
        let total: Bytes = [Bytes::of(2, 4), Bytes::of(3, 4)].into_iter().sum();
        assert_eq!(total.0, Some(20));
    }

    #[test]
    fn a_budget_names_the_size_and_the_limit() {
        let b = Budget::test(1 << 30);
        assert!(b.check(Bytes::of(1 << 20, 4), "the model").is_ok());
        let e = b.check(Bytes::of(1 << 30, 4), "the model").unwrap_err();
        assert_eq!(
            e,
            "the model would need 4.0 GB of memory, more than the limit of 1.0 GB (the test's limit)"
        );
        let e = b.check(Bytes(None), "the model").unwrap_err();
        assert!(e.contains("more memory than can be counted"), "{e}");
        assert_eq!(parse_size("2G"), Some(2 << 30));
        assert_eq!(parse_size("512 MB"), Some(512 << 20));
        assert_eq!(parse_size("x"), None);
    }
}

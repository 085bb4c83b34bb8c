//! Kernel times measured on the GPU itself with timestamp queries: every compute pass recorded
//! while a profile runs writes a timestamp at its start and its end. Only the benchmark uses
//! this (`scripts/bench.sh gpu`); the app never asks for it.

use super::context::{Gpu, GpuError};
use super::kernels::submit;
use serde::Serialize;

/// The most compute passes one profile times (wgpu allows 4,096 queries per set, two a pass).
pub const MAX_PASSES: u32 = 2048;

/// A running measurement: the query set and the kernel name of each timed pass, in order.
pub struct Profile {
    set: wgpu::QuerySet,
    capacity: u32,
    names: Vec<&'static str>,
    /// Passes recorded after the query set was full (not timed).
    untimed: usize,
}

/// The GPU time of one kernel, summed over its dispatches.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KernelTime {
    pub name: &'static str,
    pub dispatches: usize,
    /// Σ (end − start) of its passes, in milliseconds.
    pub total_ms: f64,
}

impl Gpu {
    /// Whether the device can time passes (`timestamp-query`).
    pub fn has_timestamps(&self) -> bool {
        self.timestamps
    }

    /// Starts timing the next `max_passes` (≤ [`MAX_PASSES`]) compute passes.
    pub fn start_profile(&self, max_passes: u32) -> Result<(), GpuError> {
        if !self.timestamps {
            return Err(GpuError::Compute(
                "this adapter offers no timestamp queries".into(),
            ));
        }
        let capacity = max_passes.clamp(1, MAX_PASSES);
        let set = self.device.create_query_set(&wgpu::QuerySetDescriptor {
            label: Some("kernel times"),
            ty: wgpu::QueryType::Timestamp,
            count: capacity * 2,
        });
        *self.lock_profile() = Some(Profile {
            set,
            capacity,
            names: Vec::new(),
            untimed: 0,
        });
        Ok(())
    }

    /// For a pass about to be recorded: the query set and the index of its start timestamp
    /// (end = start + 1), or `None` when no profile runs or the set is full.
    pub(super) fn profile_pass(&self, name: &'static str) -> Option<(wgpu::QuerySet, u32)> {
        let mut guard = self.lock_profile();
        let profile = guard.as_mut()?;
        let i = profile.names.len() as u32;
        if i >= profile.capacity {
            profile.untimed += 1;
            return None;
        }
        profile.names.push(name);
        Some((profile.set.clone(), 2 * i))
    }

    /// Ends the profile and returns each kernel's summed time, slowest first, plus the number of
    /// passes that were not timed because the set was full.
    pub async fn finish_profile(&self) -> Result<(Vec<KernelTime>, usize), GpuError> {
        let profile = self
            .lock_profile()
            .take()
            .ok_or_else(|| GpuError::Compute("no profile was started".into()))?;
        let queries = profile.names.len() * 2;
        if queries == 0 {
            return Ok((Vec::new(), profile.untimed));
        }
        let resolved = self.device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("timestamps"),
            size: (queries * 8) as u64,
            usage: wgpu::BufferUsages::QUERY_RESOLVE | wgpu::BufferUsages::COPY_SRC,
            mapped_at_creation: false,
        });
        submit(self, "timestamps", |e| {
            e.resolve_query_set(&profile.set, 0..queries as u32, &resolved, 0)
        })
        .await?;
        // Each u64 tick count arrives as two 32-bit words (read back through the f32 path).
        let words = self.read(&resolved, queries * 2).await?;
        let tick = |q: usize| {
            u64::from(words[2 * q].to_bits()) | u64::from(words[2 * q + 1].to_bits()) << 32
        };
        let period_ns = f64::from(self.queue.get_timestamp_period());
        let mut times: Vec<KernelTime> = Vec::new();
        for (i, name) in profile.names.iter().enumerate() {
            let ns = tick(2 * i + 1).saturating_sub(tick(2 * i)) as f64 * period_ns;
            match times.iter_mut().find(|t| t.name == *name) {
                Some(t) => {
                    t.dispatches += 1;
                    t.total_ms += ns / 1e6;
                }
                None => times.push(KernelTime {
                    name,
                    dispatches: 1,
                    total_ms: ns / 1e6,
                }),
            }
        }
        times.sort_by(|a, b| b.total_ms.total_cmp(&a.total_ms));
        Ok((times, profile.untimed))
    }

    fn lock_profile(&self) -> std::sync::MutexGuard<'_, Option<Profile>> {
        self.profile.lock().unwrap_or_else(|p| p.into_inner())
    }
}

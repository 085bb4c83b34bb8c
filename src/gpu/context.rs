//! The GPU connection: adapter, device and queue, plus the buffer helpers every kernel uses.

use serde::Serialize;
use std::fmt;

/// What the user is told about the adapter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AdapterSummary {
    /// The adapter's name, e.g. "SwiftShader Device (Subzero)" or "llvmpipe (LLVM 15.0.7, 256 bits)".
    pub name: String,
    /// The API underneath: "BrowserWebGpu", "Vulkan", "Metal", "Dx12".
    pub backend: String,
    /// "DiscreteGpu", "IntegratedGpu", "Cpu" (a software rasteriser), …
    pub device_type: String,
    /// Driver name and version, where the platform tells.
    pub driver: String,
}

impl AdapterSummary {
    /// Whether the "GPU" is a software rasteriser on the processor (SwiftShader, llvmpipe,
    /// WARP): it computes correctly but slowly, and the user should know.
    pub fn is_software(&self) -> bool {
        let name = self.name.to_ascii_lowercase();
        self.device_type == "Cpu"
            || ["swiftshader", "llvmpipe", "lavapipe", "warp", "software"]
                .iter()
                .any(|s| name.contains(s))
    }

    fn from_info(info: &wgpu::AdapterInfo) -> AdapterSummary {
        // Browsers often leave the name empty; `connect` then asks for vendor and architecture.
        let name = info.name.trim().to_string();
        let driver = [info.driver.as_str(), info.driver_info.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        AdapterSummary {
            name,
            backend: format!("{:?}", info.backend),
            device_type: format!("{:?}", info.device_type),
            driver,
        }
    }
}

/// Why GPU compute is not available or failed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum GpuError {
    /// The platform has no WebGPU API at all (`navigator.gpu` is missing).
    NoApi,
    /// The API exists but offers no adapter.
    NoAdapter(String),
    /// The adapter would not give a device.
    Device(String),
    /// A kernel or buffer operation failed (validation, out of memory, lost device).
    Compute(String),
    /// The trial kernel's result differs from the CPU reference by more than the tolerance.
    SelfTest { max_abs_err: f32 },
}

impl fmt::Display for GpuError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GpuError::NoApi => write!(f, "this platform has no WebGPU API"),
            GpuError::NoAdapter(why) => write!(f, "no GPU adapter found: {why}"),
            GpuError::Device(why) => write!(f, "the GPU device could not be opened: {why}"),
            GpuError::Compute(why) => write!(f, "a GPU computation failed: {why}"),
            GpuError::SelfTest { max_abs_err } => write!(
                f,
                "the GPU trial kernel differed from the CPU by {max_abs_err:e}"
            ),
        }
    }
}

impl std::error::Error for GpuError {}

/// An open GPU device with its queue.
pub struct Gpu {
    pub device: wgpu::Device,
    pub queue: wgpu::Queue,
    pub adapter: AdapterSummary,
    pub limits: wgpu::Limits,
    /// Set by wgpu when the device is lost; every later operation fails early.
    lost: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// Whether the device was opened with timestamp queries (for [`super::profile`]).
    pub(super) timestamps: bool,
    /// The running kernel-time measurement, if one was started.
    pub(super) profile: std::sync::Mutex<Option<super::profile::Profile>>,
}

/// A compiled compute pipeline with the name of its WGSL file (for errors and profiles).
pub struct Kernel {
    pub name: &'static str,
    pub pipeline: wgpu::ComputePipeline,
}

impl Gpu {
    /// Finds an adapter and opens a device with the adapter's own limits (so large models can
    /// use large storage buffers where the hardware allows them).
    pub async fn connect() -> Result<Gpu, GpuError> {
        if !platform_has_webgpu().await {
            return Err(GpuError::NoApi);
        }
        let instance = wgpu::Instance::new(wgpu::InstanceDescriptor::new_without_display_handle());
        let adapter = instance
            .request_adapter(&wgpu::RequestAdapterOptions {
                power_preference: wgpu::PowerPreference::HighPerformance,
                ..Default::default()
            })
            .await
            .map_err(|e| GpuError::NoAdapter(e.to_string()))?;
        let mut summary = AdapterSummary::from_info(&adapter.get_info());
        if summary.name.is_empty() {
            summary.name = browser_adapter_name()
                .await
                .unwrap_or_else(|| "WebGPU adapter".to_string());
        }
        let limits = adapter.limits();
        // Timestamp queries only serve the kernel benchmark; ask for them where offered.
        let timestamps = adapter.features().contains(wgpu::Features::TIMESTAMP_QUERY);
        let (device, queue) = adapter
            .request_device(&wgpu::DeviceDescriptor {
                label: Some("lupe"),
                required_features: if timestamps {
                    wgpu::Features::TIMESTAMP_QUERY
                } else {
                    wgpu::Features::empty()
                },
                required_limits: limits.clone(),
                ..Default::default()
            })
            .await
            .map_err(|e| GpuError::Device(e.to_string()))?;
        // Errors are caught per operation with error scopes; anything that escapes them is
        // logged instead of aborting the program.
        device.on_uncaptured_error(std::sync::Arc::new(|e: wgpu::Error| {
            log_error(&format!("uncaptured GPU error: {e}"));
        }));
        let lost = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = lost.clone();
        device.set_device_lost_callback(move |reason, message| {
            flag.store(true, std::sync::atomic::Ordering::Relaxed);
            log_error(&format!("the GPU device was lost ({reason:?}): {message}"));
        });
        Ok(Gpu {
            device,
            queue,
            adapter: summary,
            limits,
            lost,
            timestamps,
            profile: std::sync::Mutex::new(None),
        })
    }

    /// A buffer of `bytes` with `usage`, filled through the queue. (Unlike wgpu's
    /// `create_buffer_init`, this never panics on a lost device: the error surfaces at the
    /// next submission.)
    fn buffer_with(&self, label: &str, bytes: &[u8], usage: wgpu::BufferUsages) -> wgpu::Buffer {
        let size = (bytes.len().max(4) as u64).next_multiple_of(4);
        let buffer = self.device.create_buffer(&wgpu::BufferDescriptor {
            label: Some(label),
            size,
            usage: usage | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        if !bytes.is_empty() {
            self.queue.write_buffer(&buffer, 0, bytes);
        }
        buffer
    }

    /// Whether the device was lost (destroyed, reset by the driver, …).
    pub fn is_lost(&self) -> bool {
        self.lost.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// A storage buffer holding `data`, readable by kernels and copyable.
    pub fn upload(&self, label: &str, data: &[f32]) -> wgpu::Buffer {
        // A zero-sized binding is invalid; keep one element so empty inputs still bind.
        let contents: &[f32] = if data.is_empty() { &[0.0] } else { data };
        self.buffer_with(
            label,
            bytemuck::cast_slice(contents),
            wgpu::BufferUsages::STORAGE | wgpu::BufferUsages::COPY_SRC,
        )
    }

    /// A storage buffer holding `u32` values (token ids).
    pub fn upload_u32(&self, label: &str, data: &[u32]) -> wgpu::Buffer {
        let contents: &[u32] = if data.is_empty() { &[0] } else { data };
        self.buffer_with(
            label,
            bytemuck::cast_slice(contents),
            wgpu::BufferUsages::STORAGE | wgpu::BufferUsages::COPY_SRC,
        )
    }

    /// A zeroed storage buffer of `len` f32 values that kernels write and read, and that can be
    /// copied (for read-back and row copies).
    pub fn storage(&self, label: &str, len: usize) -> wgpu::Buffer {
        self.device.create_buffer(&wgpu::BufferDescriptor {
            label: Some(label),
            size: (len.max(1) * 4) as u64,
            usage: wgpu::BufferUsages::STORAGE
                | wgpu::BufferUsages::COPY_SRC
                | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        })
    }

    /// The most f32 values one buffer may hold and bind (the adapter's storage-binding and
    /// buffer-size limits).
    pub fn max_binding_floats(&self) -> usize {
        let bytes = self
            .limits
            .max_storage_buffer_binding_size
            .min(self.limits.max_buffer_size);
        (bytes / 4) as usize
    }

    /// Records one kernel dispatch: `buffers` bound at 0, 1, … in order, then `params` (u32
    /// words; floats as their bits) as a uniform at the next binding; `groups` workgroups.
    pub fn record(
        &self,
        encoder: &mut wgpu::CommandEncoder,
        kernel: &Kernel,
        buffers: &[&wgpu::Buffer],
        params: &impl super::params::Params,
        groups: (u32, u32),
    ) {
        // Uniform blocks are sized in multiples of 16 bytes.
        let mut bytes = bytemuck::bytes_of(params).to_vec();
        bytes.resize(bytes.len().div_ceil(16).max(1) * 16, 0);
        let uniform = self.buffer_with("params", &bytes, wgpu::BufferUsages::UNIFORM);
        let mut entries: Vec<wgpu::BindGroupEntry<'_>> = buffers
            .iter()
            .enumerate()
            .map(|(i, b)| wgpu::BindGroupEntry {
                binding: i as u32,
                resource: b.as_entire_binding(),
            })
            .collect();
        entries.push(wgpu::BindGroupEntry {
            binding: buffers.len() as u32,
            resource: uniform.as_entire_binding(),
        });
        let bind_group = self.device.create_bind_group(&wgpu::BindGroupDescriptor {
            label: None,
            layout: &kernel.pipeline.get_bind_group_layout(0),
            entries: &entries,
        });
        let timestamp_writes = self.profile_pass(kernel.name);
        let mut pass = encoder.begin_compute_pass(&wgpu::ComputePassDescriptor {
            label: Some(kernel.name),
            timestamp_writes: timestamp_writes.as_ref().map(|(set, i)| {
                wgpu::ComputePassTimestampWrites {
                    query_set: set,
                    beginning_of_pass_write_index: Some(*i),
                    end_of_pass_write_index: Some(*i + 1),
                }
            }),
        });
        pass.set_pipeline(&kernel.pipeline);
        pass.set_bind_group(0, &bind_group, &[]);
        pass.dispatch_workgroups(groups.0, groups.1, 1);
    }

    /// Reads several buffers back with one copy and one mapping: `(buffer, f32 count)` each.
    pub async fn read_many(
        &self,
        parts: &[(&wgpu::Buffer, usize)],
    ) -> Result<Vec<Vec<f32>>, GpuError> {
        if self.is_lost() {
            return Err(GpuError::Compute("the GPU device was lost".into()));
        }
        let total: usize = parts.iter().map(|(_, n)| n.max(&1)).sum();
        let staging = self.device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("read-back"),
            size: (total * 4) as u64,
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        let mut encoder = self.device.create_command_encoder(&Default::default());
        let mut offset = 0u64;
        for (buffer, n) in parts {
            let size = (*n.max(&1) * 4) as u64;
            encoder.copy_buffer_to_buffer(buffer, 0, &staging, offset, size);
            offset += size;
        }
        self.queue.submit([encoder.finish()]);
        let (tx, rx) = futures_channel::oneshot::channel();
        staging.map_async(wgpu::MapMode::Read, .., move |result| {
            let _ = tx.send(result);
        });
        #[cfg(not(target_arch = "wasm32"))]
        self.device
            .poll(wgpu::PollType::wait_indefinitely())
            .map_err(|e| GpuError::Compute(format!("waiting for the GPU: {e}")))?;
        rx.await
            .map_err(|_| GpuError::Compute("the GPU dropped the read-back".into()))?
            .map_err(|e| GpuError::Compute(format!("reading back: {e}")))?;
        let out = {
            let view = staging
                .get_mapped_range(..)
                .map_err(|e| GpuError::Compute(format!("reading back: {e}")))?;
            let all: Vec<f32> = bytemuck::pod_collect_to_vec::<u8, f32>(&view[..]);
            let mut at = 0;
            parts
                .iter()
                .map(|(_, n)| {
                    let part = all[at..at + n].to_vec();
                    at += n.max(&1);
                    part
                })
                .collect()
        };
        staging.unmap();
        Ok(out)
    }

    /// A uniform buffer holding a plain-old-data parameter block.
    pub fn uniform<T: bytemuck::Pod>(&self, label: &str, value: &T) -> wgpu::Buffer {
        self.buffer_with(
            label,
            bytemuck::bytes_of(value),
            wgpu::BufferUsages::UNIFORM,
        )
    }

    /// An uninitialised storage buffer of `len` f32 values for kernel output.
    pub fn output(&self, label: &str, len: usize) -> wgpu::Buffer {
        self.device.create_buffer(&wgpu::BufferDescriptor {
            label: Some(label),
            size: (len.max(1) * 4) as u64,
            usage: wgpu::BufferUsages::STORAGE | wgpu::BufferUsages::COPY_SRC,
            mapped_at_creation: false,
        })
    }

    /// Builds a compute pipeline from WGSL source (entry point `main`, layout from the shader).
    /// Shader errors come back as [`GpuError::Compute`].
    pub async fn pipeline(&self, label: &'static str, wgsl: &str) -> Result<Kernel, GpuError> {
        let scope = self.device.push_error_scope(wgpu::ErrorFilter::Validation);
        let module = self
            .device
            .create_shader_module(wgpu::ShaderModuleDescriptor {
                label: Some(label),
                source: wgpu::ShaderSource::Wgsl(wgsl.into()),
            });
        let pipeline = self
            .device
            .create_compute_pipeline(&wgpu::ComputePipelineDescriptor {
                label: Some(label),
                layout: None,
                module: &module,
                entry_point: Some("main"),
                compilation_options: Default::default(),
                cache: None,
            });
        match scope.pop().await {
            None => Ok(Kernel {
                name: label,
                pipeline,
            }),
            Some(e) => Err(GpuError::Compute(format!("{label}: {e}"))),
        }
    }

    /// Workgroup counts `(x, y)` covering `n` invocations at `per_group` each, folded into y
    /// when x would exceed the adapter's per-dimension limit.
    pub fn groups_for(&self, n: usize, per_group: u32) -> (u32, u32) {
        let groups = n.div_ceil(per_group.max(1) as usize).max(1) as u64;
        let max_x = u64::from(self.limits.max_compute_workgroups_per_dimension.max(1));
        if groups <= max_x {
            (groups as u32, 1)
        } else {
            (max_x as u32, groups.div_ceil(max_x) as u32)
        }
    }

    /// Copies `len` f32 values out of a storage buffer and returns them.
    pub async fn read(&self, buffer: &wgpu::Buffer, len: usize) -> Result<Vec<f32>, GpuError> {
        Ok(self.read_many(&[(buffer, len)]).await?.remove(0))
    }
}

/// Whether the platform offers WebGPU at all. Natively wgpu picks among Vulkan, Metal and DX12,
/// so the answer is yes and the adapter request decides.
async fn platform_has_webgpu() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        // `navigator.gpu` in a window or a worker; undefined where the browser lacks WebGPU.
        let navigator = js_sys::Reflect::get(&js_sys::global(), &"navigator".into());
        navigator
            .and_then(|n| js_sys::Reflect::get(&n, &"gpu".into()))
            .is_ok_and(|gpu| !gpu.is_undefined() && !gpu.is_null())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        true
    }
}

/// In the browser, wgpu reports only the adapter's description, which Chromium leaves empty;
/// `GPUAdapterInfo` also has vendor, architecture and device ("google swiftshader"). Asks for
/// them; `None` natively or when the browser tells nothing.
async fn browser_adapter_name() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        use js_sys::{Function, Promise, Reflect};
        use wasm_bindgen::JsCast;
        let get = |obj: &wasm_bindgen::JsValue, key: &str| Reflect::get(obj, &key.into()).ok();
        let navigator = get(&js_sys::global(), "navigator")?;
        let gpu = get(&navigator, "gpu")?;
        let request: Function = get(&gpu, "requestAdapter")?.dyn_into().ok()?;
        let promise: Promise = request.call0(&gpu).ok()?.dyn_into().ok()?;
        let adapter = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
        let info = get(&adapter, "info")?;
        let parts: Vec<String> = ["vendor", "architecture", "device"]
            .iter()
            .filter_map(|k| get(&info, k)?.as_string())
            .filter(|s| !s.trim().is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

fn log_error(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::error_1(&message.into());
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("{message}");
}

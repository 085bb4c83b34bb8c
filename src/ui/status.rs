//! The status line: which backend computes what is on screen, what that means, and the switch
//! between the CPU and the graphics card.

use yew::prelude::*;

use super::context::use_app;
use super::models::technical;
use super::prefs::Compute;
use super::state::{Action, BackendStatus};
use crate::gpu::{Backend, GpuError};
use crate::i18n::{Lang, Msg, tr, trf};

#[function_component(StatusLine)]
pub fn status_line() -> Html {
    let app = use_app();
    let lang = app.lang;
    let on_gpu = app.compute == Compute::Gpu && app.gpu.is_some();
    let (kind, headline, detail) = match &app.backend {
        BackendStatus::Checking => ("checking", tr(lang, Msg::StatusChecking).to_string(), None),
        BackendStatus::Ready(Backend::Gpu {
            adapter,
            self_test_max_abs_err,
        }) if on_gpu => (
            "gpu",
            trf(lang, Msg::StatusWebGpu, &[("adapter", &adapter.name)]),
            Some({
                let mut text = trf(
                    lang,
                    Msg::StatusWebGpuExplain,
                    &[("err", &format_error(*self_test_max_abs_err))],
                );
                if adapter.is_software() {
                    text.push(' ');
                    text.push_str(tr(lang, Msg::StatusSoftwareGpu));
                }
                text
            }),
        ),
        BackendStatus::Ready(Backend::Gpu { adapter, .. }) if app.gpu.is_some() => {
            let mut text = trf(lang, Msg::StatusGpuAvailable, &[("adapter", &adapter.name)]);
            if adapter.is_software() {
                text.push(' ');
                text.push_str(tr(lang, Msg::StatusSoftwareGpu));
            }
            ("cpu", tr(lang, Msg::StatusCpu).to_string(), Some(text))
        }
        BackendStatus::Ready(Backend::Gpu { .. }) => {
            ("cpu", tr(lang, Msg::StatusCpu).to_string(), None)
        }
        BackendStatus::Ready(Backend::Cpu { reason }) => (
            "cpu",
            tr(lang, Msg::StatusCpu).to_string(),
            Some(cpu_explanation(lang, reason)),
        ),
    };
    let switch = app.gpu.is_some().then(|| {
        let choice = |c: Compute, label: Msg| {
            let app = app.clone();
            html! {
                <button type="button" aria-pressed={(app.compute == c).to_string()} data-compute={c.code()}
                        onclick={ move |_| app.dispatch(Action::SetCompute(c)) }>{ tr(lang, label) }</button>
            }
        };
        html! {
            <div class="segmented compute" role="group" aria-label={tr(lang, Msg::ComputeLabel)} data-testid="compute">
                <span class="picker-label">{ tr(lang, Msg::ComputeLabel) }</span>
                { choice(Compute::Cpu, Msg::ComputeCpu) }{ choice(Compute::Gpu, Msg::ComputeGpu) }
            </div>
        }
    });
    html! {
        <section class={classes!("status", kind)} data-testid="backend-status" data-backend={kind}
                 role="status" aria-live="polite">
            <span class="status-dot" aria-hidden="true"></span>
            <strong class="status-headline">{ headline }</strong>
            { for switch }
            if let Some(detail) = detail {
                <span class="status-detail">{ detail }</span>
            }
            if let Some(why) = &app.gpu_failure {
                <span class="status-detail warn" role="alert" data-testid="gpu-failed">
                    { tr(lang, Msg::GpuFailedNotice) }{ " " }{ technical(lang, why) }
                </span>
            }
        </section>
    }
}

fn cpu_explanation(lang: Lang, reason: &GpuError) -> String {
    match reason {
        GpuError::NoApi => tr(lang, Msg::CpuNoApi).to_string(),
        GpuError::NoAdapter(_) => tr(lang, Msg::CpuNoAdapter).to_string(),
        GpuError::Device(detail) | GpuError::Compute(detail) => {
            trf(lang, Msg::CpuDeviceFailed, &[("detail", detail)])
        }
        GpuError::SelfTest { max_abs_err } => trf(
            lang,
            Msg::CpuSelfTestFailed,
            &[("detail", &format_error(*max_abs_err))],
        ),
    }
}

/// A difference as people read it: "0" when exact, else two significant digits ("3.1e-5").
fn format_error(err: f32) -> String {
    if err == 0.0 {
        "0".to_string()
    } else {
        format!("{err:.1e}")
    }
}

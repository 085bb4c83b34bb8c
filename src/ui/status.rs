//! The status line: which backend computes what is on screen, and what that means.

use yew::prelude::*;

use super::state::BackendStatus;
use crate::gpu::{Backend, GpuError};
use crate::i18n::{Lang, Msg, tr, trf};

#[derive(Properties, PartialEq)]
pub struct StatusProps {
    pub lang: Lang,
    pub backend: BackendStatus,
}

#[function_component(StatusLine)]
pub fn status_line(props: &StatusProps) -> Html {
    let lang = props.lang;
    let (kind, headline, detail) = match &props.backend {
        BackendStatus::Checking => ("checking", tr(lang, Msg::StatusChecking).to_string(), None),
        BackendStatus::Ready(Backend::Gpu {
            adapter,
            self_test_max_abs_err,
        }) => (
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
        BackendStatus::Ready(Backend::Cpu { reason }) => (
            "cpu",
            tr(lang, Msg::StatusCpu).to_string(),
            Some(cpu_explanation(lang, reason)),
        ),
    };
    html! {
        <section class={classes!("status", kind)} data-testid="backend-status" data-backend={kind}
                 role="status" aria-live="polite">
            <span class="status-dot" aria-hidden="true"></span>
            <strong class="status-headline">{ headline }</strong>
            if let Some(detail) = detail {
                <span class="status-detail">{ detail }</span>
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

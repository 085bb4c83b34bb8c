//! The reducer in the browser: the device choice, views without re-analysis, stale results.

use wasm_bindgen_test::*;

use super::*;
use crate::gpu::GpuError;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh() -> Rc<AppState> {
    Rc::new(AppState::from_hash("", Lang::De, Theme::Auto))
}

fn no_gpu() -> Backend {
    Backend::Cpu {
        reason: GpuError::NoApi,
    }
}

#[wasm_bindgen_test]
fn the_reader_s_choice_of_device_is_kept_for_an_effect_to_store() {
    let s = fresh();
    assert_eq!(s.compute_chosen, None);
    // Without a GPU the choice falls back to the CPU, and that is what is remembered.
    let s = s.reduce(Action::SetCompute(Compute::Gpu));
    assert_eq!(
        (s.compute, s.compute_chosen),
        (Compute::Cpu, Some(Compute::Cpu))
    );
    // A probe that finds no GPU computes on the CPU whatever an earlier visit chose.
    let s = fresh().reduce(Action::BackendReady(no_gpu(), None, Some(Compute::Gpu)));
    assert_eq!((s.compute, s.compute_chosen), (Compute::Cpu, None));
}

#[wasm_bindgen_test]
fn views_change_without_a_new_analysis_and_the_example_prompt_follows_the_language() {
    let s = fresh();
    let before = s.version;
    let s = s.reduce(Action::SetView(Some("rlhf".into())));
    assert_eq!(s.view.as_deref(), Some("rlhf"));
    assert_eq!(s.version, before + 1);
    assert_eq!(s.prompt, default_prompt(Lang::De));
    let s = s.reduce(Action::SetLang(Lang::En));
    assert_eq!(s.prompt, default_prompt(Lang::En));
    let s = s.reduce(Action::SetPrompt("Hallo".into()));
    let s = s.reduce(Action::SetLang(Lang::De));
    assert_eq!(s.prompt, "Hallo", "a prompt of one's own stays");
}

#[wasm_bindgen_test]
fn a_result_for_another_prompt_is_dropped() {
    let s = fresh().reduce(Action::AnalysisProgress(
        "not the prompt".into(),
        ModelId::ALL[0],
        Pending {
            layers_done: 1,
            layers: 4,
            on_gpu: false,
        },
    ));
    assert_eq!(s.pending, None);
}

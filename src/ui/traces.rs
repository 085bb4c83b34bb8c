//! Deferred forward passes: the traced pass of the prompt runs after the page has drawn, on the
//! graphics card or layer by layer on the CPU, and arrives in the state as `AnalysisDone`.

use std::rc::Rc;

use gloo::timers::future::TimeoutFuture;
use yew::prelude::*;

use super::context::App as AppHandle;
use super::prefs::Compute;
use super::state::{Action, Pending};
use crate::gpu::{Gpu, GpuError, GpuModel};
use crate::model::LogitRows;
use crate::session::{Analysis, Loaded, ModelId};

/// Deferred forward passes: a large model's runs one layer at a time on the CPU, letting the
/// page draw between layers; on the graphics card the model is uploaded once and each pass
/// is one submission. A newer prompt makes an older CPU pass stop at its next layer; an older
/// result that arrives late is ignored by the reducer.
#[hook]
pub fn use_deferred_traces(state: &AppHandle, dispatch: &Callback<Action>) {
    let runs = use_mut_ref(|| 0u64);
    let uploaded = use_mut_ref(GpuModels::default);
    let loaded = state.loaded();
    let key = (
        state.prompt.clone(),
        state.model,
        loaded.as_ref().map(|l| Rc::as_ptr(l) as usize),
        state.pending.map(|p| p.on_gpu),
    );
    let (dispatch, analysis, gpu) = (dispatch.clone(), state.analysis.clone(), state.gpu.clone());
    use_effect_with(key, move |(prompt, model, _, pending)| {
        *runs.borrow_mut() += 1;
        let (Some(on_gpu), Some(l), Some(a)) = (*pending, loaded, analysis) else {
            return;
        };
        let (run, prompt, model) = (*runs.borrow(), prompt.clone(), *model);
        wasm_bindgen_futures::spawn_local(async move {
            let result =
                match gpu.filter(|_| on_gpu) {
                    Some(gpu) => trace_on_gpu(&gpu, &uploaded, &l, &a)
                        .await
                        .map(|t| Some((t, Compute::Gpu))),
                    None => Ok(trace_in_steps(&l, &a, &prompt, model, &dispatch, || {
                        *runs.borrow() == run
                    })
                    .await
                    .map(|t| (t, Compute::Cpu))),
                };
            match result {
                Ok(Some((done, on))) => {
                    dispatch.emit(Action::AnalysisDone(prompt, model, Rc::new(done), on))
                }
                Ok(None) => {}
                Err(e) => {
                    uploaded.borrow_mut().clear();
                    dispatch.emit(Action::GpuFailed(e.to_string()));
                }
            }
        });
    });
}

/// Models uploaded to the graphics card, by the address of their [`Loaded`].
type GpuModels = std::collections::HashMap<usize, Rc<GpuModel>>;

/// The traced pass for an analysis on the graphics card, uploading the model the first time.
async fn trace_on_gpu(
    gpu: &Gpu,
    uploaded: &std::cell::RefCell<GpuModels>,
    loaded: &Rc<Loaded>,
    analysis: &Analysis,
) -> Result<Analysis, GpuError> {
    let key = Rc::as_ptr(loaded) as usize;
    let existing = uploaded.borrow().get(&key).cloned();
    let model = match existing {
        Some(m) => m,
        None => {
            let m = Rc::new(GpuModel::upload(gpu, &loaded.model).await?);
            uploaded.borrow_mut().insert(key, m.clone());
            m
        }
    };
    let trace = model.forward_traced(gpu, &analysis.ids).await?;
    Ok(Analysis {
        prompt: analysis.prompt.clone(),
        encoding: analysis.encoding.clone(),
        ids: analysis.ids.clone(),
        cut: analysis.cut,
        trace: Some(trace),
    })
}

/// Runs the traced pass for an analysis layer by layer, pausing after each so the page stays
/// responsive; `None` when `current()` turns false (the prompt changed) or the pass fails.
async fn trace_in_steps(
    loaded: &Loaded,
    analysis: &Analysis,
    prompt: &str,
    model: ModelId,
    dispatch: &Callback<Action>,
    current: impl Fn() -> bool,
) -> Option<Analysis> {
    // Let the tokens paint first.
    TimeoutFuture::new(0).await;
    let gpt = &loaded.model;
    let mut cache = gpt.cache();
    let mut pass = gpt
        .begin(&mut cache, &analysis.ids, LogitRows::Last, true)
        .ok()?;
    let layers = gpt.config.n_layer;
    while !pass.layers_done() {
        if !current() {
            return None;
        }
        pass.run_layer();
        dispatch.emit(Action::AnalysisProgress(
            prompt.to_string(),
            model,
            Pending {
                layers_done: pass.layers_run(),
                layers,
                on_gpu: false,
            },
        ));
        TimeoutFuture::new(0).await;
    }
    let (_, trace) = pass.finish();
    Some(Analysis {
        prompt: analysis.prompt.clone(),
        encoding: analysis.encoding.clone(),
        ids: analysis.ids.clone(),
        cut: analysis.cut,
        trace,
    })
}

//! Checkpoints on disk (native): `model.safetensors` + `config.json` (F32), the optimiser's
//! moments, and `state.json` with the step, the data position and the log.

use std::path::Path;

use super::TrainError;
use super::optimizer::AdamW;
use super::trainer::{Checkpoint, RunState};
use crate::model::checkpoint::{StoreAs, load_safetensors, save_safetensors};
use crate::model::{Config, Gpt, save_dir};

#[derive(serde::Serialize, serde::Deserialize)]
struct State {
    run: RunState,
    adam_t: u64,
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> TrainError + '_ {
    move |e| TrainError::new(format!("{}: {e}", path.display()))
}

/// Writes a checkpoint into `dir` (created if needed).
pub fn save_checkpoint(dir: &Path, config: &Config, cp: &Checkpoint) -> Result<(), TrainError> {
    let model = Gpt {
        config: config.clone(),
        weights: cp.weights.clone(),
    };
    save_dir(&model, dir, StoreAs::F32).map_err(|e| TrainError::new(e.to_string()))?;
    for (name, w) in [
        ("adam_m.safetensors", &cp.optimizer.m),
        ("adam_v.safetensors", &cp.optimizer.v),
    ] {
        let bytes = save_safetensors(config, w, StoreAs::F32)
            .map_err(|e| TrainError::new(e.to_string()))?;
        std::fs::write(dir.join(name), bytes).map_err(io(dir))?;
    }
    let state = State {
        run: cp.state.clone(),
        adam_t: cp.optimizer.t,
    };
    let json = serde_json::to_string(&state).map_err(|e| TrainError::new(e.to_string()))?;
    std::fs::write(dir.join("state.json"), json).map_err(io(dir))
}

/// Reads a checkpoint written by [`save_checkpoint`]; `weight_decay` comes from the settings.
pub fn load_checkpoint(dir: &Path, weight_decay: f32) -> Result<(Config, Checkpoint), TrainError> {
    let model = crate::model::load_dir(dir)
        .map_err(|e| TrainError::new(format!("checkpoint {}: {e}", dir.display())))?;
    let read = |name: &str| {
        let p = dir.join(name);
        std::fs::read(&p).map_err(|e| TrainError::new(format!("{}: {e}", p.display())))
    };
    let moment = |name: &str| {
        load_safetensors(&model.config, &read(name)?)
            .map_err(|e| TrainError::new(format!("{name}: {e}")))
    };
    let state: State = serde_json::from_slice(&read("state.json")?)
        .map_err(|e| TrainError::new(format!("state.json: {e}")))?;
    let mut optimizer = AdamW::new(&model.weights, weight_decay);
    optimizer.m = moment("adam_m.safetensors")?;
    optimizer.v = moment("adam_v.safetensors")?;
    optimizer.t = state.adam_t;
    Ok((
        model.config,
        Checkpoint {
            weights: model.weights,
            optimizer,
            state: state.run,
        },
    ))
}

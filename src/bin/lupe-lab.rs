//! The training lab's Web Worker (built by Trunk, see `index.html`): it loads the built-in
//! models, takes [`lupe::lab::Command`]s as JSON messages from the page and runs
//! [`lupe::lab::Lab`] in slices of about 100 ms, posting [`lupe::lab::Event`]s back, so the
//! page never waits for training and a "pause" arrives between two slices.

#[cfg(target_arch = "wasm32")]
mod worker {
    use std::cell::{Cell, RefCell};

    use lupe::lab::{Command, Event, Lab};
    use lupe::session::Loaded;
    use lupe::ui::fetch;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    /// How long one slice of training runs before the worker looks at its messages.
    const SLICE_MS: f64 = 100.0;

    thread_local! {
        static LAB: RefCell<Option<Lab>> = const { RefCell::new(None) };
        static WAITING: RefCell<Vec<Command>> = const { RefCell::new(Vec::new()) };
        static SCHEDULED: Cell<bool> = const { Cell::new(false) };
    }

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    fn now_ms() -> f64 {
        scope().performance().map_or(0.0, |p| p.now())
    }

    fn post(events: Vec<Event>) {
        for e in events {
            if let Ok(json) = serde_json::to_string(&e) {
                let _ = scope().post_message(&JsValue::from_str(&json));
            }
        }
    }

    fn handle(command: Command) {
        let events = LAB.with(|lab| {
            lab.borrow_mut()
                .as_mut()
                .map(|lab| lab.handle(command.clone()))
        });
        match events {
            Some(events) => post(events),
            None => WAITING.with(|w| w.borrow_mut().push(command)),
        }
        schedule();
    }

    /// Runs the next slice soon, if there is work and none is queued.
    fn schedule() {
        let busy = LAB.with(|l| l.borrow().as_ref().is_some_and(Lab::busy));
        if !busy || SCHEDULED.with(|s| s.replace(true)) {
            return;
        }
        let tick = Closure::once_into_js(move || {
            SCHEDULED.with(|s| s.set(false));
            let start = now_ms();
            let events = LAB.with(|lab| {
                lab.borrow_mut()
                    .as_mut()
                    .map(|lab| lab.work(&|| now_ms() - start < SLICE_MS, &|| now_ms() / 1000.0))
            });
            post(events.unwrap_or_default());
            schedule();
        });
        let _ = scope().set_timeout_with_callback(tick.unchecked_ref());
    }

    pub fn start() {
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(|e: MessageEvent| {
            let Some(text) = e.data().as_string() else {
                return;
            };
            match serde_json::from_str::<Command>(&text) {
                Ok(c) => handle(c),
                Err(err) => post(vec![Event::Error(format!("unknown command: {err}"))]),
            }
        });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        wasm_bindgen_futures::spawn_local(async {
            let models = match (
                fetch::model_folder("base").await,
                fetch::model_folder("chat").await,
            ) {
                (Ok(base), Ok(chat)) => (base, chat),
                (Err(e), _) | (_, Err(e)) => {
                    post(vec![Event::Error(e)]);
                    return;
                }
            };
            let unwrap = |l: Loaded| ((*l.model).clone(), l.tokenizer);
            LAB.with(|lab| *lab.borrow_mut() = Some(Lab::new(unwrap(models.0), unwrap(models.1))));
            post(vec![Event::Ready]);
            for c in WAITING.with(|w| std::mem::take(&mut *w.borrow_mut())) {
                handle(c);
            }
        });
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

/// The lab runs as a Web Worker in the page; natively, `lupe train` and `lupe sft` train.
#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!("lupe-lab is the page's training worker; natively use `lupe train` or `lupe sft`");
    std::process::ExitCode::from(2)
}

//! Lesson progress remembered in the browser (`localStorage`): the steps shown per chapter and
//! the questions answered, right or not. Storage may be unavailable (a private window); then
//! progress lasts until the page is reloaded and nothing fails.

use std::collections::{BTreeMap, BTreeSet};

use gloo::storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

use crate::chapters::Chapter;

const KEY: &str = "lupe.progress";

/// What a student has done.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// Per chapter slug: the lesson steps shown (from 1).
    pub steps: BTreeMap<String, BTreeSet<usize>>,
    /// Per question id: whether the last reply was right.
    pub answers: BTreeMap<String, bool>,
}

impl Progress {
    /// With step `i` of chapter `c` done.
    pub fn with_step(&self, c: Chapter, i: usize) -> Progress {
        let mut p = self.clone();
        p.steps.entry(c.slug().to_string()).or_default().insert(i);
        p
    }

    /// With the question `id` answered.
    pub fn with_answer(&self, id: &str, right: bool) -> Progress {
        let mut p = self.clone();
        p.answers.insert(id.to_string(), right);
        p
    }

    pub fn step_done(&self, c: Chapter, i: usize) -> bool {
        self.steps.get(c.slug()).is_some_and(|s| s.contains(&i))
    }

    pub fn answer(&self, id: &str) -> Option<bool> {
        self.answers.get(id).copied()
    }
}

/// The stored progress, or none.
pub fn load() -> Progress {
    LocalStorage::get(KEY).unwrap_or_default()
}

/// Remembers the progress (an empty one is removed).
pub fn store(p: &Progress) {
    if *p == Progress::default() {
        LocalStorage::delete(KEY);
    } else {
        let _ = LocalStorage::set(KEY, p);
    }
}

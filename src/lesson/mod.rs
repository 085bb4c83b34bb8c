//! Guided lessons: for every chapter a learning goal, a few steps on the live model, questions
//! the page checks against the live model, and notes for teachers.
//!
//! A step names the state it needs as a [`Patch`] (prompt, model, layer, head, token, sampling,
//! the chapter's view, the lab's or the retrieval settings), so "Show me" can set it through
//! the URL like any link. The texts are in [`crate::i18n::lessons`], one file per chapter; the
//! checking is in [`questions`], where every expected answer is computed from the model and the
//! state at the moment a question is asked.
//!
//! | file | what |
//! |---|---|
//! | [`patch`] | the state a step or a teacher's link sets, applied to a [`crate::route::ViewState`] |
//! | [`questions`] | the checked questions: the live answer, the check, the feedback |
//! | [`facts`] | what a question may read: the model, the analysis, the settings, lab and retrieval |
//! | `answers` | each question's expected answer, computed from the facts |

mod answers;
pub mod facts;
pub mod patch;
pub mod questions;

use crate::chapters::Chapter;
use crate::i18n::Lang;
pub use patch::{Patch, TokenPick};
pub use questions::Question;

/// A text in German (Swiss) and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct T(pub &'static str, pub &'static str);

impl T {
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::De => self.0,
            Lang::En => self.1,
        }
    }
}

/// One guided step: an action on the live view, the state it needs, where the control is, and
/// what to notice.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    /// The action, verb first ("Wähle …", "Zieh …").
    pub action: T,
    /// A question to answer by looking, and what to notice.
    pub notice: T,
    /// The state "Show me" sets.
    pub patch: Patch,
    /// The `id` of the element to scroll to and highlight.
    pub target: &'static str,
}

/// A phase of a 45-minute lesson.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Phase {
    pub minutes: u32,
    pub what: T,
}

/// Notes for teachers: a plan, questions for the class with answers, the misconceptions the
/// chapter addresses (the wrong idea, and why it is wrong), and links to prepared states.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Teacher {
    pub plan: &'static [Phase],
    pub class_questions: &'static [(T, T)],
    pub misconceptions: &'static [(T, T)],
    pub links: &'static [(T, Patch)],
}

/// A chapter's lesson.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lesson {
    /// "Du kannst erklären, warum …".
    pub goal: T,
    pub steps: &'static [Step],
    pub questions: &'static [Question],
    pub teacher: Teacher,
}

/// The lesson of a chapter (the glossary has none).
pub fn lesson(c: Chapter) -> Option<&'static Lesson> {
    crate::i18n::lessons::of(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chapter_has_a_goal_three_to_six_steps_a_question_and_a_full_plan() {
        let mut questions = 0;
        for c in Chapter::ALL {
            let l = lesson(c).unwrap_or_else(|| panic!("{c:?} has no lesson"));
            assert!(
                (3..=6).contains(&l.steps.len()),
                "{c:?}: {} steps",
                l.steps.len()
            );
            assert!(!l.questions.is_empty(), "{c:?} has no checked question");
            questions += l.questions.len();
            let minutes: u32 = l.teacher.plan.iter().map(|p| p.minutes).sum();
            assert_eq!(minutes, 45, "{c:?}: the plan has {minutes} minutes");
            assert!(l.teacher.class_questions.len() >= 2, "{c:?}");
            assert!(!l.teacher.misconceptions.is_empty(), "{c:?}");
            assert!(!l.teacher.links.is_empty(), "{c:?}");
            for lang in Lang::ALL {
                assert!(l.goal.get(lang).len() > 20);
                for s in l.steps {
                    assert!(!s.action.get(lang).is_empty() && !s.notice.get(lang).is_empty());
                    assert!(!s.target.is_empty());
                }
            }
            for q in l.questions {
                assert_eq!(q.chapter(), c, "{q:?} is asked in {c:?}");
            }
        }
        assert!(questions >= 20, "{questions} checked questions");
        assert!(lesson(Chapter::Glossary).is_none());
    }

    #[test]
    fn german_texts_are_swiss() {
        for c in Chapter::ALL {
            let l = lesson(c).unwrap();
            let mut texts = vec![l.goal];
            for s in l.steps {
                texts.extend([s.action, s.notice]);
            }
            for p in l.teacher.plan {
                texts.push(p.what);
            }
            for (q, a) in l
                .teacher
                .class_questions
                .iter()
                .chain(l.teacher.misconceptions)
            {
                texts.extend([*q, *a]);
            }
            for t in texts {
                assert!(!t.0.contains('ß'), "{c:?}: {}", t.0);
                assert!(
                    !t.0.contains('„') && !t.0.contains('“'),
                    "{c:?}: use «…»: {}",
                    t.0
                );
            }
        }
    }
}

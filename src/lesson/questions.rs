//! Questions the page checks. Each is asked from the live state ([`Facts`]): its expected
//! answer is computed then — the argmax of α, a probability at a temperature, the tokens left
//! after top-p, whether a token counts in the SFT loss … — so it stays right when the prompt,
//! the model or the language changes. A reply is accepted or rejected with feedback that quotes
//! the live numbers. The texts are in [`crate::i18n::lessons::questions`].

use super::facts::Facts;
use crate::chapters::Chapter;
use crate::i18n::lessons::questions::{self as text, QText};
use crate::i18n::{Lang, fill, number, quoted};
use crate::model::anatomy::Anatomy;
use crate::model::softmax::softmax;
use crate::sampling::{Sampling, rng_for, sample};

/// Every checked question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Question {
    OvLargestPart,
    OvNextToken,
    TokCount,
    TokMerges,
    EmbNearest,
    PosLearned,
    PosDistance,
    AttArgmax,
    AttLater,
    LnVariance,
    FfnWidth,
    FfnShare,
    LogTopProb,
    LogOrder,
    SamTopP,
    SamFinalProb,
    GenStop,
    RoleUserCounts,
    RoleAnswerCounts,
    LabLossTrend,
    LabLossToProb,
    RagWhichSearch,
}

/// How a question is answered, with the expected answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Expect {
    /// One of the options.
    Choice {
        options: Vec<String>,
        correct: usize,
    },
    /// Any number of the options: `correct[i]` says whether option i belongs.
    Many {
        options: Vec<String>,
        correct: Vec<bool>,
    },
    /// A number within ± tolerance (percent questions in percentage points).
    Number { value: f64, tolerance: f64 },
}

/// A student's reply.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Choice(usize),
    Many(Vec<bool>),
    Number(f64),
}

/// A question as asked now: its text with the live values, the expected answer, and the
/// feedback for a right and a wrong reply.
#[derive(Debug, Clone, PartialEq)]
pub struct Asked {
    pub text: String,
    pub expect: Expect,
    pub right: String,
    /// The hint for a wrong reply; `{reply}` is replaced by what was answered.
    pub wrong: String,
}

/// A reply checked: right or not, and the feedback with the live numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub correct: bool,
    pub feedback: String,
}

/// Why a question cannot be asked in the current state (say so instead of failing).
#[derive(Debug, Clone, PartialEq)]
pub struct NotNow(pub String);

impl Question {
    /// The name in storage and in the page (`att-argmax`).
    pub fn id(self) -> &'static str {
        self.text().id
    }

    /// The chapter that asks it.
    pub fn chapter(self) -> Chapter {
        use Question::*;
        match self {
            OvLargestPart | OvNextToken => Chapter::Overview,
            TokCount | TokMerges => Chapter::Tokens,
            EmbNearest => Chapter::Embeddings,
            PosLearned | PosDistance => Chapter::Positions,
            AttArgmax | AttLater => Chapter::Attention,
            LnVariance => Chapter::LayerNorm,
            FfnWidth | FfnShare => Chapter::Ffn,
            LogTopProb | LogOrder => Chapter::Logits,
            SamTopP | SamFinalProb => Chapter::Sampling,
            GenStop => Chapter::Generation,
            RoleUserCounts | RoleAnswerCounts => Chapter::Roles,
            LabLossTrend | LabLossToProb => Chapter::Training,
            RagWhichSearch => Chapter::Rag,
        }
    }

    fn text(self) -> &'static QText {
        text::of(self)
    }

    /// Asks the question in this state: the expected answer is computed now.
    pub fn ask(self, f: &Facts) -> Result<Asked, NotNow> {
        let q = self.text();
        let lang = f.lang;
        let (values, expect) =
            super::answers::compute(self, f).map_err(|why| NotNow(why.get(lang).into()))?;
        let refs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        Ok(Asked {
            text: fill(q.ask.get(lang), &refs),
            right: fill(q.right.get(lang), &refs),
            wrong: fill(q.wrong.get(lang), &refs),
            expect,
        })
    }
}

impl Asked {
    /// Checks a reply against the expected answer.
    pub fn check(&self, reply: &Reply, lang: Lang) -> Verdict {
        let (correct, said) = match (&self.expect, reply) {
            (Expect::Choice { options, correct }, Reply::Choice(i)) => {
                (i == correct, options.get(*i).cloned().unwrap_or_default())
            }
            (Expect::Many { options, correct }, Reply::Many(chosen)) => {
                let said: Vec<&str> = options
                    .iter()
                    .zip(chosen)
                    .filter(|(_, c)| **c)
                    .map(|(o, _)| o.as_str())
                    .collect();
                (chosen == correct, said.join(", "))
            }
            (Expect::Number { value, tolerance }, Reply::Number(x)) => (
                x.is_finite() && (x - value).abs() <= *tolerance + 1e-9,
                decimal(lang, *x),
            ),
            _ => (false, String::new()),
        };
        let feedback = if correct {
            self.right.clone()
        } else {
            fill(&self.wrong, &[("reply", &said)])
        };
        Verdict { correct, feedback }
    }
}

/// A number as the page writes it: whole numbers grouped (12'288), others with up to two
/// decimals and a decimal point.
pub fn decimal(lang: Lang, x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        let n = number(lang, x.abs() as u64);
        if x < 0.0 { format!("−{n}") } else { n }
    } else {
        let s = format!("{x:.2}");
        s.trim_end_matches('0')
            .trim_end_matches('.')
            .replace('-', "−")
    }
}

/// A probability as a percentage with one decimal ("28.0 %").
pub fn percent(p: f64) -> String {
    format!("{:.1} %", p * 100.0)
}

/// A token in quotation marks, as the page shows it.
pub fn token(lang: Lang, label: &str) -> String {
    quoted(lang, label)
}

/// The most probable token at temperature `t`, with its probability.
pub fn top_at(logits: &[f32], t: f32) -> (usize, f32) {
    let p = softmax(logits, t);
    p.iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))
        .map(|(i, &v)| (i, v))
        .unwrap_or((0, 0.0))
}

/// The sampling report for settings at the analysis' position (the sampling chapter's draw).
pub fn report(f: &Facts, settings: &Sampling) -> Option<crate::sampling::SampleReport> {
    let t = f.analysis.trace.as_ref()?;
    sample(
        t.logits.row(0),
        settings,
        &mut rng_for(f.seed, f.analysis.ids.len()),
    )
    .ok()
}

/// The parameters of the loaded model by part.
pub fn anatomy(f: &Facts) -> Anatomy {
    Anatomy::of(&f.loaded.model.weights)
}

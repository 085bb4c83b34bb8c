//! The bundled knowledge base for retrieval: two made-up documents, the handbook of the
//! Lindenschule ([`school`]) and a guide to the town of Seewil ([`town`]), written from kinds of
//! facts in German and English. Each kind has several sentence forms (some facts take two
//! sentences), the questions a student might ask about it (phrased with other words than the
//! document: synonyms and paraphrases), and a search query.
//!
//! The questions come in two disjoint sets of templates: `train` for the embedding model's and
//! the retrieval model's training data (with random values), `eval` for the held-out test on
//! the bundled documents (their fixed values). [`eval_questions`] is that test.

mod by_value;
mod held_out;
pub mod school;
pub mod town;

pub use by_value::ASK_BY_VALUE;
pub use held_out::{TestQuestion, by_value_questions, eval_questions, evidence_for, showcase};

use crate::i18n::Lang;
use crate::rng::Rng;

/// The grammatical gender of a German noun, for its articles and pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum G {
    F,
    M,
    N,
    /// A name without article (a school subject, «Klasse drei»).
    Bare,
}

/// A German noun with its gender.
pub type De = (&'static str, G);

/// One thing facts are about: its name in both languages and the other words people use for it.
#[derive(Debug)]
pub struct Item {
    pub de: De,
    pub en: &'static str,
    pub de_other: &'static [De],
    pub en_other: &'static [&'static str],
}

/// An item: its own names and the other words for it (a `const fn`, for the kinds' tables).
pub const fn item(
    de: De,
    en: &'static str,
    de_other: &'static [De],
    en_other: &'static [&'static str],
) -> Item {
    Item {
        de,
        en,
        de_other,
        en_other,
    }
}

/// A text in German and English.
pub type Pair = (&'static str, &'static str);

/// A kind of fact. Templates fill `{X}` (the name), `{Xc}` (capitalised), German `{der}`,
/// `{Der}`, `{den}`, `{dem}`, `{im}`, `{ins}`, `{zum}`, `{vom}`, `{Es}`, `{es}`, English
/// `{the}`, `{The}`, `{It}`, `{it}`, the value `{v}` (`{V}` capitalised) and `{w}`, where the
/// item stands (from `wheres`).
#[derive(Debug)]
pub struct Kind {
    pub items: &'static [Item],
    pub values: &'static [Pair],
    /// How a document states the fact; the last sentence holds the value.
    pub forms: &'static [Pair],
    /// Questions for the training data.
    pub train: &'static [Pair],
    /// Questions for the held-out test: other templates, with the other words for the item.
    pub eval: &'static [Pair],
    /// A short search query, as the retrieval model writes it.
    pub query: Pair,
    /// Where each item stands, for forms with `{w}`.
    pub wheres: &'static [Pair],
}

/// Every kind: the school's first, then the town's.
pub fn kinds() -> Vec<&'static Kind> {
    school::KINDS.iter().chain(town::KINDS).collect()
}

/// One fact: a kind, an item, a value and the sentence form that states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fact {
    pub kind: usize,
    pub item: usize,
    pub value: usize,
    pub form: usize,
}

/// The article forms of a German noun: (nominative, accusative, dative, "in"+dative,
/// "in"+accusative, "zu"+dative, "von"+dative, pronoun).
fn articles(g: G) -> [&'static str; 8] {
    match g {
        G::F => [
            "die ", "die ", "der ", "in der ", "in die ", "zur ", "von der ", "sie",
        ],
        G::M => [
            "der ", "den ", "dem ", "im ", "in den ", "zum ", "vom ", "er",
        ],
        G::N => ["das ", "das ", "dem ", "im ", "ins ", "zum ", "vom ", "es"],
        G::Bare => ["", "", "", "in ", "in ", "zu ", "von ", "sie"],
    }
}

/// The first letter in upper case.
pub fn cap(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// Fills a template's placeholders for the noun `name` (German gender `g`), value and place.
fn render(template: &str, lang: Lang, name: &str, g: G, value: &str, place: &str) -> String {
    let mut out = template.to_string();
    let mut put = |key: &str, text: String| out = out.replace(&format!("{{{key}}}"), &text);
    match lang {
        Lang::De => {
            let a = articles(g);
            for (key, i) in [("der", 0), ("den", 1), ("dem", 2), ("im", 3), ("ins", 4)] {
                put(key, format!("{}{name}", a[i]));
            }
            put("zum", format!("{}{name}", a[5]));
            put("vom", format!("{}{name}", a[6]));
            put("Der", cap(&format!("{}{name}", a[0])));
            put("Im", cap(&format!("{}{name}", a[3])));
            put("Zum", cap(&format!("{}{name}", a[5])));
            put("Es", cap(a[7]));
            put("es", a[7].to_string());
        }
        Lang::En => {
            put("the", format!("the {name}"));
            put("The", format!("The {name}"));
            put("It", "It".into());
            put("it", "it".into());
        }
    }
    put("Xc", cap(name));
    put("X", name.to_string());
    put("V", cap(value));
    put("v", value.to_string());
    put("w", place.to_string());
    out
}

/// The text of a pair in `lang`.
pub fn pick(p: Pair, lang: Lang) -> &'static str {
    match lang {
        Lang::De => p.0,
        Lang::En => p.1,
    }
}

impl Fact {
    pub fn kind(&self) -> &'static Kind {
        kinds()[self.kind]
    }

    fn item(&self) -> &'static Item {
        let k = self.kind();
        &k.items[self.item % k.items.len()]
    }

    /// The item's own name and gender in `lang`.
    fn name(&self, lang: Lang) -> (&'static str, G) {
        let item = self.item();
        match lang {
            Lang::De => item.de,
            Lang::En => (item.en, G::Bare),
        }
    }

    /// The item's names other than its own in `lang` (for questions).
    pub fn other_names(&self, lang: Lang) -> Vec<(&'static str, G)> {
        let item = self.item();
        match lang {
            Lang::De => item.de_other.to_vec(),
            Lang::En => item.en_other.iter().map(|&n| (n, G::Bare)).collect(),
        }
    }

    /// Every name of the item in `lang`: its own, then the others.
    pub fn names(&self, lang: Lang) -> Vec<&'static str> {
        let mut all = vec![self.name(lang).0];
        all.extend(self.other_names(lang).iter().map(|n| n.0));
        all
    }

    /// The value as the text states it.
    pub fn value_text(&self, lang: Lang) -> &'static str {
        let k = self.kind();
        pick(k.values[self.value % k.values.len()], lang)
    }

    /// The word a right answer must contain: the value's last word («an den See» → «See»).
    pub fn value(&self, lang: Lang) -> &'static str {
        let v = self.value_text(lang);
        v.rsplit(' ').next().unwrap_or(v)
    }

    fn fill(&self, template: &str, lang: Lang, name: (&str, G)) -> String {
        self.fill_with(template, lang, name, self.value_text(lang))
    }

    /// [`Self::fill`] with `value` as the value's text.
    fn fill_with(&self, template: &str, lang: Lang, name: (&str, G), value: &str) -> String {
        let k = self.kind();
        let place = k
            .wheres
            .get(self.item % k.wheres.len().max(1))
            .map_or("", |&w| pick(w, lang));
        render(template, lang, name.0, name.1, value, place)
    }

    /// The fact as the document states it (one or two sentences).
    pub fn sentence(&self, lang: Lang) -> String {
        self.sentence_with(lang, self.value_text(lang))
    }

    /// [`Self::sentence`] with `value` in place of the fact's value (training data with values
    /// of no kind's list).
    pub fn sentence_with(&self, lang: Lang, value: &str) -> String {
        self.fill_with(self.form(lang), lang, self.name(lang), value)
    }

    /// The template of the fact's sentence form in `lang`.
    fn form(&self, lang: Lang) -> &'static str {
        let k = self.kind();
        pick(k.forms[self.form % k.forms.len()], lang)
    }

    /// The answer the retrieval model gives: the sentence that holds the value, with the item's
    /// name in place of a pronoun.
    pub fn answer(&self, lang: Lang) -> String {
        self.answer_with(lang, self.value_text(lang))
    }

    /// [`Self::answer`] with `value` in place of the fact's value.
    pub fn answer_with(&self, lang: Lang, value: &str) -> String {
        let form = self.form(lang);
        let last = match form.find(". ") {
            Some(i) => &form[i + 2..],
            None => form,
        };
        let named = last
            .replace("{Es}", "{Der}")
            .replace("{es}", "{der}")
            .replace("{It}", "{The}")
            .replace("{it}", "{the}");
        self.fill_with(&named, lang, self.name(lang), value)
    }

    /// A question from `template`, naming the item by `name` (its own name or another).
    pub fn ask(&self, template: &str, lang: Lang, name: (&str, G)) -> String {
        self.fill(template, lang, name)
    }

    /// The search query the retrieval model writes for this fact.
    pub fn query(&self, lang: Lang) -> String {
        self.fill(pick(self.kind().query, lang), lang, self.name(lang))
    }

    /// A training question: a `train` template, the item named by its own name one time in
    /// four, else by another of its names; one time in five after an [`OPENERS`] sentence, so
    /// that words around the question do not decide what it asks.
    pub fn train_question(&self, rng: &mut Rng, lang: Lang) -> String {
        let k = self.kind();
        let template = pick(k.train[rng.below(k.train.len())], lang);
        let others = self.other_names(lang);
        let name = if others.is_empty() || rng.below(4) == 0 {
            self.name(lang)
        } else {
            others[rng.below(others.len())]
        };
        let question = self.ask(template, lang, name);
        if rng.below(5) == 0 {
            format!(
                "{} {question}",
                pick(OPENERS[rng.below(OPENERS.len())], lang)
            )
        } else {
            question
        }
    }

    /// The held-out question: an `eval` template with another name for the item (its own name
    /// where it has none), chosen by the fact's place in the knowledge base.
    pub fn eval_question(&self, lang: Lang, n: usize) -> String {
        let k = self.kind();
        let template = pick(k.eval[n % k.eval.len()], lang);
        let others = self.other_names(lang);
        let name = if others.is_empty() {
            self.name(lang)
        } else {
            others[n % others.len()]
        };
        self.ask(template, lang, name)
    }
}

/// Training questions about what a room or a place forbids (the school's and the town's
/// rules are asked alike).
pub const RULE_QUESTIONS: &[Pair] = &[
    ("Was darf man {im} nicht?", "What is not allowed in {the}?"),
    ("Was ist {im} verboten?", "What must I not do in {the}?"),
    ("Welche Regel gilt {im}?", "Which rule applies in {the}?"),
    (
        "Was soll man {im} nicht tun?",
        "What should I not do in {the}?",
    ),
    (
        "Was ist {im} nicht gestattet?",
        "What is forbidden in {the}?",
    ),
    (
        "Was darf ich {im} nicht machen?",
        "Is anything not allowed in {the}?",
    ),
    ("Was ist {im} untersagt?", "What is prohibited in {the}?"),
    (
        "Was darf man {im} auf keinen Fall?",
        "What may I never do in {the}?",
    ),
    (
        "Was ist {im} nicht erwünscht?",
        "What is not welcome in {the}?",
    ),
    (
        "Worauf muss man {im} achten?",
        "What is the rule for {the}?",
    ),
];

/// Sentences a student may say before a training question, about no fact.
const OPENERS: [Pair; 6] = [
    ("Hallo.", "Hello."),
    ("Eine Frage:", "One question:"),
    ("Kannst du mir helfen?", "Can you help me?"),
    ("Ich bin neu hier.", "I am new here."),
    ("Entschuldigung.", "Excuse me."),
    ("Ich habe das vergessen.", "I forgot this."),
];

/// A random fact of a random kind (for training data: values drawn anew, so nothing is learned
/// by heart).
pub fn random_fact(rng: &mut Rng) -> Fact {
    let all = kinds();
    let kind = rng.below(all.len());
    let k = all[kind];
    Fact {
        kind,
        item: rng.below(k.items.len()),
        value: rng.below(k.values.len()),
        form: rng.below(k.forms.len()),
    }
}

/// The kinds about the same items as kind `kind` (a subject's teacher and its room): their
/// facts share the item's name and differ in what they say of it.
pub fn twin_kinds(kind: usize) -> Vec<usize> {
    let all = kinds();
    (0..all.len())
        .filter(|&k| {
            k != kind
                && all[k].items.len() == all[kind].items.len()
                && all[k]
                    .items
                    .iter()
                    .zip(all[kind].items)
                    .all(|(a, b)| a.en == b.en)
        })
        .collect()
}

/// A sentence of the documents that is no fact: a heading or a section's own sentence.
pub fn filler(rng: &mut Rng, lang: Lang) -> String {
    let sections: Vec<&Section> = school::SECTIONS.iter().chain(town::SECTIONS).collect();
    let s = sections[rng.below(sections.len())];
    match rng.below(s.intro.len() + 1) {
        0 => format!("{}.", pick(s.heading, lang)),
        i => pick(s.intro[i - 1], lang).to_string(),
    }
}

/// One section of a document: a heading, sentences of our own around the facts, and the facts
/// (kind, and which of its items).
pub struct Section {
    pub heading: Pair,
    pub intro: &'static [Pair],
    pub kind: usize,
}

/// The facts of the bundled documents: every item of every kind once, with a value and a form
/// drawn from a fixed seed. Within a kind the values are drawn without repeats (while there are
/// enough), so that a name or a number points to one item only.
pub fn kb_facts() -> Vec<Fact> {
    let mut rng = Rng::new(0x5EE1A);
    let mut out = Vec::new();
    for (kind, k) in kinds().iter().enumerate() {
        let mut values: Vec<usize> = (0..k.values.len()).collect();
        for i in (1..values.len()).rev() {
            values.swap(i, rng.below(i + 1));
        }
        for item in 0..k.items.len() {
            out.push(Fact {
                kind,
                item,
                value: values[item % values.len()],
                form: rng.below(k.forms.len()),
            });
        }
    }
    out
}

/// The document with `title` and `sections`, in `lang`: a title line, then per section a
/// heading, its own sentences and its facts' sentences as one paragraph.
fn document(lang: Lang, title: Pair, sections: &[Section], facts: &[Fact]) -> String {
    let mut text = format!("{}\n\n", pick(title, lang));
    for s in sections {
        let mut sentences: Vec<String> = vec![format!("{}.", pick(s.heading, lang))];
        sentences.extend(s.intro.iter().map(|&p| pick(p, lang).to_string()));
        sentences.extend(
            facts
                .iter()
                .filter(|f| f.kind == s.kind)
                .map(|f| f.sentence(lang)),
        );
        text.push_str(&sentences.join(" "));
        text.push_str("\n\n");
    }
    text.trim_end().to_string()
}

/// The bundled knowledge base in `lang`: (name, text) of the school handbook and the town guide.
pub fn documents(lang: Lang) -> Vec<(String, String)> {
    let facts = kb_facts();
    [
        (school::TITLE, school::SECTIONS),
        (town::TITLE, town::SECTIONS),
    ]
    .iter()
    .map(|(title, sections)| {
        (
            pick(*title, lang).to_string(),
            document(lang, *title, sections, &facts),
        )
    })
    .collect()
}

#[cfg(test)]
mod tests;

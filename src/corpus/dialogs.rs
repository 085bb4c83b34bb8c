//! Dialogs for supervised fine-tuning: questions about the small world, answered politely and
//! correctly, in the role format of [`crate::chat`]. Some carry a developer instruction (answer
//! in the other language, or in one word), so that the roles matter.

use super::world::*;
use crate::chat::{Message, Role};
use crate::i18n::Lang;
use crate::rng::Rng;

/// A question and its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qa {
    pub question: String,
    pub answer: String,
}

/// The same question and answer in German and in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub de: Qa,
    pub en: Qa,
}

impl Pair {
    pub fn get(&self, lang: Lang) -> &Qa {
        match lang {
            Lang::De => &self.de,
            Lang::En => &self.en,
        }
    }
}

fn de_the(n: &Noun) -> String {
    format!("{} {}", n.der(), n.de)
}

/// Every question the world offers, with its answer, in both languages.
pub fn all_questions() -> Vec<Pair> {
    let mut out = Vec::new();
    let mut half: Option<Qa> = None;
    // Called twice per question: German first, then English.
    let mut qa = |lang: Lang, question: String, answer: String| {
        let q = Qa { question, answer };
        match (lang, half.take()) {
            (Lang::De, None) => half = Some(q),
            (Lang::En, Some(de)) => out.push(Pair { de, en: q }),
            _ => unreachable!("questions come as a German and an English half"),
        }
    };
    for &i in ROYAL {
        for n in [MEN[i], WOMEN[i]] {
            qa(
                Lang::De,
                format!("Was macht {}?", de_the(&n)),
                format!("{} regiert das Land.", cap(&de_the(&n))),
            );
            qa(
                Lang::En,
                format!("What does the {} do?", n.en),
                format!("The {} rules the land.", n.en),
            );
            qa(
                Lang::De,
                format!("Wo wohnt {}?", de_the(&n)),
                format!("{} wohnt im Schloss.", cap(&de_the(&n))),
            );
            qa(
                Lang::En,
                format!("Where does the {} live?", n.en),
                format!("The {} lives in the castle.", n.en),
            );
            qa(
                Lang::De,
                format!("Was trägt {}?", de_the(&n)),
                format!("{} trägt eine goldene Krone.", cap(&de_the(&n))),
            );
            qa(
                Lang::En,
                format!("What does the {} wear?", n.en),
                format!("The {} wears a golden crown.", n.en),
            );
        }
    }
    for (i, (m, w)) in MEN.iter().zip(WOMEN).enumerate() {
        if [0, 1, 3, 7].contains(&i) {
            qa(
                Lang::De,
                format!("Mit wem ist {} verheiratet?", de_the(m)),
                format!(
                    "{} ist mit {} {} verheiratet.",
                    cap(&de_the(m)),
                    w.dem(),
                    w.de
                ),
            );
            qa(
                Lang::En,
                format!("Who is the {} married to?", m.en),
                format!("The {} is married to the {}.", m.en, w.en),
            );
            qa(
                Lang::De,
                format!("Mit wem ist {} verheiratet?", de_the(w)),
                format!(
                    "{} ist mit {} {} verheiratet.",
                    cap(&de_the(w)),
                    m.dem(),
                    m.de
                ),
            );
            qa(
                Lang::En,
                format!("Who is the {} married to?", w.en),
                format!("The {} is married to the {}.", w.en, m.en),
            );
        }
    }
    for (a, sound_de, sound_en) in ANIMALS {
        qa(
            Lang::De,
            format!("Was macht {}?", de_the(a)),
            format!("{} {sound_de}.", cap(&de_the(a))),
        );
        qa(
            Lang::En,
            format!("What does the {} do?", a.en),
            format!("The {} {sound_en}.", a.en),
        );
        qa(
            Lang::De,
            format!("Ist {} ein Tier?", de_the(a)),
            format!("Ja, {} ist ein Tier.", de_the(a)),
        );
        qa(
            Lang::En,
            format!("Is the {} an animal?", a.en),
            format!("Yes, the {} is an animal.", a.en),
        );
    }
    qa(
        Lang::De,
        "Was ist ein Hundewelpe?".into(),
        "Ein Hundewelpe ist ein junger Hund.".into(),
    );
    qa(
        Lang::En,
        "What is a puppy?".into(),
        "A puppy is a young dog.".into(),
    );
    qa(
        Lang::De,
        "Was ist ein Kätzchen?".into(),
        "Ein Kätzchen ist eine junge Katze.".into(),
    );
    qa(
        Lang::En,
        "What is a kitten?".into(),
        "A kitten is a young cat.".into(),
    );
    for v in &VEHICLES[..3] {
        qa(
            Lang::De,
            format!("Ist {} ein Fahrzeug?", de_the(v)),
            format!("Ja, {} ist ein Fahrzeug.", de_the(v)),
        );
        qa(
            Lang::En,
            format!("Is the {} a vehicle?", v.en),
            format!("Yes, the {} is a vehicle.", v.en),
        );
    }
    for (thing, c) in COLOURED {
        qa(
            Lang::De,
            format!("Welche Farbe hat {}?", de_the(thing)),
            format!("{} ist {}.", cap(&de_the(thing)), COLOURS[*c].0),
        );
        qa(
            Lang::En,
            format!("What colour is the {}?", thing.en),
            format!("The {} is {}.", thing.en, COLOURS[*c].1),
        );
    }
    for (season_de, season_en, hot) in SEASONS {
        let t = if *hot { HOT } else { COLD };
        qa(
            Lang::De,
            format!("Wie ist es im {season_de}?"),
            format!("Im {season_de} ist es {}.", t.0),
        );
        qa(
            Lang::En,
            format!("What is it like in {season_en}?"),
            format!("In {season_en} it is {}.", t.1),
        );
    }
    qa(
        Lang::De,
        "Was ist das Gegenteil von heiss?".into(),
        "Das Gegenteil von heiss ist kalt.".into(),
    );
    qa(
        Lang::En,
        "What is the opposite of hot?".into(),
        "The opposite of hot is cold.".into(),
    );
    qa(
        Lang::De,
        "Was ist das Gegenteil von kalt?".into(),
        "Das Gegenteil von kalt ist heiss.".into(),
    );
    qa(
        Lang::En,
        "What is the opposite of cold?".into(),
        "The opposite of cold is hot.".into(),
    );
    qa(
        Lang::De,
        "Wer kocht das Essen?".into(),
        "Der Koch oder die Köchin kocht das Essen in der Küche.".into(),
    );
    qa(
        Lang::En,
        "Who cooks the food?".into(),
        "The cook cooks the food in the kitchen.".into(),
    );
    qa(
        Lang::De,
        "Was lernen die Kinder in der Schule?".into(),
        "In der Schule lernen die Kinder lesen, schreiben und rechnen.".into(),
    );
    qa(
        Lang::En,
        "What do the children learn at school?".into(),
        "At school the children learn to read, write and count.".into(),
    );
    for a in 1..=5 {
        for b in 1..=5 {
            qa(
                Lang::De,
                format!("Was ist {} plus {}?", NUMBERS[a].0, NUMBERS[b].0),
                format!(
                    "{} plus {} ist {}.",
                    cap(NUMBERS[a].0),
                    NUMBERS[b].0,
                    NUMBERS[a + b].0
                ),
            );
            qa(
                Lang::En,
                format!("What is {} plus {}?", NUMBERS[a].1, NUMBERS[b].1),
                format!(
                    "{} plus {} is {}.",
                    cap(NUMBERS[a].1),
                    NUMBERS[b].1,
                    NUMBERS[a + b].1
                ),
            );
        }
    }
    qa(
        Lang::De,
        "Hallo!".into(),
        "Hallo! Wie kann ich dir helfen?".into(),
    );
    qa(
        Lang::En,
        "Hello!".into(),
        "Hello! How can I help you?".into(),
    );
    qa(Lang::De, "Danke!".into(), "Gern geschehen!".into());
    qa(Lang::En, "Thank you!".into(), "You are welcome!".into());
    qa(
        Lang::De,
        "Wer bist du?".into(),
        "Ich bin ein kleiner Assistent. Ich weiss etwas über Menschen, Tiere und das Essen.".into(),
    );
    qa(
        Lang::En,
        "Who are you?".into(),
        "I am a small assistant. I know a little about people, animals and food.".into(),
    );
    out
}

/// System prompts, per language.
pub const SYSTEM: [(&str, &str); 3] = [
    (
        "Du bist ein freundlicher Assistent. Antworte kurz und richtig.",
        "You are a friendly assistant. Answer briefly and correctly.",
    ),
    (
        "Du bist ein hilfsbereiter Assistent.",
        "You are a helpful assistant.",
    ),
    (
        "Beantworte die Frage höflich.",
        "Answer the question politely.",
    ),
];

/// The developer's instruction to answer in the other language, in the question's language:
/// for a German question «Antworte auf Englisch.», for an English one "Answer in German.".
pub const ANSWER_IN_OTHER: [(Lang, &str); 2] = [
    (Lang::De, "Antworte auf Englisch."),
    (Lang::En, "Answer in German."),
];

/// Questions kept out of training, to test the chat model on questions it has not seen.
pub fn is_held_out(p: &Pair) -> bool {
    [
        "Was macht die Prinzessin?",
        "Welche Farbe hat das Gras?",
        "Was ist drei plus vier?",
        "Ist das Schaf ein Tier?",
    ]
    .contains(&p.de.question.as_str())
}

/// A dialog for a question in `lang`: a system prompt, the question and the answer. With
/// `switch`, a developer instruction asks for the answer in the other language.
pub fn dialog(rng: &mut Rng, pair: &Pair, lang: Lang, switch: bool) -> Vec<Message> {
    let system = SYSTEM[rng.below(SYSTEM.len())];
    let other = match lang {
        Lang::De => Lang::En,
        Lang::En => Lang::De,
    };
    let instruction = ANSWER_IN_OTHER
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or("", |(_, text)| text);
    let mut messages = vec![Message::new(
        Role::System,
        match lang {
            Lang::De => system.0,
            Lang::En => system.1,
        },
    )];
    if switch {
        messages.push(Message::new(Role::Developer, instruction));
    }
    messages.push(Message::new(Role::User, pair.get(lang).question.clone()));
    let answer = if switch {
        &pair.get(other).answer
    } else {
        &pair.get(lang).answer
    };
    messages.push(Message::new(Role::Assistant, answer.clone()));
    messages
}

/// All training dialogs: every question that is not held out, in both languages, `repeats`
/// times with varied system prompts (one in eight asking for the other language), shuffled.
pub fn dialogs(seed: u64, repeats: usize) -> Vec<Vec<Message>> {
    let mut rng = Rng::new(seed);
    let pairs: Vec<Pair> = all_questions()
        .into_iter()
        .filter(|p| !is_held_out(p))
        .collect();
    let mut out = Vec::new();
    for _ in 0..repeats {
        for p in &pairs {
            for lang in Lang::ALL {
                let switch = rng.below(8) == 0;
                out.push(dialog(&mut rng, p, lang, switch));
            }
        }
    }
    for i in (1..out.len()).rev() {
        out.swap(i, rng.below(i + 1));
    }
    out
}

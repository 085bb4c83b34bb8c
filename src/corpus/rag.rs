//! Knowledge the models were not trained on, for retrieval-augmented generation: facts about a
//! school in four kinds (opening times, teachers, rooms, class trips), written from templates in
//! German and English. Training dialogs draw random values, so no fact can be learned by heart;
//! the bundled handbook of the fictional "Lindenschule" fixes one set of values, and its
//! questions are the held-out test of whether the model uses the context it is given.

use crate::chat::{Message, Role};
use crate::i18n::Lang;
use crate::rng::Rng;

/// (German, English, German article of the place).
const PLACES: [(&str, &str, &str); 10] = [
    ("Bibliothek", "library", "die"),
    ("Mensa", "cafeteria", "die"),
    ("Turnhalle", "gym", "die"),
    ("Sekretariat", "office", "das"),
    ("Werkraum", "workshop", "der"),
    ("Musikzimmer", "music room", "das"),
    ("Computerraum", "computer room", "der"),
    ("Schwimmbad", "pool", "das"),
    ("Kiosk", "kiosk", "der"),
    ("Lesesaal", "reading room", "der"),
];

const SUBJECTS: [(&str, &str); 10] = [
    ("Mathematik", "maths"),
    ("Deutsch", "German"),
    ("Englisch", "English"),
    ("Musik", "music"),
    ("Sport", "sport"),
    ("Kunst", "art"),
    ("Biologie", "biology"),
    ("Geschichte", "history"),
    ("Chemie", "chemistry"),
    ("Physik", "physics"),
];

/// (German, English) forms of a teacher's name.
const TEACHERS: [(&str, &str); 10] = [
    ("Frau Keller", "Ms Keller"),
    ("Herr Brunner", "Mr Brunner"),
    ("Frau Huber", "Ms Huber"),
    ("Herr Meier", "Mr Meier"),
    ("Frau Frei", "Ms Frei"),
    ("Herr Graf", "Mr Graf"),
    ("Frau Roth", "Ms Roth"),
    ("Herr Vogel", "Mr Vogel"),
    ("Frau Weber", "Ms Weber"),
    ("Herr Kunz", "Mr Kunz"),
];

/// Trip destinations: (German "goes …", English "goes to …").
const TRIPS: [(&str, &str); 8] = [
    ("an den See", "the lake"),
    ("in den Zoo", "the zoo"),
    ("ins Museum", "the museum"),
    ("auf den Berg", "the mountain"),
    ("an den Fluss", "the river"),
    ("in den Wald", "the forest"),
    ("ins Schloss", "the castle"),
    ("auf den Bauernhof", "the farm"),
];

/// Hours (the first six) and room and class numbers as words: indices into
/// [`super::world::NUMBERS`] (seven … twelve, one … six, twenty).
const NUMBER_IDS: [usize; 13] = [7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 20];

/// The `i`-th number word of [`NUMBER_IDS`], (German, English).
fn number(i: usize) -> (&'static str, &'static str) {
    super::world::NUMBERS[NUMBER_IDS[i % NUMBER_IDS.len()]]
}

/// One fact in both languages: the sentence a document states, the question it answers, a
/// search query for it, and the value that a correct answer must contain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub de: FactText,
    pub en: FactText,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactText {
    pub sentence: String,
    pub question: String,
    pub query: String,
    pub value: String,
}

impl Fact {
    pub fn get(&self, lang: Lang) -> &FactText {
        match lang {
            Lang::De => &self.de,
            Lang::En => &self.en,
        }
    }
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// The fact of `kind` (0–3) about item `item` with value `value` (indices into the lists).
pub fn fact(kind: usize, item: usize, value: usize) -> Fact {
    let t = |sentence: String, question: String, query: String, value: &str| FactText {
        sentence,
        question,
        query,
        value: value.to_string(),
    };
    match kind % 4 {
        0 => {
            let (de, en, art) = PLACES[item % PLACES.len()];
            let (hd, he) = number(value % 6);
            Fact {
                de: t(
                    format!("{} {de} öffnet um {hd} Uhr.", cap(art)),
                    format!("Wann öffnet {art} {de}?"),
                    format!("{de} öffnet"),
                    hd,
                ),
                en: t(
                    format!("The {en} opens at {he}."),
                    format!("When does the {en} open?"),
                    format!("{en} opens"),
                    he,
                ),
            }
        }
        1 => {
            let (sd, se) = SUBJECTS[item % SUBJECTS.len()];
            let (td, te) = TEACHERS[value % TEACHERS.len()];
            Fact {
                de: t(
                    format!("{sd} unterrichtet {td}."),
                    format!("Wer unterrichtet {sd}?"),
                    format!("{sd} unterrichtet"),
                    td,
                ),
                en: t(
                    format!("{te} teaches {se}."),
                    format!("Who teaches {se}?"),
                    format!("teaches {se}"),
                    te,
                ),
            }
        }
        2 => {
            let (sd, se) = SUBJECTS[item % SUBJECTS.len()];
            let (nd, ne) = number(value);
            Fact {
                de: t(
                    format!("{sd} findet in Raum {nd} statt."),
                    format!("In welchem Raum ist {sd}?"),
                    format!("Raum {sd}"),
                    nd,
                ),
                en: t(
                    format!("{} lessons are in room {ne}.", cap(se)),
                    format!("Which room is {se} in?"),
                    format!("room {se}"),
                    ne,
                ),
            }
        }
        _ => {
            let (cd, ce) = number(6 + item % 6);
            let (dd, de) = TRIPS[value % TRIPS.len()];
            Fact {
                de: t(
                    format!("Der Ausflug der Klasse {cd} geht {dd}."),
                    format!("Wohin geht der Ausflug der Klasse {cd}?"),
                    format!("Ausflug Klasse {cd}"),
                    dd.rsplit(' ').next().unwrap_or(dd),
                ),
                en: t(
                    format!("The trip of class {ce} goes to {de}."),
                    format!("Where does the trip of class {ce} go?"),
                    format!("trip class {ce}"),
                    de.rsplit(' ').next().unwrap_or(de),
                ),
            }
        }
    }
}

/// How many items each kind has (places, subjects, subjects, classes).
const ITEMS: [usize; 4] = [10, 10, 10, 6];

/// The system message that carries retrieved context.
pub fn context_message(lang: Lang, passages: &[String]) -> String {
    let head = match lang {
        Lang::De => "Kontext:",
        Lang::En => "Context:",
    };
    format!("{head} {}", passages.join(" "))
}

/// The answer when the context does not hold it.
pub fn not_in_context(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "Das steht nicht im Kontext.",
        Lang::En => "The context does not say.",
    }
}

/// The system message asking for a search query.
pub fn query_instruction(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "Schreibe eine Suchanfrage.",
        Lang::En => "Write a search query.",
    }
}

/// A chat that asks `question` with `passages` as context.
pub fn rag_chat(lang: Lang, passages: &[String], question: &str) -> Vec<Message> {
    vec![
        Message::new(Role::System, context_message(lang, passages)),
        Message::new(Role::User, question),
    ]
}

/// Training dialogs for the retrieval model, with random values: a context of three or four
/// facts and a question about one of them (answer: its sentence), one in eight about none of
/// them (answer: "not in the context"), and one in five asking for a search query instead.
pub fn training_dialogs(seed: u64, count: usize) -> Vec<Vec<Message>> {
    let mut rng = Rng::new(seed);
    let random_fact = |rng: &mut Rng| {
        let kind = rng.below(4);
        fact(kind, rng.below(ITEMS[kind]), rng.below(20))
    };
    (0..count)
        .map(|_| {
            let lang = if rng.below(2) == 0 {
                Lang::De
            } else {
                Lang::En
            };
            let target_kind = rng.below(4);
            let target = fact(target_kind, rng.below(ITEMS[target_kind]), rng.below(20));
            if rng.below(5) == 0 {
                return vec![
                    Message::new(Role::System, query_instruction(lang)),
                    Message::new(Role::User, target.get(lang).question.clone()),
                    Message::new(Role::Assistant, target.get(lang).query.clone()),
                ];
            }
            let answerable = rng.below(8) != 0;
            // Half the distractors are of the target's own kind ("… öffnet um …" about another
            // place), so that only the subject tells which sentence answers.
            let mut facts: Vec<Fact> = (0..2 + rng.below(2))
                .map(|_| {
                    if rng.below(2) == 0 {
                        fact(target_kind, rng.below(ITEMS[target_kind]), rng.below(20))
                    } else {
                        random_fact(&mut rng)
                    }
                })
                .filter(|f| f.de.question != target.de.question)
                .collect();
            if answerable {
                let at = rng.below(facts.len() + 1);
                facts.insert(at, target.clone());
            }
            let passages: Vec<String> =
                facts.iter().map(|f| f.get(lang).sentence.clone()).collect();
            let mut chat = rag_chat(lang, &passages, &target.get(lang).question);
            let answer = if answerable {
                target.get(lang).sentence.clone()
            } else {
                not_in_context(lang).to_string()
            };
            chat.push(Message::new(Role::Assistant, answer));
            chat
        })
        .collect()
}

/// The Lindenschule's facts: one value per item, fixed.
pub fn handbook_facts() -> Vec<Fact> {
    let mut rng = Rng::new(0x11_4D_E7);
    let mut out = Vec::new();
    for (kind, &items) in ITEMS.iter().enumerate() {
        for item in 0..items {
            out.push(fact(kind, item, rng.below(20)));
        }
    }
    out
}

/// The bundled knowledge base: the Lindenschule's handbook in `lang`, a title line and one
/// paragraph per topic that wraps its facts in a few sentences of our own.
pub fn handbook(lang: Lang) -> String {
    let facts = handbook_facts();
    let (title, intros) = match lang {
        Lang::De => (
            "Handbuch der Lindenschule",
            [
                "Öffnungszeiten. Viele Räume stehen auch vor dem Unterricht offen.",
                "Lehrpersonen. Jedes Fach hat eine feste Lehrperson.",
                "Räume. Der Stundenplan hängt im Gang neben dem Eingang.",
                "Ausflüge. Jede Klasse macht im Frühling einen Ausflug.",
            ],
        ),
        Lang::En => (
            "Lindenschule handbook",
            [
                "Opening hours. Many rooms are open before lessons start.",
                "Teachers. Every subject has one teacher.",
                "Rooms. The timetable hangs in the hall next to the entrance.",
                "Trips. Every class goes on a trip in spring.",
            ],
        ),
    };
    let mut text = format!("{title}\n\n");
    let mut start = 0;
    for (kind, intro) in intros.iter().enumerate() {
        let n = ITEMS[kind];
        let sentences: Vec<&str> = facts[start..start + n]
            .iter()
            .map(|f| f.get(lang).sentence.as_str())
            .collect();
        text.push_str(&format!("{intro} {}\n\n", sentences.join(" ")));
        start += n;
    }
    text.trim_end().to_string()
}

/// Offline "web" snippets for the web-search mode: facts about the town's places in both
/// languages, one snippet each, with a made-up source.
pub fn web_snippets(lang: Lang) -> Vec<(String, String)> {
    let mut rng = Rng::new(0x0E_B5);
    let sites = ["stadtinfo.example", "freizeit.example", "schulnetz.example"];
    (0..ITEMS[0])
        .map(|item| {
            let f = fact(0, item, rng.below(20));
            let site = sites[item % sites.len()];
            let extra = match lang {
                Lang::De => "Am Wochenende bleibt geschlossen.",
                Lang::En => "It is closed at weekends.",
            };
            (
                site.to_string(),
                format!("{} {extra}", f.get(lang).sentence),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_read_well_and_the_handbook_holds_every_handbook_fact() {
        let f = fact(0, 0, 1);
        assert_eq!(f.de.sentence, "Die Bibliothek öffnet um acht Uhr.");
        assert_eq!(f.en.question, "When does the library open?");
        assert_eq!(fact(3, 0, 1).de.value, "Zoo");
        for lang in Lang::ALL {
            let h = handbook(lang);
            for f in handbook_facts() {
                assert!(
                    h.contains(&f.get(lang).sentence),
                    "{}",
                    f.get(lang).sentence
                );
            }
        }
        let d = training_dialogs(1, 200);
        assert_eq!(d.len(), 200);
        assert!(
            d.iter()
                .any(|c| c.last().unwrap().text == not_in_context(Lang::De))
        );
        assert!(d.iter().any(|c| c[0].text == query_instruction(Lang::En)));
    }
}

//! The small world the built-in models learn about: people and families, a king and a queen,
//! animals, food and cooking, weather, school, places, vehicles, colours and numbers — each word
//! in German and English.
//!
//! The lists are built so that the seed text's examples of meaning show up in the trained
//! embeddings: every person appears in the same everyday situations (so people resemble each
//! other), each man has a woman counterpart used in the same places (so "man → woman" is one
//! direction), king and queen share the royal situations, dog and puppy share every situation,
//! car and vehicle are interchangeable, hot and cold fill the same slots, and food, cooking and
//! meals appear together.

/// Grammatical gender, for German articles and pronouns (and English he/she).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    M,
    F,
    N,
}

/// A noun in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    pub de: &'static str,
    pub gender: Gender,
    pub en: &'static str,
}

const fn n(de: &'static str, gender: Gender, en: &'static str) -> Noun {
    Noun { de, gender, en }
}

use Gender::{F, M, N};

/// Men and women, in pairs (the i-th man belongs with the i-th woman).
pub const MEN: &[Noun] = &[
    n("Mann", M, "man"),
    n("König", M, "king"),
    n("Prinz", M, "prince"),
    n("Vater", M, "father"),
    n("Bruder", M, "brother"),
    n("Sohn", M, "son"),
    n("Onkel", M, "uncle"),
    n("Grossvater", M, "grandfather"),
    n("Lehrer", M, "teacher"),
    n("Koch", M, "cook"),
    n("Bauer", M, "farmer"),
];

pub const WOMEN: &[Noun] = &[
    n("Frau", F, "woman"),
    n("Königin", F, "queen"),
    n("Prinzessin", F, "princess"),
    n("Mutter", F, "mother"),
    n("Schwester", F, "sister"),
    n("Tochter", F, "daughter"),
    n("Tante", F, "aunt"),
    n("Grossmutter", F, "grandmother"),
    n("Lehrerin", F, "teacher"),
    n("Köchin", F, "cook"),
    n("Bäuerin", F, "farmer"),
];

/// Indexes into [`MEN`] / [`WOMEN`] of the royals, who also rule, wear crowns and live in the
/// castle.
pub const ROYAL: &[usize] = &[1, 2];

/// Animals: (noun, German sound verb, English sound verb).
pub const ANIMALS: &[(Noun, &str, &str)] = &[
    (n("Hund", M, "dog"), "bellt", "barks"),
    (n("Hundewelpe", M, "puppy"), "bellt", "barks"),
    (n("Katze", F, "cat"), "miaut", "meows"),
    (n("Kätzchen", N, "kitten"), "miaut", "meows"),
    (n("Pferd", N, "horse"), "wiehert", "neighs"),
    (n("Vogel", M, "bird"), "singt", "sings"),
    (n("Kuh", F, "cow"), "muht", "moos"),
    (n("Schaf", N, "sheep"), "blökt", "bleats"),
    (n("Maus", F, "mouse"), "piepst", "squeaks"),
];

/// Indexes into [`ANIMALS`] of the pets (dog, puppy, cat, kitten), which live in the house.
pub const PETS: &[usize] = &[0, 1, 2, 3];

/// Dishes and foods.
pub const FOODS: &[Noun] = &[
    n("Suppe", F, "soup"),
    n("Brot", N, "bread"),
    n("Kuchen", M, "cake"),
    n("Apfel", M, "apple"),
    n("Käse", M, "cheese"),
    n("Reis", M, "rice"),
    n("Gemüse", N, "vegetables"),
    n("Fisch", M, "fish"),
    n("Milch", F, "milk"),
];

/// Vehicles; the first two are the same thing in other words.
pub const VEHICLES: &[Noun] = &[
    n("Auto", N, "car"),
    n("Fahrzeug", N, "vehicle"),
    n("Bus", M, "bus"),
    n("Zug", M, "train"),
    n("Fahrrad", N, "bicycle"),
    n("Boot", N, "boat"),
];

/// Places: (noun, German "in/at the …" phrase, English phrase).
pub const PLACES: &[(Noun, &str, &str)] = &[
    (n("Haus", N, "house"), "im Haus", "in the house"),
    (n("Garten", M, "garden"), "im Garten", "in the garden"),
    (n("Schule", F, "school"), "in der Schule", "at school"),
    (n("Wald", M, "forest"), "im Wald", "in the forest"),
    (n("Stadt", F, "town"), "in der Stadt", "in the town"),
    (n("Dorf", N, "village"), "im Dorf", "in the village"),
    (n("Markt", M, "market"), "auf dem Markt", "at the market"),
    (n("Küche", F, "kitchen"), "in der Küche", "in the kitchen"),
    (n("Schloss", N, "castle"), "im Schloss", "in the castle"),
];

/// Colours: (German, English) and things that have them.
pub const COLOURS: &[(&str, &str)] = &[
    ("rot", "red"),
    ("blau", "blue"),
    ("grün", "green"),
    ("gelb", "yellow"),
    ("schwarz", "black"),
    ("weiss", "white"),
    ("braun", "brown"),
];

/// (thing, colour index) facts for questions and sentences.
pub const COLOURED: &[(Noun, usize)] = &[
    (n("Himmel", M, "sky"), 1),
    (n("Gras", N, "grass"), 2),
    (n("Sonne", F, "sun"), 3),
    (n("Schnee", M, "snow"), 5),
    (n("Nacht", F, "night"), 4),
    (n("Erde", F, "earth"), 6),
];

/// Temperature words: the opposite pair first.
pub const HOT: (&str, &str) = ("heiss", "hot");
pub const COLD: (&str, &str) = ("kalt", "cold");

/// Seasons with their weather: (German, English, is it hot?).
pub const SEASONS: &[(&str, &str, bool)] =
    &[("Sommer", "summer", true), ("Winter", "winter", false)];

/// Number words 0–20.
pub const NUMBERS: &[(&str, &str)] = &[
    ("null", "zero"),
    ("eins", "one"),
    ("zwei", "two"),
    ("drei", "three"),
    ("vier", "four"),
    ("fünf", "five"),
    ("sechs", "six"),
    ("sieben", "seven"),
    ("acht", "eight"),
    ("neun", "nine"),
    ("zehn", "ten"),
    ("elf", "eleven"),
    ("zwölf", "twelve"),
    ("dreizehn", "thirteen"),
    ("vierzehn", "fourteen"),
    ("fünfzehn", "fifteen"),
    ("sechzehn", "sixteen"),
    ("siebzehn", "seventeen"),
    ("achtzehn", "eighteen"),
    ("neunzehn", "nineteen"),
    ("zwanzig", "twenty"),
];

/// First names for the stories.
pub const NAMES: &[(&str, Gender)] = &[
    ("Anna", F),
    ("Ben", M),
    ("Lena", F),
    ("Max", M),
    ("Mia", F),
    ("Tom", M),
    ("Lara", F),
    ("Noah", M),
];

impl Noun {
    /// German definite article in the nominative: der / die / das.
    pub fn der(&self) -> &'static str {
        match self.gender {
            M => "der",
            F => "die",
            N => "das",
        }
    }

    /// Accusative: den / die / das.
    pub fn den(&self) -> &'static str {
        match self.gender {
            M => "den",
            F => "die",
            N => "das",
        }
    }

    /// Dative: dem / der / dem.
    pub fn dem(&self) -> &'static str {
        match self.gender {
            M | N => "dem",
            F => "der",
        }
    }

    /// German pronoun: er / sie / es.
    pub fn er(&self) -> &'static str {
        match self.gender {
            M => "er",
            F => "sie",
            N => "es",
        }
    }

    /// English pronoun: he / she / it (animals and things are "it").
    pub fn he(&self) -> &'static str {
        match self.gender {
            M => "he",
            F => "she",
            N => "it",
        }
    }
}

/// "Der König" with a capital article, for the start of a sentence.
pub fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

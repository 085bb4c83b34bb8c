//! The handbook's names and values: rooms, subjects, classes, events, hours, teachers, room
//! numbers, trips, rules and months, as (German, English) pairs or [`Item`]s with their synonyms.

use crate::corpus::knowledge::G::{Bare, F, M, N};
use crate::corpus::knowledge::{Item, Pair, item};

#[rustfmt::skip]
pub const ROOMS: &[Item] = &[
    item(("Bibliothek", F), "library", &[("Bücherei", F), ("Mediothek", F)], &["media centre", "book room"]),
    item(("Mensa", F), "cafeteria", &[("Kantine", F), ("Schulküche", F)], &["canteen", "dining hall"]),
    item(("Turnhalle", F), "gym", &[("Sporthalle", F), ("Halle", F)], &["sports hall", "gymnasium"]),
    item(("Sekretariat", N), "office", &[("Schulbüro", N), ("Büro", N)], &["front desk", "reception"]),
    item(("Werkraum", M), "workshop", &[("Werkstatt", F), ("Bastelraum", M)], &["craft room", "woodwork room"]),
    item(("Musikzimmer", N), "music room", &[("Singsaal", M), ("Musiksaal", M)], &["band room", "singing hall"]),
    item(("Computerraum", M), "computer room", &[("Informatikzimmer", N), ("Medienraum", M)], &["IT room", "media lab"]),
    item(("Schwimmbad", N), "pool", &[("Lehrschwimmbecken", N), ("Bad", N)], &["swimming hall", "baths"]),
    item(("Lehrerzimmer", N), "staff room", &[("Teamzimmer", N), ("Lehrpersonenzimmer", N)], &["teachers' room", "staffroom"]),
    item(("Lesesaal", M), "reading room", &[("Lesezimmer", N), ("Ruheraum", M)], &["study room", "quiet room"]),
];

#[rustfmt::skip]
pub const SUBJECTS: &[Item] = &[
    item(("Mathematik", Bare), "maths", &[("Mathe", Bare), ("Rechnen", Bare)], &["math", "mathematics"]),
    item(("Deutsch", Bare), "German", &[], &["Deutsch"]),
    item(("Englisch", Bare), "English", &[], &["language arts"]),
    item(("Musik", Bare), "music", &[("Singen", Bare)], &["singing"]),
    item(("Sport", Bare), "sport", &[("Turnen", Bare)], &["PE", "games"]),
    item(("Kunst", Bare), "art", &[("Zeichnen", Bare), ("Gestalten", Bare)], &["drawing", "painting"]),
    item(("Biologie", Bare), "biology", &[("Bio", Bare), ("Naturkunde", Bare)], &["bio", "life science"]),
    item(("Geschichte", Bare), "history", &[], &["the past"]),
    item(("Chemie", Bare), "chemistry", &[], &["chem"]),
    item(("Physik", Bare), "physics", &[("Naturlehre", Bare)], &["natural science"]),
];

#[rustfmt::skip]
pub const CLASSES: &[Item] = &[
    item(("Klasse eins", Bare), "class one", &[], &["year one"]),
    item(("Klasse zwei", Bare), "class two", &[], &["year two"]),
    item(("Klasse drei", Bare), "class three", &[], &["year three"]),
    item(("Klasse vier", Bare), "class four", &[], &["year four"]),
    item(("Klasse fünf", Bare), "class five", &[], &["year five"]),
    item(("Klasse sechs", Bare), "class six", &[], &["year six"]),
];

#[rustfmt::skip]
pub const EVENTS: &[Item] = &[
    item(("Sporttag", M), "sports day", &[("Sportfest", N)], &["field day"]),
    item(("Schulfest", N), "school party", &[("Schulfeier", F)], &["summer fête"]),
    item(("Elternabend", M), "parents' evening", &[("Elterntreffen", N)], &["parent meeting"]),
    item(("Theaterabend", M), "theatre night", &[("Theateraufführung", F)], &["drama show"]),
    item(("Projektwoche", F), "project week", &[("Themenwoche", F)], &["theme days"]),
    item(("Skilager", N), "ski camp", &[("Schneesportlager", N)], &["winter sports trip"]),
];

pub const HOURS: &[Pair] = &[
    ("sieben", "seven"),
    ("acht", "eight"),
    ("neun", "nine"),
    ("zehn", "ten"),
    ("elf", "eleven"),
    ("zwölf", "twelve"),
];

pub const TEACHERS: &[Pair] = &[
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

pub const ROOM_NUMBERS: &[Pair] = &[
    ("eins", "one"),
    ("zwei", "two"),
    ("drei", "three"),
    ("vier", "four"),
    ("fünf", "five"),
    ("sechs", "six"),
    ("sieben", "seven"),
    ("acht", "eight"),
    ("neun", "nine"),
    ("zwanzig", "twenty"),
];

pub const TRIPS: &[Pair] = &[
    ("an den See", "the lake"),
    ("in den Zoo", "the zoo"),
    ("ins Museum", "the museum"),
    ("auf den Berg", "the mountain"),
    ("an den Fluss", "the river"),
    ("in den Wald", "the forest"),
    ("ins Schloss", "the castle"),
    ("auf den Bauernhof", "the farm"),
];

pub const BANNED: &[Pair] = &[
    ("Essen", "eating"),
    ("Trinken", "drinking"),
    ("Rennen", "running"),
    ("Ballspielen", "playing ball"),
    ("Telefonieren", "phoning"),
    ("Kaugummi", "chewing gum"),
    ("Skateboardfahren", "skateboarding"),
    ("Pfeifen", "whistling"),
];

pub const MONTHS: &[Pair] = &[
    ("Januar", "January"),
    ("Februar", "February"),
    ("März", "March"),
    ("April", "April"),
    ("Mai", "May"),
    ("Juni", "June"),
    ("Juli", "July"),
    ("August", "August"),
    ("September", "September"),
    ("Oktober", "October"),
    ("November", "November"),
    ("Dezember", "December"),
];

//! The handbook of the made-up Lindenschule: opening times and rules of its rooms, who teaches
//! which subject and where, class trips and the school year's events.

use super::{Kind, Pair, RULE_QUESTIONS, Section};

pub const TITLE: Pair = ("Handbuch der Lindenschule", "Lindenschule handbook");

mod items;
pub use items::MONTHS;
use items::*;

pub const KINDS: &[Kind] = &[
    // 0: when a room opens.
    Kind {
        items: ROOMS,
        values: HOURS,
        forms: &[
            ("{Der} öffnet um {v} Uhr.", "The {X} opens at {v}."),
            ("Um {v} Uhr öffnet {der}.", "At {v} o'clock the {X} opens."),
            (
                "{Der} ist ab {v} Uhr geöffnet.",
                "The {X} is open from {v}.",
            ),
        ],
        train: &[
            ("Wann macht {der} auf?", "When does {the} open?"),
            ("Ab wann ist {der} offen?", "From when is {the} open?"),
            (
                "Um wie viel Uhr kann man {ins}?",
                "What time can I go to {the}?",
            ),
            ("Wann öffnet {der}?", "At what hour does {the} open?"),
            (
                "Um welche Uhrzeit geht {der} auf?",
                "When do the doors of {the} open?",
            ),
            (
                "Um wie viel Uhr öffnet {der}?",
                "What time does {the} open in the morning?",
            ),
            ("Wann kann ich {ins}?", "When can I go into {the}?"),
            (
                "Ist {der} am Morgen offen?",
                "Is {the} open in the morning?",
            ),
            (
                "Ab wie viel Uhr darf man {ins}?",
                "How early can I go into {the}?",
            ),
            ("Wie früh öffnet {der}?", "How early does {the} open?"),
            ("Wann wird {der} aufgeschlossen?", "When is {the} unlocked?"),
            (
                "Wann ist die Öffnungszeit {vom}?",
                "What are the opening hours of {the}?",
            ),
        ],
        eval: &[
            (
                "Sag mir bitte, ab welcher Uhrzeit {der} offen hat.",
                "Tell me please from what hour {the} lets people in.",
            ),
            (
                "Ich möchte morgens {ins}. Wann geht das?",
                "I want to get into {the} in the morning. When can I?",
            ),
        ],
        query: ("{X} öffnet", "{X} opens"),
        wheres: &[],
    },
    // 1: who teaches a subject.
    Kind {
        items: SUBJECTS,
        values: TEACHERS,
        forms: &[
            ("{X} unterrichtet {v}.", "{v} teaches {X}."),
            ("Im Fach {X} unterrichtet {v}.", "{Xc} is taught by {v}."),
            ("{V} gibt {X}.", "The {X} teacher is {v}."),
        ],
        train: &[
            ("Wer unterrichtet {X}?", "Who teaches {X}?"),
            ("Wer gibt {X}?", "Who gives {X} lessons?"),
            ("Bei wem hat man {X}?", "Who is the {X} teacher?"),
            (
                "Wer ist die Lehrperson für {X}?",
                "With whom do we have {X}?",
            ),
            ("Welche Lehrperson gibt {X}?", "Which teacher gives {X}?"),
            ("Wer hält den Unterricht in {X}?", "Who do we have for {X}?"),
            (
                "Wer ist in {X} unsere Lehrerin oder unser Lehrer?",
                "Who takes the {X} lessons?",
            ),
            (
                "Wie heisst die Lehrperson für {X}?",
                "What is the name of the {X} teacher?",
            ),
            (
                "Wer steht in {X} vor der Klasse?",
                "Who stands in front of the class in {X}?",
            ),
            (
                "Welche Lehrkraft haben wir in {X}?",
                "Which member of staff teaches {X}?",
            ),
            ("Wer bringt uns {X} bei?", "Who is our teacher in {X}?"),
        ],
        eval: &[
            (
                "Welche Lehrerin oder welcher Lehrer ist für {X} zuständig?",
                "Which teacher is in charge of {X}?",
            ),
            ("Von wem lernen wir {X}?", "From whom do we learn {X}?"),
        ],
        query: ("{X} unterrichtet", "teaches {X}"),
        wheres: &[],
    },
    // 2: the room of a subject.
    Kind {
        items: SUBJECTS,
        values: ROOM_NUMBERS,
        forms: &[
            (
                "{X} findet in Raum {v} statt.",
                "{Xc} lessons are in room {v}.",
            ),
            ("Für {X} geht man in Raum {v}.", "For {X}, go to room {v}."),
            (
                "Der Unterricht in {X} ist in Raum {v}.",
                "{Xc} takes place in room {v}.",
            ),
        ],
        train: &[
            ("In welchem Raum ist {X}?", "Which room is {X} in?"),
            ("Wo hat man {X}?", "Where do we have {X}?"),
            (
                "In welches Zimmer muss ich für {X}?",
                "Where is the {X} lesson?",
            ),
            ("Wo findet {X} statt?", "In which room do we have {X}?"),
            (
                "In welchem Zimmer haben wir {X}?",
                "Which classroom is {X} in?",
            ),
            ("Welcher Raum ist für {X}?", "What room do I need for {X}?"),
            ("Wo ist der Unterricht in {X}?", "Where do I go for {X}?"),
            ("Wo sitzen wir in {X}?", "Where do we sit for {X}?"),
            (
                "Welche Raumnummer hat {X}?",
                "What is the room number for {X}?",
            ),
            ("Wo treffen wir uns für {X}?", "Where do we meet for {X}?"),
            (
                "Welches Zimmer brauchen wir für {X}?",
                "In what room is {X} taught?",
            ),
        ],
        eval: &[
            (
                "Wohin gehe ich, wenn ich {X} habe?",
                "Where must I go when I have {X}?",
            ),
            (
                "Welches Schulzimmer gehört zu {X}?",
                "Which classroom belongs to {X}?",
            ),
        ],
        query: ("Raum {X}", "room {X}"),
        wheres: &[],
    },
    // 3: where a class goes on its trip.
    Kind {
        items: CLASSES,
        values: TRIPS,
        forms: &[
            (
                "Der Ausflug der {X} geht {v}.",
                "The trip of {X} goes to {v}.",
            ),
            (
                "Die {X} reist auf ihrem Ausflug {v}.",
                "{Xc} travels to {v} on its trip.",
            ),
        ],
        train: &[
            (
                "Wohin geht der Ausflug der {X}?",
                "Where does the trip of {X} go?",
            ),
            ("Wohin reist die {X}?", "Where does {X} travel?"),
            (
                "Was ist das Ausflugsziel der {X}?",
                "What is the destination of the {X} trip?",
            ),
            (
                "Wohin fährt die {X} auf dem Ausflug?",
                "Where does {X} go on its outing?",
            ),
            (
                "Wo macht die {X} ihren Ausflug?",
                "Where is {X} going on the trip?",
            ),
            (
                "Was besucht die {X} auf der Reise?",
                "What does {X} visit on its trip?",
            ),
            (
                "Wohin geht die Schulreise der {X}?",
                "Where is the school trip of {X}?",
            ),
            (
                "Wo ist die {X} am Ausflugstag?",
                "Where does {X} go on the excursion?",
            ),
            (
                "Welches Ziel hat die Reise der {X}?",
                "What place does {X} visit on the trip?",
            ),
        ],
        eval: &[(
            "Wo verbringt die {X} ihren Reisetag?",
            "Where will {X} spend its outing?",
        )],
        query: ("Ausflug {X}", "trip {X}"),
        wheres: &[],
    },
    // 4: what a room forbids.
    Kind {
        items: ROOMS,
        values: BANNED,
        forms: &[
            ("{Im} ist {v} verboten.", "In the {X}, {v} is forbidden."),
            ("{V} ist {im} nicht erlaubt.", "The {X} does not allow {v}."),
        ],
        train: RULE_QUESTIONS,
        eval: &[
            (
                "Gibt es {im} etwas, das man lassen soll?",
                "Is there anything I should not do in {the}?",
            ),
            (
                "Worauf muss ich {im} verzichten?",
                "What is banned in {the}?",
            ),
        ],
        query: ("{X} verboten", "{X} forbidden"),
        wheres: &[],
    },
    // 5: the month of a school event.
    Kind {
        items: EVENTS,
        values: MONTHS,
        forms: &[
            ("{Der} findet im {v} statt.", "The {X} takes place in {v}."),
            ("Im {v} ist {der}.", "In {v} we have the {X}."),
        ],
        train: &[
            ("Wann ist {der}?", "When is {the}?"),
            (
                "In welchem Monat findet {der} statt?",
                "In which month is {the}?",
            ),
            ("Wann haben wir {den}?", "When do we have {the}?"),
            (
                "Wann findet {der} dieses Jahr statt?",
                "What month is {the}?",
            ),
            (
                "In welchem Monat haben wir {den}?",
                "When does {the} take place this year?",
            ),
            ("Wann ist {der} geplant?", "When is {the} planned?"),
            (
                "Wann steht {der} im Kalender?",
                "When is {the} on the calendar?",
            ),
            (
                "In welchem Monat ist {der} jeweils?",
                "Which month has {the}?",
            ),
            ("Auf wann ist {der} angesetzt?", "When is {the} scheduled?"),
        ],
        eval: &[(
            "Zu welcher Zeit im Jahr gibt es {den}?",
            "At what time of year is {the}?",
        )],
        query: ("{X} Monat", "{X} month"),
        wheres: &[],
    },
];

pub const SECTIONS: &[Section] = &[
    Section {
        heading: ("Öffnungszeiten", "Opening hours"),
        intro: &[
            (
                "Viele Räume stehen auch vor dem Unterricht offen.",
                "Many rooms are open before lessons start.",
            ),
            (
                "In den Ferien gelten andere Zeiten.",
                "In the holidays other times apply.",
            ),
        ],
        kind: 0,
    },
    Section {
        heading: ("Regeln in den Räumen", "Rules in the rooms"),
        intro: &[
            (
                "Jeder Raum hat eine eigene Regel.",
                "Every room has a rule of its own.",
            ),
            (
                "Wer sie vergisst, wird freundlich daran erinnert.",
                "Whoever forgets it is reminded kindly.",
            ),
        ],
        kind: 4,
    },
    Section {
        heading: ("Lehrpersonen", "Teachers"),
        intro: &[
            (
                "Jedes Fach hat eine feste Lehrperson.",
                "Every subject has one teacher.",
            ),
            (
                "Fragen zum Fach stellt man am besten direkt.",
                "Questions about a subject are best asked directly.",
            ),
        ],
        kind: 1,
    },
    Section {
        heading: ("Räume", "Rooms"),
        intro: &[
            (
                "Der Stundenplan hängt im Gang neben dem Eingang.",
                "The timetable hangs in the hall next to the entrance.",
            ),
            (
                "Die Zimmer sind nummeriert.",
                "The classrooms are numbered.",
            ),
        ],
        kind: 2,
    },
    Section {
        heading: ("Ausflüge", "Trips"),
        intro: &[
            (
                "Jede Klasse macht im Frühling einen Ausflug.",
                "Every class goes on a trip in spring.",
            ),
            (
                "Bei Regen gibt es einen Ersatztag.",
                "If it rains, there is another day.",
            ),
        ],
        kind: 3,
    },
    Section {
        heading: ("Das Schuljahr", "The school year"),
        intro: &[
            (
                "Das Schuljahr beginnt im August.",
                "The school year begins in August.",
            ),
            (
                "Einige Anlässe finden jedes Jahr statt.",
                "Some events take place every year.",
            ),
        ],
        kind: 5,
    },
];

//! A guide to the made-up town of Seewil: where its places are and when they are closed, who
//! runs them and what they cost, bus lines, events and rules. Names and numbers here are rare
//! words on purpose: keyword search finds them where vectors may not.

use super::school::MONTHS;
use super::{Kind, Pair, RULE_QUESTIONS, Section};

pub const TITLE: Pair = ("Stadtführer Seewil", "Seewil town guide");

mod items;
use items::*;

pub const KINDS: &[Kind] = &[
    // 6: where a place is and on which day it is closed (two sentences).
    Kind {
        items: PLACES,
        values: DAYS,
        forms: &[
            (
                "{Der} liegt {w}. {Es} ist am {v} geschlossen.",
                "The {X} is {w}. {It} is closed on {v}.",
            ),
            (
                "Man findet {den} {w}. Am {v} bleibt {es} zu.",
                "You find the {X} {w}. On {v} {it} stays shut.",
            ),
        ],
        train: &[
            (
                "An welchem Tag hat {der} zu?",
                "On which day is {the} closed?",
            ),
            ("Wann ist {der} geschlossen?", "When is {the} shut?"),
            ("Wann bleibt {der} zu?", "Which day does {the} stay closed?"),
            (
                "An welchem Tag kann ich nicht {ins}?",
                "On which day can I not go to {the}?",
            ),
            (
                "Welchen Ruhetag hat {der}?",
                "What is the closing day of {the}?",
            ),
            ("Wann hat {der} Ruhetag?", "When is {the} not open?"),
            (
                "An welchem Tag öffnet {der} nicht?",
                "On what day does {the} not open?",
            ),
            (
                "Gibt es einen Tag, an dem {der} geschlossen ist?",
                "Is there a day when {the} is closed?",
            ),
            (
                "Wann ist {der} nicht offen?",
                "Which day is {the} closed each week?",
            ),
            (
                "An welchem Tag bleibt {der} geschlossen?",
                "What day of the week is {the} shut?",
            ),
        ],
        eval: &[(
            "An welchem Wochentag kann ich nicht {ins}?",
            "On which weekday can I not visit {the}?",
        )],
        query: ("{X} geschlossen", "{X} closed"),
        wheres: WHERES,
    },
    // 7: who runs a place.
    Kind {
        items: PLACES,
        values: HEADS,
        forms: &[
            ("{V} leitet {den}.", "{v} runs the {X}."),
            (
                "{Der} hat eine neue Leitung: {v}.",
                "The {X} is managed by {v}.",
            ),
        ],
        train: &[
            ("Wer leitet {den}?", "Who runs {the}?"),
            (
                "Wer ist Chefin oder Chef {vom}?",
                "Who is the head of {the}?",
            ),
            ("Wer führt {den}?", "Who manages {the}?"),
            ("Wer ist die Leitung {vom}?", "Who leads {the}?"),
            (
                "Wer ist verantwortlich für {den}?",
                "Whose job is it to run {the}?",
            ),
            (
                "Wer ist die Chefin oder der Chef {vom}?",
                "Who is the boss of {the}?",
            ),
            (
                "Wer steht an der Spitze {vom}?",
                "Who is at the top of {the}?",
            ),
            (
                "Wer ist die Leiterin oder der Leiter {vom}?",
                "Who is the manager of {the}?",
            ),
            ("Wer hat die Leitung {vom}?", "Who heads {the}?"),
        ],
        eval: &[("Wer hat {im} das Sagen?", "Who is in charge at {the}?")],
        query: ("{X} Leitung", "{X} head"),
        wheres: &[],
    },
    // 8: what a place costs.
    Kind {
        items: ATTRACTIONS,
        values: PRICES,
        forms: &[
            (
                "Der Eintritt {ins} kostet {v} Franken.",
                "Entry to the {X} costs {v} francs.",
            ),
            (
                "{Der} verlangt {v} Franken Eintritt.",
                "The {X} charges {v} francs to get in.",
            ),
        ],
        train: &[
            (
                "Was kostet der Eintritt {im}?",
                "How much is entry to {the}?",
            ),
            ("Wie viel zahlt man {im}?", "What does {the} cost?"),
            ("Wie teuer ist {der}?", "How expensive is {the}?"),
            (
                "Wie viel kostet {der}?",
                "How much does it cost to get into {the}?",
            ),
            ("Was muss ich {im} bezahlen?", "What do I pay at {the}?"),
            (
                "Wie viele Franken kostet der Eintritt {ins}?",
                "What is the price of {the}?",
            ),
            (
                "Wie hoch ist der Eintritt {im}?",
                "What is the entry fee for {the}?",
            ),
            ("Was bezahlt man für {den}?", "How many francs is {the}?"),
            (
                "Was kostet ein Ticket für {den}?",
                "What does a ticket for {the} cost?",
            ),
            ("Ist {der} teuer?", "Is {the} expensive?"),
        ],
        eval: &[(
            "Wie viel Geld brauche ich für einen Besuch {im}?",
            "How much money do I need to visit {the}?",
        )],
        query: ("{X} Eintritt", "{X} entry"),
        wheres: &[],
    },
    // 9: the bus line to a place.
    Kind {
        items: DESTINATIONS,
        values: LINES,
        forms: &[
            (
                "{Zum} fährt die Buslinie {v}.",
                "Bus line {v} goes to the {X}.",
            ),
            (
                "Die Linie {v} bringt dich {zum}.",
                "Line {v} takes you to the {X}.",
            ),
        ],
        train: &[
            ("Welcher Bus fährt {zum}?", "Which bus goes to {the}?"),
            (
                "Mit welcher Linie komme ich {zum}?",
                "Which line takes me to {the}?",
            ),
            (
                "Welche Buslinie geht {zum}?",
                "What bus do I take to {the}?",
            ),
            (
                "Welche Linie fährt {zum}?",
                "Which bus number goes to {the}?",
            ),
            (
                "Wie komme ich mit dem Bus {zum}?",
                "How do I get to {the} by bus?",
            ),
            (
                "Welche Nummer hat der Bus {zum}?",
                "What line goes to {the}?",
            ),
            (
                "Welcher Bus bringt mich {zum}?",
                "Which bus brings me to {the}?",
            ),
            (
                "Welche Linie nehme ich {zum}?",
                "Which line do I take to {the}?",
            ),
            (
                "Wie heisst die Buslinie {zum}?",
                "What is the bus line for {the}?",
            ),
            (
                "Mit welchem Bus fahre ich {zum}?",
                "Which bus should I catch to {the}?",
            ),
        ],
        eval: &[(
            "Ich muss {zum}. Welche Nummer hat mein Bus?",
            "I need to get to {the}. What number is my bus?",
        )],
        query: ("Bus {X}", "bus {X}"),
        wheres: &[],
    },
    // 10: the month of a town event.
    Kind {
        items: TOWN_EVENTS,
        values: MONTHS,
        forms: &[
            (
                "{Der} ist jedes Jahr im {v}.",
                "The {X} is held every year in {v}.",
            ),
            (
                "Im {v} feiert Seewil {den}.",
                "In {v} Seewil holds the {X}.",
            ),
        ],
        train: &[
            ("Wann ist {der}?", "When is {the}?"),
            (
                "In welchem Monat feiert man {den}?",
                "In which month is {the}?",
            ),
            ("Wann findet {der} statt?", "When does {the} take place?"),
            ("In welchem Monat ist {der}?", "What month is {the} in?"),
            ("Wann kann man {den} besuchen?", "When can I go to {the}?"),
            ("Wann feiert Seewil {den}?", "When does Seewil hold {the}?"),
            (
                "In welchem Monat gibt es {den}?",
                "Which month is {the} held?",
            ),
            ("Wann ist dieses Jahr {der}?", "When is {the} this year?"),
            ("Wann steht {der} an?", "When is {the} on?"),
        ],
        eval: &[(
            "Zu welcher Jahreszeit kann ich {den} besuchen?",
            "At what time of year can I visit {the}?",
        )],
        query: ("{X} Monat", "{X} month"),
        wheres: &[],
    },
    // 11: what a public place forbids.
    Kind {
        items: SPOTS,
        values: TOWN_BANNED,
        forms: &[
            ("{Im} ist {v} verboten.", "In the {X}, {v} is forbidden."),
            (
                "In Seewil gilt: {V} ist {im} nicht erlaubt.",
                "In Seewil, {v} is not allowed in the {X}.",
            ),
        ],
        train: RULE_QUESTIONS,
        eval: &[(
            "Gibt es {im} etwas, das man lassen soll?",
            "Is there anything I should not do in {the}?",
        )],
        query: ("{X} verboten", "{X} forbidden"),
        wheres: &[],
    },
];

/// The town's kinds start after the school's.
pub const KINDS_AT: usize = super::school::KINDS.len();
const AT: usize = KINDS_AT;

pub const SECTIONS: &[Section] = &[
    Section {
        heading: ("Orte und Ruhetage", "Places and closing days"),
        intro: &[
            (
                "Seewil liegt an einem kleinen See.",
                "Seewil lies on a small lake.",
            ),
            (
                "Die meisten Orte sind zu Fuss erreichbar.",
                "Most places can be reached on foot.",
            ),
        ],
        kind: AT,
    },
    Section {
        heading: ("Wer was leitet", "Who runs what"),
        intro: &[
            (
                "Seewil hat viele kleine Betriebe.",
                "Seewil has many small businesses.",
            ),
            (
                "Ihre Leitung wechselt selten.",
                "Their heads rarely change.",
            ),
        ],
        kind: AT + 1,
    },
    Section {
        heading: ("Preise", "Prices"),
        intro: &[
            (
                "Kinder bis sechs Jahre zahlen nichts.",
                "Children up to six pay nothing.",
            ),
            (
                "Alle Preise gelten pro Person.",
                "All prices are per person.",
            ),
        ],
        kind: AT + 2,
    },
    Section {
        heading: ("Busse", "Buses"),
        intro: &[
            (
                "Die Busse fahren jede halbe Stunde.",
                "The buses run every half hour.",
            ),
            (
                "Am Sonntag fahren weniger Busse.",
                "Fewer buses run on Sundays.",
            ),
        ],
        kind: AT + 3,
    },
    Section {
        heading: ("Feste", "Events"),
        intro: &[
            ("In Seewil wird gern gefeiert.", "Seewil likes a party."),
            (
                "Der Eintritt zu den Festen ist frei.",
                "Entry to the events is free.",
            ),
        ],
        kind: AT + 4,
    },
    Section {
        heading: ("Regeln im Freien", "Rules outdoors"),
        intro: &[
            (
                "Seewil hat nur wenige Regeln.",
                "Seewil has only a few rules.",
            ),
            (
                "Die Gemeinde bittet alle, sie einzuhalten.",
                "The town asks everyone to keep them.",
            ),
        ],
        kind: AT + 5,
    },
];

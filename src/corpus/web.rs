//! The raw-text stage and its cleaning, as the seed text describes data preparation: web pages
//! come with copies of each other, navigation and cookie boilerplate, advertising spam and
//! broken junk lines. Cleaning removes exact duplicates, boilerplate lines, spam and junk, and
//! pages with too little text left, and reports what it removed and why.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::i18n::Lang;
use crate::rng::Rng;

const NAV: [&str; 4] = [
    "Startseite | Über uns | Kontakt | Impressum",
    "Home | About | Contact | Imprint",
    "Menü ☰ Suche 🔍 Anmelden",
    "Menu ☰ Search 🔍 Sign in",
];
const FOOTER: [&str; 4] = [
    "© 2025 Dorfzeitung. Alle Rechte vorbehalten.",
    "© 2025 Village News. All rights reserved.",
    "Diese Seite verwendet Cookies. Mit der Nutzung stimmen Sie zu. [Akzeptieren]",
    "This site uses cookies. By using it you agree. [Accept]",
];
const SPAM: [&str; 6] = [
    "!!! JETZT KAUFEN !!! Billig billig billig – nur heute – klick hier !!!",
    "BUY NOW!!! cheap cheap cheap best price click here click here",
    "Gewinnen Sie ein iPhone!!! Klicken Sie hier >>> www.gratis-gewinn.example",
    "WIN A FREE PHONE >>> click >>> click >>> www.free-prize.example",
    "Beste Preise beste Preise beste Preise günstig günstig günstig",
    "seo seo keywords keywords best best top top cheap cheap",
];
const JUNK: [&str; 4] = [
    "asdf qwer 1234 #### %%%% &&&&",
    "<div class=\"ad\"><script>track()</script></div>",
    "ÃƒÂ¤ÃƒÂ¶ÃƒÂ¼ Ã¢â‚¬Å“ Ã¢â‚¬Â",
    "0101 1100 0011 1010 0110 1001",
];

/// Why a line or page was removed.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, PartialOrd, Ord,
)]
#[serde(rename_all = "snake_case")]
pub enum Removed {
    /// The whole page is a copy of an earlier one.
    Duplicate,
    /// A line that appears on many pages (navigation, footers, cookie notices).
    Boilerplate,
    /// Advertising: repeated words, shouting, links.
    Spam,
    /// Too few letters: markup, code, broken encodings.
    Junk,
    /// Too little text left on the page.
    TooShort,
}

/// What cleaning did.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Report {
    pub pages_in: usize,
    pub pages_out: usize,
    /// Number of removed pages (duplicates, too short) and lines (the rest), by reason.
    pub removed: Vec<(Removed, usize)>,
    /// Up to three examples per reason.
    pub examples: Vec<(Removed, String)>,
}

/// Raw web pages: paragraphs from `make_paragraph` wrapped in navigation and footers, with spam
/// and junk lines mixed in, and `duplicate_share` of the pages copied (0.3–0.6 on the real web).
pub fn raw_pages(
    seed: u64,
    pages: usize,
    duplicate_share: f64,
    mut make_paragraph: impl FnMut(&mut Rng, Lang) -> String,
) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut out: Vec<String> = Vec::with_capacity(pages);
    while out.len() < pages {
        if !out.is_empty() && rng.next_f64() < duplicate_share {
            let copy = out[rng.below(out.len())].clone();
            out.push(copy);
            continue;
        }
        let lang = if rng.below(2) == 0 {
            Lang::De
        } else {
            Lang::En
        };
        let l = if lang == Lang::De { 0 } else { 1 };
        let mut lines = vec![NAV[l + 2 * rng.below(2)].to_string()];
        for _ in 0..1 + rng.below(3) {
            lines.push(make_paragraph(&mut rng, lang));
            if rng.below(4) == 0 {
                lines.push(SPAM[rng.below(SPAM.len())].to_string());
            }
            if rng.below(6) == 0 {
                lines.push(JUNK[rng.below(JUNK.len())].to_string());
            }
        }
        lines.push(FOOTER[l + 2 * rng.below(2)].to_string());
        if rng.below(10) == 0 {
            // A page that is nothing but navigation and a date.
            lines = vec![
                NAV[l].to_string(),
                format!("{}.{}.2025", 1 + rng.below(28), 1 + rng.below(12)),
                FOOTER[l].to_string(),
            ];
        }
        out.push(lines.join("\n"));
    }
    out
}

/// Whether a line reads like advertising: shouting with "!!!", click-bait links, or the same
/// few words over and over (at most half the words of a short line are different, at most a
/// third of a long one's, or one word of four letters or more fills 30 % of the line).
fn is_spam(line: &str) -> bool {
    let lower = line.to_lowercase();
    if lower.contains("!!!")
        || lower.contains(">>>")
        || lower.contains("click here")
        || lower.contains("klick")
    {
        return true;
    }
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in &words {
        *counts.entry(w).or_default() += 1;
    }
    let n = words.len();
    let repetitive = if n <= 12 {
        n >= 6 && counts.len() * 2 <= n
    } else {
        counts.len() * 3 <= n
    };
    repetitive
        || counts
            .iter()
            .any(|(w, &c)| w.chars().count() >= 4 && c >= 3 && c * 10 >= n * 3)
}

/// Whether a line has too few letters to be prose (under 70 % letters and spaces), or markup.
fn is_junk(line: &str) -> bool {
    let total = line.chars().count().max(1);
    let letters = line
        .chars()
        .filter(|c| c.is_alphabetic() || *c == ' ')
        .count();
    letters * 100 / total < 70 || line.contains('<') || line.contains("Ã")
}

/// Cleans raw pages: removes exact duplicates, then spam and junk lines, then boilerplate lines
/// (lines seen on at least `boilerplate_pages` different pages), then pages with fewer than 40
/// characters left.
pub fn clean(pages: &[String], boilerplate_pages: usize) -> (Vec<String>, Report) {
    let mut removed: HashMap<Removed, usize> = HashMap::new();
    let mut examples: Vec<(Removed, String)> = Vec::new();
    let mut note = |why: Removed, text: &str, removed: &mut HashMap<Removed, usize>| {
        *removed.entry(why).or_default() += 1;
        let shown: String = text.chars().take(120).collect();
        if examples.iter().filter(|(w, _)| *w == why).count() < 3
            && !examples.iter().any(|(_, t)| *t == shown)
        {
            examples.push((why, shown));
        }
    };
    let mut seen = HashSet::new();
    let mut unique = Vec::new();
    for p in pages {
        if seen.insert(p.as_str()) {
            unique.push(p.as_str());
        } else {
            note(
                Removed::Duplicate,
                p.lines().nth(1).unwrap_or(p),
                &mut removed,
            );
        }
    }
    let mut line_pages: HashMap<&str, usize> = HashMap::new();
    for p in &unique {
        let lines: HashSet<&str> = p.lines().collect();
        for l in lines {
            *line_pages.entry(l).or_default() += 1;
        }
    }
    let mut out = Vec::new();
    for p in unique {
        let mut kept = Vec::new();
        for line in p.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let why = if is_spam(line) {
                Some(Removed::Spam)
            } else if is_junk(line) {
                Some(Removed::Junk)
            } else if line_pages.get(line).copied().unwrap_or(0) >= boilerplate_pages {
                Some(Removed::Boilerplate)
            } else {
                None
            };
            match why {
                Some(w) => note(w, line, &mut removed),
                None => kept.push(line),
            }
        }
        let text = kept.join("\n");
        if text.chars().count() < 40 {
            note(Removed::TooShort, p, &mut removed);
        } else {
            out.push(text);
        }
    }
    let mut removed: Vec<(Removed, usize)> = removed.into_iter().collect();
    removed.sort();
    examples.sort_by_key(|(w, _)| *w);
    let report = Report {
        pages_in: pages.len(),
        pages_out: out.len(),
        removed,
        examples,
    };
    (out, report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spam_is_told_from_prose() {
        assert!(is_spam(
            "Beste Preise beste Preise beste Preise günstig günstig günstig"
        ));
        assert!(is_spam("BUY NOW!!! cheap"));
        assert!(!is_spam(
            "The son has four apples. The cheese is cold. The puppy lies on the sofa. The food is ready."
        ));
        assert!(!is_spam(
            "Das Essen ist fertig. Zum Essen gibt es Suppe. Das Essen schmeckt gut und alle essen gern."
        ));
        // None of the corpus's own paragraphs looks like spam or junk.
        let mut rng = Rng::new(5);
        for i in 0..3000 {
            let lang = if i % 2 == 0 { Lang::De } else { Lang::En };
            let p = crate::corpus::text::paragraph(&mut rng, lang);
            assert!(!is_spam(&p) && !is_junk(&p), "{p}");
        }
    }

    #[test]
    fn cleaning_removes_what_it_should_and_keeps_prose() {
        let pages = raw_pages(3, 400, 0.4, |rng, lang| {
            let n = rng.below(1000);
            match lang {
                Lang::De => format!("Der Hund Nummer {n} spielt im Garten mit dem Ball."),
                Lang::En => format!("The dog number {n} plays in the garden with the ball."),
            }
        });
        let (clean_pages, report) = clean(&pages, 5);
        assert_eq!(report.pages_in, 400);
        let count = |why| {
            report
                .removed
                .iter()
                .find(|(w, _)| *w == why)
                .map_or(0, |(_, c)| *c)
        };
        assert!(count(Removed::Duplicate) > 100, "{report:?}");
        assert!(count(Removed::Boilerplate) > 300);
        assert!(count(Removed::Spam) > 10);
        assert!(count(Removed::Junk) > 5);
        assert!(count(Removed::TooShort) > 5);
        for p in &clean_pages {
            assert!(
                !p.contains("©")
                    && !p.contains("!!!")
                    && !p.contains("Startseite")
                    && !p.contains("<div"),
                "{p}"
            );
            assert!(p.contains("dog") || p.contains("Hund"));
        }
        assert!(report.examples.iter().any(|(w, _)| *w == Removed::Spam));
    }
}

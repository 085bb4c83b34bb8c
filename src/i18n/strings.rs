//! The string table. German uses Swiss spelling (ss for ß), as the seed text does.
//! Written in our own words; the seed text is the syllabus, not the source of sentences.

use crate::chapters::Chapter;

/// A piece of user-visible text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Msg {
    AppName,
    Tagline,
    SkipToContent,
    NavLabel,
    PagerLabel,
    LanguageLabel,
    ThemeLabel,
    ThemeAuto,
    ThemeLight,
    ThemeDark,
    Previous,
    Next,
    ChapterOf,
    UnknownChapter,
    Dismiss,
    KeyboardHint,
    PrivacyNote,
    StatusChecking,
    StatusWebGpu,
    StatusWebGpuExplain,
    StatusSoftwareGpu,
    StatusCpu,
    CpuNoApi,
    CpuNoAdapter,
    CpuDeviceFailed,
    CpuSelfTestFailed,
    ChapterTitle(Chapter),
    ChapterIntro(Chapter),
}

impl Msg {
    /// Every message, for completeness checks.
    pub fn all() -> Vec<Msg> {
        let mut v = vec![
            Msg::AppName,
            Msg::Tagline,
            Msg::SkipToContent,
            Msg::NavLabel,
            Msg::PagerLabel,
            Msg::LanguageLabel,
            Msg::ThemeLabel,
            Msg::ThemeAuto,
            Msg::ThemeLight,
            Msg::ThemeDark,
            Msg::Previous,
            Msg::Next,
            Msg::ChapterOf,
            Msg::UnknownChapter,
            Msg::Dismiss,
            Msg::KeyboardHint,
            Msg::PrivacyNote,
            Msg::StatusChecking,
            Msg::StatusWebGpu,
            Msg::StatusWebGpuExplain,
            Msg::StatusSoftwareGpu,
            Msg::StatusCpu,
            Msg::CpuNoApi,
            Msg::CpuNoAdapter,
            Msg::CpuDeviceFailed,
            Msg::CpuSelfTestFailed,
        ];
        for c in Chapter::ALL {
            v.push(Msg::ChapterTitle(c));
            v.push(Msg::ChapterIntro(c));
        }
        v
    }

    /// Texts that are rightly identical in German and English (names, technical terms).
    pub fn same_in_both_languages(self) -> bool {
        matches!(
            self,
            Msg::AppName
                | Msg::ThemeAuto
                | Msg::ChapterTitle(
                    Chapter::Attention | Chapter::Sampling | Chapter::Training | Chapter::LayerNorm
                )
        )
    }
}

/// `(German, English)` for a message.
pub(super) fn text(msg: Msg) -> (&'static str, &'static str) {
    match msg {
        Msg::AppName => ("Lupe", "Lupe"),
        Msg::Tagline => ("Schau einem GPT beim Denken zu", "Watch a GPT think"),
        Msg::SkipToContent => ("Zum Inhalt springen", "Skip to content"),
        Msg::NavLabel => ("Kapitel", "Chapters"),
        Msg::PagerLabel => (
            "Vorheriges und nächstes Kapitel",
            "Previous and next chapter",
        ),
        Msg::LanguageLabel => ("Sprache", "Language"),
        Msg::ThemeLabel => ("Darstellung", "Appearance"),
        Msg::ThemeAuto => ("Auto", "Auto"),
        Msg::ThemeLight => ("Hell", "Light"),
        Msg::ThemeDark => ("Dunkel", "Dark"),
        Msg::Previous => ("Zurück", "Previous"),
        Msg::Next => ("Weiter", "Next"),
        Msg::ChapterOf => ("Kapitel {n} von {total}", "Chapter {n} of {total}"),
        Msg::UnknownChapter => (
            "Ein Kapitel «{slug}» gibt es nicht. Du bist beim ersten Kapitel gelandet.",
            "There is no chapter called “{slug}”, so you are at the first chapter.",
        ),
        Msg::Dismiss => ("Hinweis schliessen", "Dismiss notice"),
        Msg::KeyboardHint => (
            "Tipp: Mit den Pfeiltasten ← und → blätterst du durch die Kapitel.",
            "Tip: the arrow keys ← and → move between chapters.",
        ),
        Msg::PrivacyNote => (
            "Alles wird hier in deinem Browser berechnet. Kein Text verlässt dein Gerät.",
            "Everything is computed here in your browser. No text leaves your device.",
        ),
        Msg::StatusChecking => ("Suche nach WebGPU …", "Looking for WebGPU …"),
        Msg::StatusWebGpu => (
            "Rechnet mit WebGPU: {adapter}",
            "Computing with WebGPU: {adapter}",
        ),
        Msg::StatusWebGpuExplain => (
            "Die Grafikkarte rechnet mit unseren eigenen Shadern. Ein Probelauf stimmte mit der \
             CPU überein (grösste Abweichung {err}).",
            "Your graphics card runs our own shaders. A trial run agreed with the CPU (largest \
             difference {err}).",
        ),
        Msg::StatusSoftwareGpu => (
            "Diese Grafikkarte wird per Software auf der CPU nachgebildet: Sie rechnet richtig, \
             aber langsam.",
            "This graphics card is emulated in software on the CPU: it computes correctly, but \
             slowly.",
        ),
        Msg::StatusCpu => ("Rechnet auf der CPU", "Computing on the CPU"),
        Msg::CpuNoApi => (
            "Dieser Browser bietet kein WebGPU an. Alles funktioniert trotzdem: Das Modell läuft \
             als WebAssembly auf dem Prozessor, grosse Modelle rechnen nur langsamer.",
            "This browser offers no WebGPU. Everything still works: the model runs as WebAssembly \
             on the processor; only large models are slower.",
        ),
        Msg::CpuNoAdapter => (
            "Der Browser kennt WebGPU, findet aber keine passende Grafikkarte. Das Modell läuft \
             darum als WebAssembly auf dem Prozessor; alle Kapitel funktionieren.",
            "The browser knows WebGPU but found no suitable graphics processor. The model runs as \
             WebAssembly on the processor instead; every chapter works.",
        ),
        Msg::CpuDeviceFailed => (
            "Die Grafikkarte liess sich nicht öffnen ({detail}). Das Modell läuft darum auf dem \
             Prozessor; alle Kapitel funktionieren.",
            "The graphics processor could not be opened ({detail}). The model runs on the \
             processor instead; every chapter works.",
        ),
        Msg::CpuSelfTestFailed => (
            "Ein Probelauf auf der Grafikkarte wich vom Prozessor ab ({detail}). Sicherheitshalber \
             rechnet Lupe darum auf dem Prozessor.",
            "A trial run on the graphics processor disagreed with the processor ({detail}). To be \
             safe, Lupe computes on the processor.",
        ),
        Msg::ChapterTitle(c) => chapter_title(c),
        Msg::ChapterIntro(c) => chapter_intro(c),
    }
}

fn chapter_title(c: Chapter) -> (&'static str, &'static str) {
    match c {
        Chapter::Tokens => ("Vom Prompt zu Tokens", "From prompt to tokens"),
        Chapter::Embeddings => ("Token-IDs und Embeddings", "Token IDs and embeddings"),
        Chapter::Positions => ("Positionen", "Positions"),
        Chapter::Attention => ("Self-Attention", "Self-Attention"),
        Chapter::LayerNorm => ("Residual & LayerNorm", "Residual & LayerNorm"),
        Chapter::Ffn => ("Feed-Forward-Netz", "Feed-forward network"),
        Chapter::Logits => ("Logits und Softmax", "Logits and softmax"),
        Chapter::Sampling => ("Sampling", "Sampling"),
        Chapter::Generation => ("Generierung", "Generation"),
        Chapter::Roles => ("Rollen", "Roles"),
        Chapter::Training => ("Training", "Training"),
        Chapter::Rag => ("Websuche und RAG", "Web search and RAG"),
    }
}

fn chapter_intro(c: Chapter) -> (&'static str, &'static str) {
    match c {
        Chapter::Tokens => (
            "Bevor das Modell etwas liest, wird dein Text in Stücke aus einer festen Liste \
             zerschnitten, die Tokens, und jedes Stück wird zu einer Zahl.",
            "Before the model reads anything, your text is cut into pieces from a fixed list, \
             the tokens, and every piece becomes a number.",
        ),
        Chapter::Embeddings => (
            "Jede Token-Nummer wählt eine Zeile aus einer grossen Tabelle: eine Reihe von Zahlen, \
             mit der das Modell gelernt hat, die Bedeutung des Tokens festzuhalten.",
            "Each token number picks one row of a large table: a row of numbers in which the \
             model has learned to capture what the token means.",
        ),
        Chapter::Positions => (
            "Dasselbe Wort kann vorne oder hinten im Satz stehen. Ein Positionsvektor, der zum \
             Embedding addiert wird, verrät dem Modell den Platz.",
            "The same word can stand early or late in a sentence. A position vector added to the \
             embedding tells the model where it is.",
        ),
        Chapter::Attention => (
            "Jedes Token stellt eine Frage (Query), bietet etwas an (Key) und trägt Inhalt \
             (Value). Die Attention entscheidet, wie viel jedes frühere Token beisteuert.",
            "Every token asks something (query), offers something (key) and carries content \
             (value). Attention decides how much each earlier token contributes.",
        ),
        Chapter::LayerNorm => (
            "Jede Schicht zählt ihr Ergebnis zum Eingang dazu (der Residualpfad) und bringt die \
             Zahlen danach wieder in einen ruhigen Bereich.",
            "Each layer adds its result to its input (the residual path) and then brings the \
             numbers back into a calm range.",
        ),
        Chapter::Ffn => (
            "Ein kleines Netz aus zwei Schichten mit einem Knick dazwischen (GELU) bearbeitet \
             jedes Token für sich allein.",
            "A small network of two layers with a bend between them (GELU) works on each token \
             on its own.",
        ),
        Chapter::Logits => (
            "Der letzte Vektor wird mit jedem Token des Vokabulars verglichen; Softmax macht aus \
             diesen Punktzahlen Wahrscheinlichkeiten, die zusammen eins ergeben.",
            "The last vector is compared with every token in the vocabulary; softmax turns these \
             scores into probabilities that add up to one.",
        ),
        Chapter::Sampling => (
            "Aus den Wahrscheinlichkeiten wird ein Token gewählt: immer das wahrscheinlichste \
             (greedy) oder mit einem gezähmten Würfel (Temperatur, Top-k, Top-p).",
            "From the probabilities one token is chosen: always the likeliest (greedy), or by a \
             tamed roll of the dice (temperature, top-k, top-p).",
        ),
        Chapter::Generation => (
            "Das gewählte Token wird angehängt und alles läuft noch einmal, Token für Token, bis \
             ein End-Token oder eine Längengrenze den Text beendet.",
            "The chosen token is appended and everything runs again, token by token, until an \
             end token or a length limit finishes the text.",
        ),
        Chapter::Roles => (
            "Ein Chat ist für das Modell ein einziger langer Text. Unsichtbare Marker zeigen, was \
             vom System, von dir und vom Assistenten stammt.",
            "To the model a chat is one long text. Hidden markers show which parts come from the \
             system, from you and from the assistant.",
        ),
        Chapter::Training => (
            "Niemand schreibt die Zahlen des Modells von Hand: Pretraining, Feintuning mit \
             Dialogen (SFT) und menschliche Bewertungen (RLHF) formen sie Schritt für Schritt.",
            "Nobody writes the model's numbers by hand: pretraining, fine-tuning on dialogues \
             (SFT) and human ratings (RLHF) shape them step by step.",
        ),
        Chapter::Rag => (
            "Was das Modell nie gelernt hat, kann es trotzdem erfahren: Suchergebnisse und \
             passende Textstellen werden vor der Antwort in den Prompt gelegt.",
            "What the model never learned can still reach it: search results and matching \
             passages are placed into the prompt before it answers.",
        ),
    }
}

//! The texts of the checked questions ([`crate::lesson::questions`]): the question, the feedback
//! for a right and for a wrong reply (with `{reply}`, what was answered), and the fixed options.
//! Placeholders are filled with the live values when the question is asked.

use crate::lesson::T;
use crate::lesson::questions::Question;

/// A question's texts.
#[derive(Debug)]
pub struct QText {
    pub id: &'static str,
    pub ask: T,
    pub right: T,
    pub wrong: T,
}

/// The texts of a question.
pub fn of(q: Question) -> &'static QText {
    use Question::*;
    match q {
        OvLargestPart => &OV_LARGEST_PART,
        OvNextToken => &OV_NEXT_TOKEN,
        TokCount => &TOK_COUNT,
        TokMerges => &TOK_MERGES,
        EmbNearest => &EMB_NEAREST,
        PosLearned => &POS_LEARNED,
        PosDistance => &POS_DISTANCE,
        AttArgmax => &ATT_ARGMAX,
        AttLater => &ATT_LATER,
        LnVariance => &LN_VARIANCE,
        FfnWidth => &FFN_WIDTH,
        FfnShare => &FFN_SHARE,
        LogTopProb => &LOG_TOP_PROB,
        LogOrder => &LOG_ORDER,
        SamTopP => &SAM_TOP_P,
        SamFinalProb => &SAM_FINAL_PROB,
        GenStop => &GEN_STOP,
        RoleUserCounts => &ROLE_USER_COUNTS,
        RoleAnswerCounts => &ROLE_ANSWER_COUNTS,
        LabLossTrend => &LAB_LOSS_TREND,
        LabLossToProb => &LAB_LOSS_TO_PROB,
        RagWhichSearch => &RAG_WHICH_SEARCH,
    }
}

pub const YES: T = T("Ja", "Yes");
pub const NO: T = T("Nein", "No");
pub const PART_NAMES: &[T] = &[
    T("Embedding-Tabelle", "Embedding table"),
    T("Attention (alle Schichten)", "Attention (all layers)"),
    T("FFN (alle Schichten)", "FFN (all layers)"),
    T("LayerNorms", "LayerNorms"),
];
pub const LEARNED: T = T("gelernt", "learned");
pub const FORMULA: T = T("mit einer Formel berechnet", "computed with a formula");
pub const NORM_FIRST: T = T("vor der Attention", "before attention");
pub const NORM_SECOND: T = T("vor dem FFN", "before the FFN");
pub const NORM_FINAL: T = T("am Schluss", "at the end");
pub const STOP_END: T = T("Es hat das End-Token gewählt", "It chose the end token");
pub const STOP_MAX: T = T(
    "Die Höchstzahl neuer Tokens ist erreicht",
    "The limit of new tokens is reached",
);
pub const STOP_CONTEXT: T = T("Das Kontextfenster ist voll", "The context window is full");
pub const ROSE: T = T("gestiegen", "risen");
pub const FELL: T = T("gefallen", "fallen");
pub const ONLY_VECTOR: T = T("nur die Vektorsuche", "only vector search");
pub const ONLY_KEYWORD: T = T("nur die Stichwortsuche", "only keyword search");
pub const BOTH: T = T("beide", "both");
pub const NEITHER: T = T("keine", "neither");
/// The chat of the roles questions.
pub const CHAT_QUESTION: T = T("Was macht die Königin?", "What does the queen do?");
pub const CHAT_ANSWER: T = T("Die Königin regiert das Land.", "The queen rules the land.");

/// Why a question cannot be asked now.
pub mod not_now {
    use crate::lesson::T;
    pub const EMPTY_PROMPT: T = T(
        "Schreib zuerst einen Prompt; diese Frage rechnet mit seinen Tokens.",
        "Write a prompt first; this question computes with its tokens.",
    );
    pub const COMPUTING: T = T(
        "Das Modell rechnet noch; die Frage kommt, sobald die Zahlen da sind.",
        "The model is still computing; the question appears once the numbers are there.",
    );
    pub const TWO_TOKENS: T = T(
        "Dafür braucht der Prompt mindestens zwei Tokens.",
        "This needs a prompt of at least two tokens.",
    );
    pub const LARGE: T = T(
        "Für ein so grosses Modell wäre das Nachrechnen hier zu langsam; wähle ein eingebautes Modell.",
        "Recomputing this would be too slow for so large a model; choose a built-in model.",
    );
    pub const NO_CHAT: T = T(
        "Das eingebaute Chat-Modell ist noch nicht geladen.",
        "The built-in chat model is not loaded yet.",
    );
    pub const NO_RUN: T = T(
        "Starte zuerst ein Vortraining und warte, bis mindestens zwei Schritte im Verlauf stehen.",
        "Start a pretraining run first and wait until at least two steps are logged.",
    );
    pub const NO_LOG: T = T(
        "Das geladene Modell bringt kein Trainingsprotokoll mit; wähle das Chat- oder das Basismodell.",
        "The loaded model has no training log; choose the chat or the base model.",
    );
    pub const NO_SEARCH: T = T(
        "Stell zuerst eine Frage (Schritt 2 zeigt dir eine).",
        "Ask a question first (step 2 shows you one).",
    );
    pub const NOT_HANDBOOK: T = T(
        "Diese Frage prüft Fragen aus Handbuch oder Stadtführer, deren Antwortsatz bekannt ist. Stell eine solche Frage, zum Beispiel mit Schritt 2.",
        "This question checks questions from the handbook or the town guide, whose answering sentence is known. Ask one of those, for example with step 2.",
    );
}

pub const OV_LARGEST_PART: QText = QText {
    id: "ov-largest-part",
    ask: T(
        "Welcher Teil des geladenen Modells hat die meisten Parameter?",
        "Which part of the loaded model has the most parameters?",
    ),
    right: T(
        "Richtig: {part} mit {n} Parametern, {share} des ganzen Modells.",
        "Right: {part} with {n} parameters, {share} of the whole model.",
    ),
    wrong: T(
        "Nicht {reply}: Am meisten hat {part}, nämlich {n} Parameter ({share}). Schau in die Tabelle «Wo die Parameter sitzen».",
        "Not {reply}: {part} has the most, {n} parameters ({share}). Look at the table “Where the parameters are”.",
    ),
};

pub const OV_NEXT_TOKEN: QText = QText {
    id: "ov-next-token",
    ask: T(
        "Welches Token hält das Modell nach deinem Prompt für das wahrscheinlichste?",
        "Which token does the model consider likeliest after your prompt?",
    ),
    right: T(
        "Richtig: {t} mit {p}. Das steht unten auf der Karte bei «Sampling».",
        "Right: {t} with {p}. It is at the bottom of the map, under “Sampling”.",
    ),
    wrong: T(
        "Nicht {reply}: Am wahrscheinlichsten ist {t} mit {p}. Die Kandidaten stehen unten auf der Karte.",
        "Not {reply}: the likeliest is {t} with {p}. The candidates are at the bottom of the map.",
    ),
};

pub const TOK_COUNT: QText = QText {
    id: "tok-count",
    ask: T(
        "Aus wie vielen Tokens besteht dein Prompt?",
        "How many tokens does your prompt have?",
    ),
    right: T(
        "Richtig: {n} Tokens, bei {w} Wörtern. Tokens und Wörter sind nicht dasselbe.",
        "Right: {n} tokens, for {w} words. Tokens and words are not the same.",
    ),
    wrong: T(
        "Nicht {reply}: Es sind {n} Tokens (dein Text hat {w} Wörter). Zähl die Kästchen oben; auch Leerzeichen und Satzzeichen gehören zu Tokens.",
        "Not {reply}: there are {n} tokens (your text has {w} words). Count the boxes above; spaces and punctuation belong to tokens too.",
    ),
};

pub const TOK_MERGES: QText = QText {
    id: "tok-merges",
    ask: T(
        "Wie viele Regeln (Verschmelzungen) braucht BPE, bis {word} fertig aus Bytes zusammengesetzt ist?",
        "How many rules (merges) does BPE apply until {word} is fully built from its bytes?",
    ),
    right: T(
        "Richtig: {n} Regeln machen aus {b} Bytes {k} Token(s).",
        "Right: {n} rules turn {b} bytes into {k} token(s).",
    ),
    wrong: T(
        "Nicht {reply}: Es sind {n} Regeln; aus {b} Bytes werden {k} Token(s). Spiel die Schritte oben bis zum Ende ab.",
        "Not {reply}: it takes {n} rules; {b} bytes become {k} token(s). Play the steps above to the end.",
    ),
};

pub const EMB_NEAREST: QText = QText {
    id: "emb-nearest",
    ask: T(
        "Welches dieser Tokens hat den Vektor, der dem von {t} am nächsten liegt (grösster Kosinus)?",
        "Which of these tokens has the vector closest to that of {t} (largest cosine)?",
    ),
    right: T("Richtig: {n}, Kosinus {c}.", "Right: {n}, cosine {c}."),
    wrong: T(
        "Nicht {reply}: Am nächsten liegt {n} mit Kosinus {c}. Die Liste «Ähnliche Vektoren» ist nach dem Kosinus sortiert.",
        "Not {reply}: {n} is closest, with cosine {c}. The list “Similar vectors” is sorted by cosine.",
    ),
};

pub const POS_LEARNED: QText = QText {
    id: "pos-learned",
    ask: T(
        "Hat das geladene Modell seine Positionsvektoren gelernt, oder berechnet es sie mit einer Formel?",
        "Did the loaded model learn its position vectors, or does it compute them with a formula?",
    ),
    right: T(
        "Richtig: {kind}; dafür hat das Modell {n} Parameter.",
        "Right: {kind}; the model has {n} parameters for them.",
    ),
    wrong: T(
        "Nicht «{reply}»: Bei diesem Modell sind sie {kind}, mit {n} Parametern dafür. Vergleiche die beiden Heatmaps oben.",
        "Not “{reply}”: in this model they are {kind}, with {n} parameters for them. Compare the two heatmaps above.",
    ),
};

pub const POS_DISTANCE: QText = QText {
    id: "pos-distance",
    ask: T(
        "Wie viele Stellen liegt das erste Token {first} vor {t}?",
        "How many places before {t} is the first token {first}?",
    ),
    right: T(
        "Richtig: {n}. Mit relativen Positionen würde die Attention nur diesen Abstand sehen.",
        "Right: {n}. With relative positions, attention would see only this distance.",
    ),
    wrong: T(
        "Nicht {reply}: Es sind {n} Stellen. Lies den Abstand in der Tabelle oben ab (dort steht er als −{n}).",
        "Not {reply}: it is {n} places. Read the distance in the table above (it shows −{n}).",
    ),
};

pub const ATT_ARGMAX: QText = QText {
    id: "att-argmax",
    ask: T(
        "Welchem Token gibt {t} in Schicht {l}, Kopf {h} das grösste Aufmerksamkeitsgewicht α?",
        "Which token does {t} give the largest attention weight α in layer {l}, head {h}?",
    ),
    right: T(
        "Richtig: {best} mit α = {a}.",
        "Right: {best} with α = {a}.",
    ),
    wrong: T(
        "Nicht {reply}: Am meisten bekommt {best}, α = {a}. Der dickste Bogen zeigt es; vergiss das Token selbst nicht.",
        "Not {reply}: {best} gets the most, α = {a}. The thickest arc shows it; do not forget the token itself.",
    ),
};

pub const ATT_LATER: QText = QText {
    id: "att-later",
    ask: T(
        "Welches Aufmerksamkeitsgewicht α (in %) gibt das erste Token {first} dem letzten Token {last} (Schicht {l}, Kopf {h})? (±0.5 Prozentpunkte)",
        "Which attention weight α (in %) does the first token {first} give the last token {last} (layer {l}, head {h})? (±0.5 percentage points)",
    ),
    right: T(
        "Richtig: 0 %. Die Maske setzt den Score für spätere Tokens auf −∞, und Softmax macht daraus genau 0.",
        "Right: 0 %. The mask sets the score for later tokens to −∞, and softmax turns that into exactly 0.",
    ),
    wrong: T(
        "Nicht {reply} %: Es ist genau 0 %. Das erste Token darf nur auf sich selbst schauen; alles danach ist maskiert (schraffiert).",
        "Not {reply} %: it is exactly 0 %. The first token may only look at itself; everything after it is masked (hatched).",
    ),
};

pub const LN_VARIANCE: QText = QText {
    id: "ln-variance",
    ask: T(
        "Welche Varianz haben die Zahlen von {t} am Eingang der LayerNorm {which} in Schicht {l}? (±10 %)",
        "What is the variance of {t}'s numbers at the input of the LayerNorm {which} in layer {l}? (±10 %)",
    ),
    right: T(
        "Richtig: {v}. Die LayerNorm bringt sie auf 1, bevor γ und β wirken.",
        "Right: {v}. LayerNorm brings it to 1 before γ and β act.",
    ),
    wrong: T(
        "Nicht {reply}: Die Varianz ist {v}. Sie steht über dem Streifen «Eingang».",
        "Not {reply}: the variance is {v}. It is above the “Input” strip.",
    ),
};

pub const FFN_WIDTH: QText = QText {
    id: "ffn-width",
    ask: T(
        "Auf wie viele Zahlen macht das FFN den Vektor eines Tokens breiter?",
        "To how many numbers does the FFN widen a token's vector?",
    ),
    right: T("Richtig: von {d} auf {f}.", "Right: from {d} to {f}."),
    wrong: T(
        "Nicht {reply}: Es sind {f} (von {d} aus). Schau auf den Streifen «vor GELU».",
        "Not {reply}: it is {f} (from {d}). Look at the strip “before GELU”.",
    ),
};

pub const FFN_SHARE: QText = QText {
    id: "ffn-share",
    ask: T(
        "Wie viel Prozent der Parameter einer Schicht stecken im FFN? (±2 Prozentpunkte)",
        "What percentage of a layer's parameters is in the FFN? (±2 percentage points)",
    ),
    right: T(
        "Richtig: {share} ({ffn} von {layer}).",
        "Right: {share} ({ffn} of {layer}).",
    ),
    wrong: T(
        "Nicht {reply} %: Es sind {share}, {ffn} von {layer} Parametern. Das FFN ist kein kleines Anhängsel.",
        "Not {reply} %: it is {share}, {ffn} of {layer} parameters. The FFN is no small add-on.",
    ),
};

pub const LOG_TOP_PROB: QText = QText {
    id: "log-top-prob",
    ask: T(
        "Wie wahrscheinlich ist das wahrscheinlichste Token bei Temperatur 0.5? (in %, ±2 Prozentpunkte)",
        "How likely is the likeliest token at temperature 0.5? (in %, ±2 percentage points)",
    ),
    right: T(
        "Richtig: {t} hat bei T = 0.5 {p} (bei T = 1 waren es {p1}).",
        "Right: {t} has {p} at T = 0.5 (at T = 1 it was {p1}).",
    ),
    wrong: T(
        "Nicht {reply} %: {t} hat bei T = 0.5 {p}, bei T = 1 {p1}. Stell den Regler auf 0.5 und lies den obersten Balken ab.",
        "Not {reply} %: {t} has {p} at T = 0.5 and {p1} at T = 1. Set the slider to 0.5 and read the top bar.",
    ),
};

pub const LOG_ORDER: QText = QText {
    id: "log-order",
    ask: T(
        "Ändert sich das wahrscheinlichste Token, wenn du die Temperatur von 1 auf 2 erhöhst?",
        "Does the likeliest token change when you raise the temperature from 1 to 2?",
    ),
    right: T(
        "Richtig. {t} bleibt vorn; nur seine Wahrscheinlichkeit sinkt von {p1} auf {p2}, weil das Teilen durch T die Reihenfolge nicht ändert.",
        "Right. {t} stays on top; only its probability falls from {p1} to {p2}, because dividing by T does not change the order.",
    ),
    wrong: T(
        "Nicht «{reply}»: {t} bleibt vorn, mit {p1} bei T = 1 und {p2} bei T = 2. Die Temperatur teilt alle Logits durch dieselbe Zahl; die Reihenfolge bleibt.",
        "Not “{reply}”: {t} stays on top, with {p1} at T = 1 and {p2} at T = 2. The temperature divides all logits by the same number; the order stays.",
    ),
};

pub const SAM_TOP_P: QText = QText {
    id: "sam-top-p",
    ask: T(
        "Welche dieser Tokens bleiben bei Top-p 0.9 und Temperatur {t} im Spiel? (Wähle alle.)",
        "Which of these tokens stay in play at top-p 0.9 and temperature {t}? (Choose all.)",
    ),
    right: T(
        "Richtig: {k} Tokens bleiben, zusammen {mass}.",
        "Right: {k} tokens stay, together {mass}.",
    ),
    wrong: T(
        "Nicht ganz: Nimm die Tokens der Reihe nach, bis die Summe 90 % erreicht. Es bleiben {k} Tokens mit zusammen {mass}.",
        "Not quite: take the tokens in order until the sum reaches 90 %. {k} tokens stay, together {mass}.",
    ),
};

pub const SAM_FINAL_PROB: QText = QText {
    id: "sam-final-prob",
    ask: T(
        "Mit welcher Wahrscheinlichkeit wird {t} nach dem Schnitt gezogen? (in %, ±2 Prozentpunkte)",
        "With what probability is {t} drawn after the cut? (in %, ±2 percentage points)",
    ),
    right: T(
        "Richtig: Aus {before} werden {after}, weil die übrigen Tokens zusammen nur {mass} hatten und wieder auf 100 % hochgerechnet werden.",
        "Right: {before} becomes {after}, because the remaining tokens had only {mass} together and are scaled back up to 100 %.",
    ),
    wrong: T(
        "Nicht {reply} %: Vor dem Schnitt hatte {t} {before}, danach {after}. Die Zahl hinter dem Pfeil neben dem Balken zeigt es.",
        "Not {reply} %: before the cut {t} had {before}, after it {after}. The number after the arrow next to the bar shows it.",
    ),
};

pub const GEN_STOP: QText = QText {
    id: "gen-stop",
    ask: T(
        "Warum hört die Generierung mit diesen Einstellungen auf?",
        "Why does generation stop with these settings?",
    ),
    right: T(
        "Richtig: {why}, nach {n} neuen Tokens.",
        "Right: {why}, after {n} new tokens.",
    ),
    wrong: T(
        "Nicht «{reply}»: {why}, nach {n} neuen Tokens (erlaubt sind {max}). Spiel die Generierung bis zum Ende ab.",
        "Not “{reply}”: {why}, after {n} new tokens ({max} allowed). Play the generation to the end.",
    ),
};

pub const ROLE_USER_COUNTS: QText = QText {
    id: "role-user-counts",
    ask: T(
        "Beim Feintuning auf den Chat «{q}» → «{a}»: Zählt das Token {t} aus der Frage des Benutzers im Verlust?",
        "Fine-tuning on the chat “{q}” → “{a}”: does the token {t} from the user's question count in the loss?",
    ),
    right: T(
        "Richtig: nein. Nur die {counted} Tokens der Antwort (samt End-Token) von {all} zählen; die Frage ist Kontext.",
        "Right: no. Only the {counted} tokens of the answer (with the end token) out of {all} count; the question is context.",
    ),
    wrong: T(
        "Nicht «{reply}»: Fragen sind Kontext. Nur die {counted} Tokens der Antwort von {all} zählen, denn das Modell soll antworten lernen, nicht fragen.",
        "Not “{reply}”: questions are context. Only the {counted} answer tokens out of {all} count, because the model should learn to answer, not to ask.",
    ),
};

pub const ROLE_ANSWER_COUNTS: QText = QText {
    id: "role-answer-counts",
    ask: T(
        "Beim Feintuning auf den Chat «{q}» → «{a}»: Zählt das Token {t} aus der Antwort des Assistenten im Verlust?",
        "Fine-tuning on the chat “{q}” → “{a}”: does the token {t} from the assistant's answer count in the loss?",
    ),
    right: T(
        "Richtig: ja. Die {counted} Tokens der Antwort (samt End-Token) von {all} sind genau das, was das Modell lernen soll.",
        "Right: yes. The {counted} tokens of the answer (with the end token) out of {all} are exactly what the model should learn.",
    ),
    wrong: T(
        "Nicht «{reply}»: Die Antwort zählt; {counted} von {all} Tokens bekommen im Verlust das Gewicht 1.",
        "Not “{reply}”: the answer counts; {counted} of {all} tokens get weight 1 in the loss.",
    ),
};

pub const LAB_LOSS_TREND: QText = QText {
    id: "lab-loss-trend",
    ask: T(
        "Vergleiche den Trainingsverlust bei Schritt {a} und bei Schritt {b}: Ist er gestiegen oder gefallen?",
        "Compare the training loss at step {a} and at step {b}: has it risen or fallen?",
    ),
    right: T("Richtig: von {la} auf {lb}.", "Right: from {la} to {lb}."),
    wrong: T(
        "Nicht «{reply}»: Bei Schritt {a} war er {la}, bei Schritt {b} {lb}. Die Kurve beginnt links bei Schritt {a} und endet beim Wert in der Legende; die Zahl an der Achse ist der grösste Verlust.",
        "Not “{reply}”: at step {a} it was {la}, at step {b} {lb}. The curve starts on the left at step {a} and ends at the value in the legend; the number on the axis is the largest loss.",
    ),
};

pub const LAB_LOSS_TO_PROB: QText = QText {
    id: "lab-loss-to-prob",
    ask: T(
        "Das geladene Modell endete mit einem Validierungsverlust von {l}. Welche Wahrscheinlichkeit gibt es damit im Mittel (geometrisch) dem richtigen Token? Beim Chat-Modell zählen dabei nur die Antwort-Tokens. (in %, ±2 Prozentpunkte)",
        "The loaded model ended with a validation loss of {l}. What probability does it give the right token on average (geometric mean)? For the chat model only the answer tokens count. (in %, ±2 percentage points)",
    ),
    right: T("Richtig: e^(−{l}) = {p}.", "Right: e^(−{l}) = {p}."),
    wrong: T(
        "Nicht {reply} %: Der Verlust ist −ln p, also p = e^(−{l}) = {p}.",
        "Not {reply} %: the loss is −ln p, so p = e^(−{l}) = {p}.",
    ),
};

pub const RAG_WHICH_SEARCH: QText = QText {
    id: "rag-which-search",
    ask: T(
        "Welche Suche hat den Abschnitt mit dem Antwortsatz {s} unter ihren Treffern?",
        "Which search has the chunk with the answering sentence {s} among its hits?",
    ),
    right: T(
        "Richtig: {which}. In der Vektorsuche steht er auf Platz {rv}, in der Stichwortsuche auf Platz {rk}.",
        "Right: {which}. Vector search has it at rank {rv}, keyword search at rank {rk}.",
    ),
    wrong: T(
        "Nicht «{reply}»: {which}. Die Vektorsuche hat ihn auf Platz {rv}, die Stichwortsuche auf Platz {rk} (– heisst: nicht unter den {k} Treffern).",
        "Not “{reply}”: {which}. Vector search has it at rank {rv}, keyword search at rank {rk} (– means: not among the {k} hits).",
    ),
};

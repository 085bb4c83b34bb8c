//! Lessons of the overview and of the model's input: tokens, embeddings, positions.

use crate::lesson::questions::Question;
use crate::lesson::{Lesson, Patch, Phase, Step, T, Teacher, TokenPick};
use crate::session::ModelId;

const KING: T = T("Der König regiert das", "The king rules the");
const FATHER: T = T("Der Vater spielt mit dem", "The father plays with the");

pub const OVERVIEW: Lesson = Lesson {
    goal: T(
        "Du kannst den Weg eines Prompts durch ein GPT in der richtigen Reihenfolge beschreiben und sagen, wo die meisten Parameter sitzen.",
        "You can describe the path of a prompt through a GPT in the right order and say where most of the parameters are.",
    ),
    steps: &[
        Step {
            action: T(
                "Schreib den Prompt «Der König regiert das» und verfolge ihn auf der Karte von oben nach unten.",
                "Type the prompt “The king rules the” and follow it down the map.",
            ),
            notice: T(
                "Welche Kästen ändern sich, welche bleiben gleich? Nur die oberen Kästen (Prompt, Tokens, Token-IDs, die Zeilenzahl von X) und die Kandidaten unten hängen vom Prompt ab; Zahlen wie 128 gehören zum Modell.",
                "Which boxes change, which stay the same? Only the top boxes (prompt, tokens, token IDs, the row count of X) and the candidates at the bottom depend on the prompt; numbers like 128 belong to the model.",
            ),
            patch: Patch {
                prompt: Some(KING),
                ..Patch::NONE
            },
            target: "ov-map",
        },
        Step {
            action: T(
                "Schalte auf das Basismodell um und vergleiche die Kandidaten unten.",
                "Switch to the base model and compare the candidates at the bottom.",
            ),
            notice: T(
                "Die Karte bleibt gleich, denn beide Modelle sind gleich gebaut. Nur ihre gelernten Zahlen unterscheiden sich, und darum auch die Kandidaten.",
                "The map stays the same, because both models are built alike. Only their learned numbers differ, and so do the candidates.",
            ),
            patch: Patch {
                model: Some(ModelId::Base),
                ..Patch::NONE
            },
            target: "ov-map",
        },
        Step {
            action: T(
                "Schalte zurück auf das Chat-Modell und suche in der Tabelle «Wo die Parameter sitzen» den grössten Teil.",
                "Switch back to the chat model and find the largest part in the table “Where the parameters are”.",
            ),
            notice: T(
                "Warum ist das FFN so gross? Es macht jeden Vektor viermal breiter und wieder schmal: zwei grosse Matrizen in jeder Schicht.",
                "Why is the FFN so big? It makes every vector four times wider and narrow again: two large matrices in every layer.",
            ),
            patch: Patch {
                model: Some(ModelId::Chat),
                ..Patch::NONE
            },
            target: "ov-params",
        },
        Step {
            action: T(
                "Vergleiche unter «Wie gross ist das?» das geladene Modell mit GPT-3.",
                "Compare the loaded model with GPT-3 under “How big is that?”.",
            ),
            notice: T(
                "GPT-3 hat dieselben Kästen wie die Karte, aber 96 statt 4 Schichten, 96 statt 4 Köpfe und Vektoren mit 12'288 statt 128 Zahlen. Wie viel Mal mehr Parameter sind das?",
                "GPT-3 has the same boxes as the map, but 96 instead of 4 layers, 96 instead of 4 heads and vectors of 12,288 instead of 128 numbers. How many times more parameters is that?",
            ),
            patch: Patch::NONE,
            target: "ov-scale",
        },
    ],
    questions: &[Question::OvLargestPart, Question::OvNextToken],
    teacher: Teacher {
        plan: &[
            Phase {
                minutes: 5,
                what: T(
                    "Einstieg: «Was geschieht, wenn du einem Chatbot eine Frage stellst?» Vermutungen an der Wandtafel sammeln.",
                    "Warm-up: “What happens when you ask a chatbot a question?” Collect guesses on the board.",
                ),
            },
            Phase {
                minutes: 10,
                what: T(
                    "Die Karte am Beamer von oben nach unten durchgehen; bei jedem Kasten kurz sagen, was er tut.",
                    "Walk through the map on the projector from top to bottom; say briefly what each box does.",
                ),
            },
            Phase {
                minutes: 10,
                what: T(
                    "Die Schleife vorführen: Prompt, wahrscheinlichstes Token, anhängen, neu rechnen (Abschnitt «Was ist ein GPT?»).",
                    "Demonstrate the loop: prompt, likeliest token, append, compute again (section “What is a GPT?”).",
                ),
            },
            Phase {
                minutes: 12,
                what: T(
                    "Partnerarbeit: Schritte 1 bis 4 und die zwei Prüffragen.",
                    "Pair work: steps 1 to 4 and the two checked questions.",
                ),
            },
            Phase {
                minutes: 8,
                what: T(
                    "Auswertung: Wo sitzen die Parameter? Wie viel grösser ist GPT-3? Die Vermutungen vom Anfang überprüfen.",
                    "Debrief: where are the parameters? How much bigger is GPT-3? Check the guesses from the start.",
                ),
            },
        ],
        class_questions: &[
            (
                T(
                    "Wie viele Tokens sagt ein GPT bei einem Durchlauf voraus?",
                    "How many tokens does a GPT predict in one pass?",
                ),
                T(
                    "Genau eines. Längere Antworten entstehen durch die Schleife: anhängen und wieder rechnen.",
                    "Exactly one. Longer answers come from the loop: append and compute again.",
                ),
            ),
            (
                T(
                    "Was ändert sich auf der Karte, wenn wir einen anderen Prompt eingeben?",
                    "What changes on the map when we enter another prompt?",
                ),
                T(
                    "Nur die oberen Kästen (Prompt, Tokens, Token-IDs, die Zeilenzahl von X) und die Kandidaten unten. Die Formen (Schichten, Breiten) sind beim Bau des Modells festgelegt.",
                    "Only the top boxes (prompt, tokens, token IDs, the row count of X) and the candidates at the bottom. The shapes (layers, widths) are fixed when the model is built.",
                ),
            ),
            (
                T(
                    "Wo stecken die meisten Parameter?",
                    "Where are most of the parameters?",
                ),
                T(
                    "In den Schichten, vor allem in den FFNs; bei den eingebauten Modellen hält das FFN gut die Hälfte aller Parameter.",
                    "In the layers, mostly in the FFNs; in the built-in models the FFN holds just over half of all parameters.",
                ),
            ),
        ],
        misconceptions: &[
            (
                T(
                    "«Das Modell schlägt die Antwort in einer Datenbank nach.»",
                    "“The model looks the answer up in a database.”",
                ),
                T(
                    "Es gibt keine gespeicherten Antworten: Die Karte zeigt nur Rechenschritte mit gelernten Zahlen, und jedes Token wird neu berechnet.",
                    "There are no stored answers: the map shows only computations with learned numbers, and every token is computed anew.",
                ),
            ),
            (
                T(
                    "«Das Modell plant die ganze Antwort im Voraus.»",
                    "“The model plans the whole answer in advance.”",
                ),
                T(
                    "Ein Durchlauf liefert nur Wahrscheinlichkeiten für das nächste Token; der Rest entsteht Schritt für Schritt.",
                    "One pass gives only the probabilities of the next token; the rest is made step by step.",
                ),
            ),
        ],
        links: &[
            (
                T(
                    "Karte mit «Der König regiert das»",
                    "The map with “The king rules the”",
                ),
                Patch {
                    prompt: Some(KING),
                    ..Patch::NONE
                },
            ),
            (
                T("Karte mit dem Basismodell", "The map with the base model"),
                Patch {
                    model: Some(ModelId::Base),
                    ..Patch::NONE
                },
            ),
        ],
    },
};

pub const TOKENS: Lesson = Lesson {
    goal: T(
        "Du kannst erklären, warum ein GPT Text in Tokens statt in Wörter oder Buchstaben zerlegt und wie BPE seine Tokens lernt.",
        "You can explain why a GPT cuts text into tokens rather than words or letters, and how BPE learns its tokens.",
    ),
    steps: &[
        Step {
            action: T(
                "Schreib «Der Vater spielt mit dem» und zähl die Kästchen.",
                "Type “The father plays with the” and count the boxes.",
            ),
            notice: T(
                "Hat jedes Wort genau ein Token? Häufige Wörter sind ein einziges Token, und das Leerzeichen gehört zum Wort danach (␣).",
                "Does every word have exactly one token? Frequent words are a single token, and the space belongs to the word after it (␣).",
            ),
            patch: Patch {
                prompt: Some(FATHER),
                ..Patch::NONE
            },
            target: "tok-chips",
        },
        Step {
            action: T(
                "Schreib ein seltenes Wort: «Donaudampfschifffahrt».",
                "Type a rare word: “Supercalifragilistic”.",
            ),
            notice: T(
                "Warum wird es in viele Stücke zerlegt? Es kam im Trainingstext nie vor; BPE setzt es aus kleineren bekannten Stücken zusammen, notfalls aus einzelnen Bytes.",
                "Why is it cut into many pieces? It never occurred in the training text; BPE builds it from smaller known pieces, down to single bytes if needed.",
            ),
            patch: Patch {
                prompt: Some(T("Donaudampfschifffahrt", "Supercalifragilistic")),
                ..Patch::NONE
            },
            target: "tok-chips",
        },
        Step {
            action: T(
                "Wähle unter «Wie ein Wort zu Tokens wird» das Wort «␣spielt» und spiel die Regeln ab.",
                "Choose the word “␣plays” under “How a word becomes tokens” and play the rules.",
            ),
            notice: T(
                "Welche Regel kommt zuerst? BPE verbindet immer das Paar mit der am frühesten gelernten Regel, bis keine Regel mehr passt.",
                "Which rule comes first? BPE always joins the pair whose rule was learned earliest, until no rule fits any more.",
            ),
            patch: Patch {
                prompt: Some(FATHER),
                token: Some(TokenPick::Text(T("␣spielt", "␣plays"))),
                step: Some(0),
                ..Patch::NONE
            },
            target: "tok-merge",
        },
        Step {
            action: T(
                "Klick im Beispiel «low lower lowest» dreimal auf «Häufigstes Paar verschmelzen».",
                "In the example “low lower lowest”, click “Merge the most frequent pair” three times.",
            ),
            notice: T(
                "Welches Paar gewinnt zuerst, und warum? Gezählt wird über alle Wörter: «l o» und «o w» kommen je dreimal vor, einmal in jedem Wort. Bei Gleichstand nimmt Lupe das Paar, dessen linkes Symbol im Alphabet zuerst kommt.",
                "Which pair wins first, and why? Pairs are counted over all words: “l o” and “o w” both occur three times, once in each word. On a tie Lupe takes the pair whose left symbol comes first in the alphabet.",
            ),
            patch: Patch::NONE,
            target: "tok-seed",
        },
        Step {
            action: T(
                "Lerne unter «Wie der Tokenizer von Lupe gelernt hat» zehn Regeln.",
                "Learn ten rules under “How Lupe's tokenizer learned”.",
            ),
            notice: T(
                "Kennst du die Stücke? Die ersten Regeln verbinden die häufigsten Paare des ganzen Trainingstexts, etwa «h» und «e».",
                "Do you know the pieces? The first rules join the most frequent pairs of the whole training text, such as “h” and “e”.",
            ),
            patch: Patch::NONE,
            target: "tok-train",
        },
    ],
    questions: &[Question::TokCount, Question::TokMerges],
    teacher: Teacher {
        plan: &[
            Phase {
                minutes: 5,
                what: T(
                    "Einstieg: «In wie viele Teile würdet ihr den Satz zerlegen, damit ein Computer damit rechnen kann?»",
                    "Warm-up: “Into how many parts would you cut the sentence so that a computer can compute with it?”",
                ),
            },
            Phase {
                minutes: 10,
                what: T(
                    "Vorführen: ein Satz, ein seltenes Wort, ein Emoji als Tokens.",
                    "Demonstrate: a sentence, a rare word and an emoji as tokens.",
                ),
            },
            Phase {
                minutes: 10,
                what: T(
                    "BPE von Hand: «low lower lowest» an der Wandtafel mitzählen, dann im Beispiel nachprüfen.",
                    "BPE by hand: count the pairs of “low lower lowest” on the board, then check in the example.",
                ),
            },
            Phase {
                minutes: 12,
                what: T(
                    "Partnerarbeit: Schritte 1 bis 5 und die zwei Prüffragen.",
                    "Pair work: steps 1 to 5 and the two checked questions.",
                ),
            },
            Phase {
                minutes: 8,
                what: T(
                    "Auswertung: Warum Bytes als Grundalphabet? Warum weder ganze Wörter noch Buchstaben?",
                    "Debrief: why bytes as the base alphabet? Why neither whole words nor letters?",
                ),
            },
        ],
        class_questions: &[
            (
                T(
                    "Warum nicht einfach ganze Wörter als Tokens?",
                    "Why not simply whole words as tokens?",
                ),
                T(
                    "Es gäbe zu viele (Namen, Tippfehler, neue Wörter), und ein unbekanntes Wort wäre unlesbar. Mit Stücken und Bytes lässt sich jeder Text darstellen.",
                    "There would be too many (names, typos, new words), and an unknown word could not be read. With pieces and bytes every text can be represented.",
                ),
            ),
            (
                T(
                    "Warum nicht einzelne Buchstaben?",
                    "Why not single letters?",
                ),
                T(
                    "Die Texte würden viel länger: mehr Schritte zu rechnen, und das Kontextfenster wäre schneller voll.",
                    "Texts would be much longer: more steps to compute, and the context window would fill up sooner.",
                ),
            ),
            (
                T(
                    "Warum wird ein Emoji oft zu mehreren Tokens?",
                    "Why does an emoji often become several tokens?",
                ),
                T(
                    "Ein Emoji besteht aus mehreren Bytes; kam es im Training selten vor, gibt es kein eigenes Token dafür.",
                    "An emoji is several bytes; if it was rare in training, there is no token of its own for it.",
                ),
            ),
        ],
        misconceptions: &[(
            T(
                "«Das Modell sieht Wörter und Buchstaben.»",
                "“The model sees words and letters.”",
            ),
            T(
                "Es sieht nur Token-IDs. Wie ein Wort geschrieben wird, erfährt es nur, soweit die Tokens es verraten; darum fällt Modellen das Buchstabenzählen schwer.",
                "It sees only token IDs. How a word is spelled it learns only as far as the tokens reveal it; that is why counting letters is hard for models.",
            ),
        )],
        links: &[
            (
                T("Ein seltenes Wort", "A rare word"),
                Patch {
                    prompt: Some(T("Donaudampfschifffahrt", "Supercalifragilistic")),
                    ..Patch::NONE
                },
            ),
            (
                T("«spielt» Regel für Regel", "“plays” rule by rule"),
                Patch {
                    prompt: Some(FATHER),
                    token: Some(TokenPick::Text(T("␣spielt", "␣plays"))),
                    step: Some(0),
                    ..Patch::NONE
                },
            ),
        ],
    },
};

pub const EMBEDDINGS: Lesson = Lesson {
    goal: T(
        "Du kannst erklären, was ein Embedding ist und warum ähnlich verwendete Tokens ähnliche Vektoren bekommen.",
        "You can explain what an embedding is and why tokens used in similar ways get similar vectors.",
    ),
    steps: &[
        Step {
            action: T(
                "Wähle im Prompt «Der König regiert das» das Token «␣König».",
                "Choose the token “␣king” in the prompt “The king rules the”.",
            ),
            notice: T(
                "Welche Zeile der Tabelle gehört dazu? Die Token-ID ist nur die Zeilennummer; die Zahlen der Zeile sind das Embedding.",
                "Which row of the table belongs to it? The token ID is only the row number; the row's numbers are the embedding.",
            ),
            patch: Patch {
                prompt: Some(KING),
                token: Some(TokenPick::Text(T("␣König", "␣king"))),
                ..Patch::NONE
            },
            target: "emb-lookup",
        },
        Step {
            action: T(
                "Lies unter «Ähnliche Vektoren» die Nachbarn von «␣König».",
                "Read the neighbours of “␣king” under “Similar vectors”.",
            ),
            notice: T(
                "Passen sie in der Bedeutung? Tokens, die in ähnlichen Sätzen vorkommen, bekommen beim Training ähnliche Vektoren; darum steht «␣Prinz» weit oben.",
                "Do they fit in meaning? Tokens that occur in similar sentences get similar vectors in training; that is why “␣prince” is near the top.",
            ),
            patch: Patch {
                prompt: Some(KING),
                token: Some(TokenPick::Text(T("␣König", "␣king"))),
                ..Patch::NONE
            },
            target: "emb-near",
        },
        Step {
            action: T(
                "Tippe auf der Karte des Vokabulars «Hund» ins Feld «Token suchen» und merk dir, wo der Punkt liegt; tippe dann «Katze».",
                "On the vocabulary map, type “dog” into “Find a token” and note where its dot is; then type “cat”.",
            ),
            notice: T(
                "Liegen die beiden nahe beieinander? Die Karte zeigt nur 2 von vielen Richtungen; nahe heisst oft, aber nicht immer, ähnlich.",
                "Are the two close together? The map shows only 2 of many directions; close often means similar, but not always.",
            ),
            patch: Patch::NONE,
            target: "emb-map",
        },
        Step {
            action: T(
                "Rechne unter «Rechnen mit Bedeutungen» König − Mann + Frau.",
                "Compute king − man + woman under “Arithmetic with meanings”.",
            ),
            notice: T(
                "Was steht oben? Eine Frau aus dem Königshaus, etwa «Königin» oder «Prinzessin». Der Unterschied von «Mann» zu «Frau» ist im Training eine Richtung im Raum geworden; von «König» aus führt sie zu weiblichen Personen aus dem Königshaus.",
                "What is on top? A royal woman, such as “queen” or “princess”. The difference from “man” to “woman” became a direction in space during training; starting from “king” it leads to royal women.",
            ),
            patch: Patch::NONE,
            target: "emb-analogy",
        },
    ],
    questions: &[Question::EmbNearest],
    teacher: Teacher {
        plan: &[
            Phase {
                minutes: 5,
                what: T(
                    "Einstieg: «Wie könnte ein Computer merken, dass König und Königin zusammengehören?»",
                    "Warm-up: “How could a computer notice that king and queen belong together?”",
                ),
            },
            Phase {
                minutes: 10,
                what: T(
                    "Vorführen: Token-ID → Zeile der Tabelle; die Zahlen als Farbstreifen.",
                    "Demonstrate: token ID → table row; the numbers as a colour strip.",
                ),
            },
            Phase {
                minutes: 10,
                what: T(
                    "Kosinus erklären: zwei Pfeile, gleiche Richtung = 1, rechtwinklig = 0.",
                    "Explain the cosine: two arrows, same direction = 1, at right angles = 0.",
                ),
            },
            Phase {
                minutes: 12,
                what: T(
                    "Partnerarbeit: Schritte 1 bis 4 und die Prüffrage; eigene Wörter auf der Karte suchen.",
                    "Pair work: steps 1 to 4 and the checked question; look up words of your own on the map.",
                ),
            },
            Phase {
                minutes: 8,
                what: T(
                    "Auswertung: Woher «weiss» das Modell, dass Wörter ähnlich sind?",
                    "Debrief: how does the model “know” that words are similar?",
                ),
            },
        ],
        class_questions: &[
            (
                T(
                    "Wer hat die Zahlen der Embedding-Tabelle festgelegt?",
                    "Who set the numbers of the embedding table?",
                ),
                T(
                    "Niemand von Hand: Sie beginnen zufällig und werden beim Training so verändert, dass das Modell das nächste Token besser vorhersagt.",
                    "Nobody by hand: they start random and are changed in training so that the model predicts the next token better.",
                ),
            ),
            (
                T(
                    "Warum bekommen «König» und «Prinz» ähnliche Vektoren?",
                    "Why do “king” and “prince” get similar vectors?",
                ),
                T(
                    "Weil sie in ähnlichen Sätzen vorkommen: Was für das eine Wort hilft, das nächste Token vorherzusagen, hilft auch für das andere.",
                    "Because they occur in similar sentences: what helps predict the next token for one word also helps for the other.",
                ),
            ),
        ],
        misconceptions: &[(
            T(
                "«Im Embedding steht die Bedeutung wie in einem Wörterbuch.»",
                "“The embedding holds the meaning as in a dictionary.”",
            ),
            T(
                "Es sind nur Zahlen, die sich beim Vorhersagen bewährt haben. Ähnliche Verwendung ergibt ähnliche Vektoren, eine Worterklärung steht nirgends.",
                "They are only numbers that proved useful for prediction. Similar use gives similar vectors; no definition is stored anywhere.",
            ),
        )],
        links: &[(
            T("Das Token «König»", "The token “king”"),
            Patch {
                prompt: Some(KING),
                token: Some(TokenPick::Text(T("␣König", "␣king"))),
                ..Patch::NONE
            },
        )],
    },
};

const DOG: T = T("Der Hund beisst den Mann", "The dog bites the man");
const MAN: T = T("Der Mann beisst den Hund", "The man bites the dog");

pub const POSITIONS: Lesson = Lesson {
    goal: T(
        "Du kannst erklären, warum ein GPT Positionsvektoren (Positionskodierung) braucht und wie sie zu den Embeddings kommen.",
        "You can explain why a GPT needs position vectors (positional encoding) and how they are added to the embeddings.",
    ),
    steps: &[
        Step {
            action: T(
                "Vergleiche die gelernten Positionen mit der festen Formel.",
                "Compare the learned positions with the fixed formula.",
            ),
            notice: T(
                "Worin unterscheiden sich die Bilder? Die Formel erzeugt regelmässige Wellen; die gelernte Tabelle hat das Modell selbst gefunden.",
                "How do the pictures differ? The formula makes regular waves; the learned table is what the model found itself.",
            ),
            patch: Patch::NONE,
            target: "pos-learned",
        },
        Step {
            action: T(
                "Schreib «Der Hund beisst den Mann» und schau X = E + P an.",
                "Type “The dog bites the man” and look at X = E + P.",
            ),
            notice: T(
                "Welche Streifen hängen vom Token ab, welche von der Stelle? E gehört zum Token, P zur Stelle.",
                "Which strips depend on the token, which on the place? E belongs to the token, P to the place.",
            ),
            patch: Patch {
                prompt: Some(DOG),
                ..Patch::NONE
            },
            target: "pos-sum",
        },
        Step {
            action: T(
                "Schreib jetzt «Der Mann beisst den Hund».",
                "Now type “The man bites the dog”.",
            ),
            notice: T(
                "Die E-Streifen von «Hund» und «Mann» tauschen die Plätze, die P-Streifen bleiben an ihrer Stelle. Darum ergeben die beiden Sätze verschiedene X, obwohl sie aus denselben Tokens bestehen.",
                "The E strips of “dog” and “man” swap places, the P strips stay in their place. That is why the two sentences give different X, although they are made of the same tokens.",
            ),
            patch: Patch {
                prompt: Some(MAN),
                ..Patch::NONE
            },
            target: "pos-sum",
        },
        Step {
            action: T(
                "Wähle im Abschnitt «Eine dritte Art: relative Positionen» das letzte Token.",
                "Choose the last token in the section “A third kind: relative positions”.",
            ),
            notice: T(
                "Welchen Abstand hat das erste Token? Ein Modell mit relativen Positionen sähe nur diese Abstände, nicht die Nummern.",
                "What is the first token's distance? A model with relative positions would see only these distances, not the numbers.",
            ),
            patch: Patch {
                token: Some(TokenPick::Last),
                ..Patch::NONE
            },
            target: "pos-rel",
        },
    ],
    questions: &[Question::PosLearned, Question::PosDistance],
    teacher: Teacher {
        plan: &[
            Phase {
                minutes: 5,
                what: T(
                    "Einstieg: «Der Hund beisst den Mann» und «Der Mann beisst den Hund» an die Wandtafel: Welche Wörter? Welcher Unterschied?",
                    "Warm-up: “The dog bites the man” and “The man bites the dog” on the board: which words? What difference?",
                ),
            },
            Phase {
                minutes: 10,
                what: T(
                    "Erklären: Attention bildet Summen, und Summen kennen keine Reihenfolge; darum kommt P dazu.",
                    "Explain: attention forms sums, and sums know no order; that is why P is added.",
                ),
            },
            Phase {
                minutes: 10,
                what: T(
                    "Vorführen: gelernte Tabelle und Sinusformel nebeneinander; X = E + P für beide Sätze.",
                    "Demonstrate: the learned table beside the sine formula; X = E + P for both sentences.",
                ),
            },
            Phase {
                minutes: 12,
                what: T(
                    "Partnerarbeit: Schritte 1 bis 4 und die zwei Prüffragen.",
                    "Pair work: steps 1 to 4 and the two checked questions.",
                ),
            },
            Phase {
                minutes: 8,
                what: T(
                    "Auswertung: absolute und relative Positionen; was passiert hinter dem Kontextfenster?",
                    "Debrief: absolute and relative positions; what happens beyond the context window?",
                ),
            },
        ],
        class_questions: &[
            (
                T(
                    "Was wäre ohne Positionsvektoren?",
                    "What would happen without position vectors?",
                ),
                T(
                    "Ein Token wüsste direkt nur, welche Tokens vor ihm stehen, nicht wo. Ganz verloren wäre die Reihenfolge nicht, weil jedes Token einen anderen Anfang sieht, aber das Modell müsste sie mühsam erschliessen.",
                    "A token would directly know only which tokens come before it, not where. Order would not be lost completely, because each token sees a different beginning, but the model would have to work it out the hard way.",
                ),
            ),
            (
                T(
                    "Warum kann ein Modell mit gelernten Positionen keine längeren Texte lesen als beim Training?",
                    "Why can a model with learned positions not read longer texts than in training?",
                ),
                T(
                    "Für jede Stelle gibt es genau eine gelernte Zeile; hinter der letzten gibt es keine mehr.",
                    "There is exactly one learned row per place; after the last one there is none.",
                ),
            ),
        ],
        misconceptions: &[(
            T(
                "«Das Modell liest den Text von links nach rechts wie wir.»",
                "“The model reads the text left to right as we do.”",
            ),
            T(
                "Alle Tokens werden gleichzeitig verarbeitet; die Reihenfolge steckt nur in den Positionsvektoren und in der Maske.",
                "All tokens are processed at the same time; the order is only in the position vectors and the mask.",
            ),
        )],
        links: &[
            (
                T("«Der Hund beisst den Mann»", "“The dog bites the man”"),
                Patch {
                    prompt: Some(DOG),
                    ..Patch::NONE
                },
            ),
            (
                T("«Der Mann beisst den Hund»", "“The man bites the dog”"),
                Patch {
                    prompt: Some(MAN),
                    ..Patch::NONE
                },
            ),
        ],
    },
};

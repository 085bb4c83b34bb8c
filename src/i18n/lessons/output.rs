//! Lessons of the model's output: logits, sampling, generation.

use crate::lesson::questions::Question;
use crate::lesson::{Lesson, Patch, Phase, Step, T, Teacher};
use crate::session::ModelId;

const FATHER: T = T("Der Vater spielt mit dem", "The father plays with the");

pub const LOGITS: Lesson = Lesson {
    goal: T(
        "Du kannst erklären, wie aus dem letzten Vektor Logits und mit Softmax Wahrscheinlichkeiten werden und was die Temperatur daran ändert.",
        "You can explain how the last vector becomes logits and, with softmax, probabilities, and what the temperature changes about them.",
    ),
    steps: &[
        Step {
            action: T(
                "Stell die Temperatur auf 1 und lies die wahrscheinlichsten Tokens ab.",
                "Set the temperature to 1 and read the likeliest tokens.",
            ),
            notice: T(
                "Ergeben die gezeigten Balken zusammen 100 %? Nein: Alle Tokens des Vokabulars teilen sich die 100 %, hier siehst du nur die besten.",
                "Do the bars shown add up to 100 %? No: all tokens of the vocabulary share the 100 %; here you see only the best.",
            ),
            patch: Patch {
                prompt: Some(FATHER),
                temperature: Some(1.0),
                ..Patch::NONE
            },
            target: "log-top",
        },
        Step {
            action: T(
                "Zieh die Temperatur auf 0.5.",
                "Drag the temperature to 0.5.",
            ),
            notice: T(
                "Warum steigt die Zahl beim obersten Balken, während die anderen Balken kürzer werden? Teilen durch eine kleine Zahl vergrössert die Abstände der Logits; Softmax gibt dem Ersten dann noch mehr.",
                "Why does the number at the top bar rise while the other bars get shorter? Dividing by a small number widens the gaps between the logits; softmax then gives the first even more.",
            ),
            patch: Patch {
                temperature: Some(0.5),
                ..Patch::NONE
            },
            target: "log-top",
        },
        Step {
            action: T("Zieh die Temperatur auf 2.", "Drag the temperature to 2."),
            notice: T(
                "Die Verteilung wird flacher. Ändert sich die Reihenfolge? Nein: Alle Logits werden durch dieselbe Zahl geteilt.",
                "The distribution gets flatter. Does the order change? No: all logits are divided by the same number.",
            ),
            patch: Patch {
                temperature: Some(2.0),
                ..Patch::NONE
            },
            target: "log-top",
        },
        Step {
            action: T(
                "Vergleiche unter der Gewichtsteilung h mit den Zeilen der drei besten Tokens.",
                "Under weight tying, compare h with the rows of the three best tokens.",
            ),
            notice: T(
                "Das Logit ist ein Skalarprodukt: Je besser h und die Zeile eines Tokens zusammenpassen, desto höher sein Logit.",
                "The logit is a dot product: the better h and a token's row match, the higher its logit.",
            ),
            patch: Patch {
                temperature: Some(1.0),
                ..Patch::NONE
            },
            target: "log-tie",
        },
    ],
    questions: &[Question::LogTopProb, Question::LogOrder],
    teacher: Teacher {
        plan: &[
            Phase {
                minutes: 5,
                what: T(
                    "Einstieg: «Wie sicher ist sich das Modell? Woran sieht man das?»",
                    "Warm-up: “How sure is the model? How can we tell?”",
                ),
            },
            Phase {
                minutes: 10,
                what: T(
                    "Softmax an drei Zahlen an der Wandtafel ausrechnen (e^z, Summe, teilen).",
                    "Work out softmax for three numbers on the board (e^z, sum, divide).",
                ),
            },
            Phase {
                minutes: 8,
                what: T(
                    "Vorführen: der Temperaturregler live; dann die Gewichtsteilung.",
                    "Demonstrate: the temperature slider live; then weight tying.",
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
                minutes: 10,
                what: T(
                    "Auswertung: Ist das wahrscheinlichste Token das richtige? Was heisst eine hohe Wahrscheinlichkeit?",
                    "Debrief: is the likeliest token the right one? What does a high probability mean?",
                ),
            },
        ],
        class_questions: &[
            (
                T(
                    "Was macht Softmax mit negativen Logits?",
                    "What does softmax do with negative logits?",
                ),
                T(
                    "e^z ist immer positiv: Auch negative Logits bekommen eine kleine, positive Wahrscheinlichkeit.",
                    "e^z is always positive: negative logits get a small positive probability too.",
                ),
            ),
            (
                T(
                    "Was passiert bei einer Temperatur nahe 0?",
                    "What happens at a temperature close to 0?",
                ),
                T(
                    "Fast die ganze Wahrscheinlichkeit geht an das beste Token; das ist wie Greedy.",
                    "Almost all the probability goes to the best token; that is like greedy.",
                ),
            ),
        ],
        misconceptions: &[
            (
                T(
                    "«Eine hohe Wahrscheinlichkeit heisst, dass die Aussage stimmt.»",
                    "“A high probability means the statement is true.”",
                ),
                T(
                    "Sie heisst nur, dass das Token in Texten wie dem Training oft so folgte. Ob etwas wahr ist, prüft das Modell nirgends.",
                    "It only means the token often followed like this in texts like the training data. The model checks nowhere whether something is true.",
                ),
            ),
            (
                T(
                    "«Die Temperatur macht das Modell kreativer im Denken.»",
                    "“The temperature makes the model think more creatively.”",
                ),
                T(
                    "Das Modell rechnet dieselben Logits; die Temperatur ändert nur, wie flach die Verteilung ist, aus der gezogen wird.",
                    "The model computes the same logits; the temperature only changes how flat the distribution to draw from is.",
                ),
            ),
        ],
        links: &[
            (
                T("Temperatur 0.5", "Temperature 0.5"),
                Patch {
                    prompt: Some(FATHER),
                    temperature: Some(0.5),
                    ..Patch::NONE
                },
            ),
            (
                T("Temperatur 2", "Temperature 2"),
                Patch {
                    prompt: Some(FATHER),
                    temperature: Some(2.0),
                    ..Patch::NONE
                },
            ),
        ],
    },
};

pub const SAMPLING: Lesson = Lesson {
    goal: T(
        "Du kannst erklären, wie Greedy, Temperatur, Top-k und Top-p das nächste Token wählen und warum derselbe Startwert dasselbe Token ergibt.",
        "You can explain how greedy, temperature, top-k and top-p choose the next token and why the same seed gives the same token.",
    ),
    steps: &[
        Step {
            action: T("Wähle «Greedy».", "Choose “Greedy”."),
            notice: T(
                "Greedy würfelt nicht: immer das wahrscheinlichste Token, welcher Startwert auch eingestellt ist.",
                "Greedy rolls no dice: always the likeliest token, whatever seed is set.",
            ),
            patch: Patch {
                prompt: Some(FATHER),
                temperature: Some(0.0),
                top_k: Some(0),
                top_p: Some(1.0),
                ..Patch::NONE
            },
            target: "sam-controls",
        },
        Step {
            action: T(
                "Wähle «Top-p» mit p = 0.9 und Temperatur 1.",
                "Choose “Top-p” with p = 0.9 and temperature 1.",
            ),
            notice: T(
                "Wie viele Tokens bleiben im Spiel, und wie viel Wahrscheinlichkeit haben sie zusammen? Gestrichen sind die unwahrscheinlichen am Ende.",
                "How many tokens stay in play, and how much probability do they have together? The unlikely ones at the end are struck through.",
            ),
            patch: Patch {
                temperature: Some(1.0),
                top_k: Some(0),
                top_p: Some(0.9),
                ..Patch::NONE
            },
            target: "sam-dist",
        },
        Step {
            action: T("Stell den Startwert auf 2.", "Set the seed to 2."),
            notice: T(
                "Eine andere Zufallszahl, vielleicht ein anderes Token. Mit Startwert 1 kommt wieder genau dasselbe wie vorher.",
                "Another random number, perhaps another token. With seed 1 exactly the same comes back as before.",
            ),
            patch: Patch {
                seed: Some(2),
                ..Patch::NONE
            },
            target: "sam-draw",
        },
        Step {
            action: T(
                "Wähle «Top-k» mit k = 3 und vergleiche die Balken.",
                "Choose “Top-k” with k = 3 and compare the bars.",
            ),
            notice: T(
                "Top-k behält immer gleich viele Tokens, Top-p je nach Sicherheit des Modells mehr oder weniger.",
                "Top-k always keeps the same number of tokens; top-p keeps more or fewer depending on how sure the model is.",
            ),
            patch: Patch {
                temperature: Some(1.0),
                top_k: Some(3),
                top_p: Some(1.0),
                ..Patch::NONE
            },
            target: "sam-dist",
        },
        Step {
            action: T("Hänge das gewählte Token an.", "Append the chosen token."),
            notice: T(
                "Der Prompt wird länger, alles rechnet neu, und es wird neu gewürfelt: Das ist die Schleife.",
                "The prompt gets longer, everything is computed anew, and the dice are rolled again: that is the loop.",
            ),
            patch: Patch::NONE,
            target: "sam-draw",
        },
    ],
    questions: &[Question::SamTopP, Question::SamFinalProb],
    teacher: Teacher {
        plan: &[
            Phase {
                minutes: 5,
                what: T(
                    "Einstieg: «Warum antwortet ein Chatbot auf dieselbe Frage nicht immer gleich?»",
                    "Warm-up: “Why does a chatbot not always answer the same question the same way?”",
                ),
            },
            Phase {
                minutes: 10,
                what: T(
                    "Ziehen mit einem gezinkten Würfel: Wahrscheinlichkeiten als Abschnitte einer Strecke von 0 bis 1.",
                    "Drawing with a loaded die: probabilities as sections of a line from 0 to 1.",
                ),
            },
            Phase {
                minutes: 8,
                what: T(
                    "Vorführen: Greedy, Temperatur, Top-k, Top-p nacheinander; derselbe Startwert, dasselbe Token.",
                    "Demonstrate: greedy, temperature, top-k, top-p in turn; same seed, same token.",
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
                minutes: 10,
                what: T(
                    "Auswertung: Wann will man Greedy, wann Zufall? Was ist ein Startwert?",
                    "Debrief: when do you want greedy, when chance? What is a seed?",
                ),
            },
        ],
        class_questions: &[
            (
                T(
                    "Warum schneidet man unwahrscheinliche Tokens weg?",
                    "Why cut off unlikely tokens?",
                ),
                T(
                    "Viele kleine Wahrscheinlichkeiten ergeben zusammen viel; ohne Schnitt würde öfter ein unpassendes Token gezogen.",
                    "Many small probabilities add up to a lot; without a cut an unfitting token would be drawn more often.",
                ),
            ),
            (
                T(
                    "Ist das Ziehen wirklich zufällig?",
                    "Is the draw really random?",
                ),
                T(
                    "Es ist pseudozufällig: Derselbe Startwert gibt dieselben Zahlen. Darum lässt sich jedes Ergebnis hier wiederholen.",
                    "It is pseudo-random: the same seed gives the same numbers. That is why every result here can be repeated.",
                ),
            ),
        ],
        misconceptions: &[(
            T(
                "«Greedy gibt immer die beste Antwort.»",
                "“Greedy always gives the best answer.”",
            ),
            T(
                "Greedy nimmt Schritt für Schritt das wahrscheinlichste Token; das führt oft zu Wiederholungen und ist nicht unbedingt der beste ganze Text.",
                "Greedy takes the likeliest token step by step; that often leads to repetition and is not necessarily the best whole text.",
            ),
        )],
        links: &[
            (
                T("Top-p 0.9", "Top-p 0.9"),
                Patch {
                    prompt: Some(FATHER),
                    temperature: Some(1.0),
                    top_k: Some(0),
                    top_p: Some(0.9),
                    ..Patch::NONE
                },
            ),
            (
                T("Greedy", "Greedy"),
                Patch {
                    prompt: Some(FATHER),
                    temperature: Some(0.0),
                    ..Patch::NONE
                },
            ),
        ],
    },
};

pub const GENERATION: Lesson = Lesson {
    goal: T(
        "Du kannst erklären, wie ein GPT Token für Token einen ganzen Text schreibt und wann es aufhört.",
        "You can explain how a GPT writes a whole text token by token and when it stops.",
    ),
    steps: &[
        Step {
            action: T(
                "Klick «Zeig es mir»: Das stellt Greedy ein (Temperatur 0; eingestellt wird sie im Kapitel «Sampling»). Spiel dann die Generierung ab.",
                "Click “Show me”: it sets greedy (temperature 0; the setting lives in the “Sampling” chapter). Then play the generation.",
            ),
            notice: T(
                "Das gewählte Token ist immer das oberste seiner Spalte. Läuft es zweimal gleich?",
                "The chosen token is always the top one of its column. Does it run the same way twice?",
            ),
            patch: Patch {
                prompt: Some(FATHER),
                temperature: Some(0.0),
                max_new: Some(24),
                ..Patch::NONE
            },
            target: "gen-title",
        },
        Step {
            action: T(
                "Klick «Zeig es mir» (Temperatur 1, Startwert 4) und spiel wieder ab.",
                "Click “Show me” (temperature 1, seed 4) and play again.",
            ),
            notice: T(
                "Ein anderer Text? Jeder Schritt würfelt neu, und ein anderes Token verändert alles danach.",
                "Another text? Each step rolls anew, and one different token changes everything after it.",
            ),
            patch: Patch {
                temperature: Some(1.0),
                top_k: Some(0),
                top_p: Some(1.0),
                seed: Some(4),
                ..Patch::NONE
            },
            target: "gen-title",
        },
        Step {
            action: T("Begrenze auf 4 neue Tokens.", "Limit it to 4 new tokens."),
            notice: T(
                "Warum hört es jetzt auf? Lies die Meldung unter dem Text: Höchstzahl oder End-Token?",
                "Why does it stop now? Read the message below the text: the limit or the end token?",
            ),
            patch: Patch {
                max_new: Some(4),
                ..Patch::NONE
            },
            target: "gen-title",
        },
        Step {
            action: T(
                "Wechsle zum Basismodell und lass 24 Tokens erzeugen.",
                "Switch to the base model and let it generate 24 tokens.",
            ),
            notice: T(
                "Schreibt es einfach weiter? Ohne Marker setzen beide Modelle den Text bloss fort. Auch das Basismodell kennt das End-Token: Im Vortraining trennt es die Dokumente.",
                "Does it just write on? Without markers both models simply continue the text. The base model knows the end token too: in pretraining it separates the documents.",
            ),
            patch: Patch {
                model: Some(ModelId::Base),
                max_new: Some(24),
                ..Patch::NONE
            },
            target: "gen-history",
        },
    ],
    questions: &[Question::GenStop],
    teacher: Teacher {
        plan: &[
            Phase {
                minutes: 5,
                what: T(
                    "Einstieg: «Wie schreibt ein Chatbot einen ganzen Absatz, wenn er nur ein Token voraussagen kann?»",
                    "Warm-up: “How does a chatbot write a whole paragraph if it can predict only one token?”",
                ),
            },
            Phase {
                minutes: 10,
                what: T(
                    "Die Schleife an der Wandtafel: Prompt → Wahrscheinlichkeiten → ziehen → anhängen.",
                    "The loop on the board: prompt → probabilities → draw → append.",
                ),
            },
            Phase {
                minutes: 8,
                what: T(
                    "Vorführen: abspielen, anhalten, schrittweise; die Kandidaten jedes Schritts.",
                    "Demonstrate: play, pause, step; the candidates of each step.",
                ),
            },
            Phase {
                minutes: 12,
                what: T(
                    "Partnerarbeit: Schritte 1 bis 4 und die Prüffrage.",
                    "Pair work: steps 1 to 4 and the checked question.",
                ),
            },
            Phase {
                minutes: 10,
                what: T(
                    "Auswertung: Drei Gründe zum Aufhören; warum der KV-Cache Zeit spart.",
                    "Debrief: three reasons to stop; why the KV cache saves time.",
                ),
            },
        ],
        class_questions: &[
            (
                T(
                    "Woran erkennt das Modell, dass es fertig ist?",
                    "How does the model know it is done?",
                ),
                T(
                    "Es zieht das End-Token, oder eine Grenze greift: höchstens so viele neue Tokens, oder das Kontextfenster ist voll.",
                    "It draws the end token, or a limit applies: at most so many new tokens, or the context window is full.",
                ),
            ),
            (
                T(
                    "Warum muss das Modell nicht bei jedem Schritt den ganzen Text neu rechnen?",
                    "Why does the model not have to recompute the whole text at every step?",
                ),
                T(
                    "Keys und Values früherer Tokens ändern sich nicht, weil kein Token auf spätere schaut; sie liegen im KV-Cache.",
                    "Keys and values of earlier tokens do not change, because no token looks at later ones; they sit in the KV cache.",
                ),
            ),
        ],
        misconceptions: &[(
            T(
                "«Das Modell lernt beim Chatten dazu.»",
                "“The model learns while you chat with it.”",
            ),
            T(
                "Beim Generieren ändern sich die Gewichte nicht; nur der Text im Kontextfenster wächst. Nach dem Gespräch ist nichts gelernt.",
                "Generating does not change the weights; only the text in the context window grows. After the chat nothing has been learned.",
            ),
        )],
        links: &[
            (
                T("Greedy, 24 Tokens", "Greedy, 24 tokens"),
                Patch {
                    prompt: Some(FATHER),
                    temperature: Some(0.0),
                    max_new: Some(24),
                    ..Patch::NONE
                },
            ),
            (
                T("Temperatur 1, Startwert 4", "Temperature 1, seed 4"),
                Patch {
                    prompt: Some(FATHER),
                    temperature: Some(1.0),
                    top_k: Some(0),
                    top_p: Some(1.0),
                    seed: Some(4),
                    ..Patch::NONE
                },
            ),
        ],
    },
};

//! Lessons of the transformer layer: attention, residual & LayerNorm, the FFN.

use crate::lesson::questions::Question;
use crate::lesson::{Lesson, Patch, Phase, Step, T, Teacher, TokenPick};

const FATHER: T = T("Der Vater spielt mit dem", "The father plays with the");
const LAST: Option<TokenPick> = Some(TokenPick::Text(T("␣dem", "␣the")));

pub const ATTENTION: Lesson = Lesson {
    goal: T(
        "Du kannst erklären, wie ein Token mit Query, Key und Value bestimmt, wie viel es von sich und jedem früheren Token übernimmt.",
        "You can explain how a token uses query, key and value to decide how much it takes over from itself and each earlier token.",
    ),
    steps: &[
        Step {
            action: T(
                "Wähle Schicht 1, Kopf 1 und das Token «␣dem».",
                "Choose layer 1, head 1 and the token “␣the”.",
            ),
            notice: T(
                "Welches Token bekommt am meisten Gewicht? Alle Bögen zusammen ergeben 100 %, der Bogen zu sich selbst eingeschlossen.",
                "Which token gets the most weight? All arcs together make 100 %, the arc to itself included.",
            ),
            patch: Patch {
                prompt: Some(FATHER),
                layer: Some(0),
                head: Some(0),
                token: LAST,
                ..Patch::NONE
            },
            target: "att-arcs",
        },
        Step {
            action: T("Wähle Schicht 2, Kopf 3.", "Choose layer 2, head 3."),
            notice: T(
                "Ändert sich das Muster? Jeder Kopf hat eigene Gewichte für Q, K und V und schaut darum anders.",
                "Does the pattern change? Each head has its own weights for Q, K and V and so looks differently.",
            ),
            patch: Patch {
                layer: Some(1),
                head: Some(2),
                ..Patch::NONE
            },
            target: "att-arcs",
        },
        Step {
            action: T(
                "Schalte die Matrix auf «Mit Maske».",
                "Switch the matrix to “Masked”.",
            ),
            notice: T(
                "Warum ist das Dreieck oben rechts schraffiert? Dort stünden spätere Tokens; beim Training stünde dort die Lösung.",
                "Why is the triangle at the top right hatched? Later tokens would be there; in training the answer would be there.",
            ),
            patch: Patch {
                view: Some("masked"),
                ..Patch::NONE
            },
            target: "att-matrix",
        },
        Step {
            action: T(
                "Schalte auf «Aufmerksamkeitsgewichte α» und lies die erste Zeile.",
                "Switch to “Attention weights α” and read the first row.",
            ),
            notice: T(
                "Warum steht dort 100 % auf der Diagonale? Das erste Token hat nur sich selbst.",
                "Why is there 100 % on the diagonal? The first token has only itself.",
            ),
            patch: Patch {
                view: Some("weights"),
                ..Patch::NONE
            },
            target: "att-matrix",
        },
        Step {
            action: T(
                "Vergleiche unter «Alle Köpfe aller Schichten» die Bilder.",
                "Compare the pictures under “All heads of all layers”.",
            ),
            notice: T(
                "Findest du einen Kopf, der fast nur auf das erste Token schaut, und einen, der fast alles Gewicht einem einzigen Wort gibt? Solche Muster entstehen beim Training von selbst; in grossen Modellen findet man bei längeren Texten auch Köpfe für «das Token davor».",
                "Can you find a head that looks almost only at the first token, and one that gives almost all its weight to a single word? Such patterns arise in training by themselves; with longer texts, large models also have heads for “the token before”.",
            ),
            patch: Patch::NONE,
            target: "att-grid",
        },
    ],
    questions: &[Question::AttArgmax, Question::AttLater],
    teacher: Teacher {
        plan: &[
            Phase {
                minutes: 5,
                what: T(
                    "Einstieg: «Im Satz ‹Der Vater spielt mit dem …› – welche Wörter braucht man, um das nächste zu erraten?»",
                    "Warm-up: “In ‘The father plays with the …’ – which words do you need to guess the next one?”",
                ),
            },
            Phase {
                minutes: 12,
                what: T(
                    "Query, Key, Value mit einem Bild erklären: Abfrage (wonach suche ich?), Schlüssel (was biete ich an?), Wert (was gebe ich weiter?); dann die Formel α = softmax(Q·K/√d_k).",
                    "Explain query, key, value with a picture: query (what am I looking for?), key (what do I offer?), value (what do I pass on?); then the formula α = softmax(Q·K/√d_k).",
                ),
            },
            Phase {
                minutes: 8,
                what: T(
                    "Vorführen: Bögen und Matrix, mit und ohne Maske.",
                    "Demonstrate: arcs and matrix, with and without the mask.",
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
                    "Auswertung: Was lernen die Köpfe? Warum die Maske?",
                    "Debrief: what do the heads learn? Why the mask?",
                ),
            },
        ],
        class_questions: &[
            (
                T(
                    "Warum darf ein Token nicht auf spätere Tokens schauen?",
                    "Why may a token not look at later tokens?",
                ),
                T(
                    "Beim Training sagt jede Stelle das nächste Token voraus; sähe sie spätere Tokens, könnte sie die Lösung abschreiben. Beim Schreiben gibt es die späteren Tokens ohnehin noch nicht.",
                    "In training every position predicts the next token; if it saw later tokens it could copy the answer. When writing, later tokens do not exist yet anyway.",
                ),
            ),
            (
                T(
                    "Warum mehrere Köpfe statt einem?",
                    "Why several heads instead of one?",
                ),
                T(
                    "Jeder Kopf kann auf etwas anderes achten, etwa auf das vorige Token oder auf den Satzanfang; ihre Ergebnisse werden zusammengefügt.",
                    "Each head can attend to something different, such as the previous token or the start of the sentence; their results are combined.",
                ),
            ),
            (
                T("Warum wird durch √d_k geteilt?", "Why divide by √d_k?"),
                T(
                    "Skalarprodukte aus vielen Summanden werden gross; ohne Teilen bekäme ein einziges Token fast alles Gewicht, und das Training stockte.",
                    "Dot products of many terms grow large; without dividing, a single token would get almost all the weight and training would stall.",
                ),
            ),
        ],
        misconceptions: &[(
            T(
                "«Attention heisst, dass das Modell versteht, worum es geht.»",
                "“Attention means the model understands what it is about.”",
            ),
            T(
                "α sind nur Gewichte einer Mittelung, die beim Training nützlich wurden. Ein starker Bogen zeigt, woher Zahlen kommen, nicht ein Verständnis.",
                "α are just the weights of an average that became useful in training. A strong arc shows where numbers come from, not understanding.",
            ),
        )],
        links: &[
            (
                T(
                    "Schicht 1, Kopf 1, Token «dem»",
                    "Layer 1, head 1, token “the”",
                ),
                Patch {
                    prompt: Some(FATHER),
                    layer: Some(0),
                    head: Some(0),
                    token: LAST,
                    ..Patch::NONE
                },
            ),
            (
                T("Die Matrix mit Maske", "The masked matrix"),
                Patch {
                    view: Some("masked"),
                    ..Patch::NONE
                },
            ),
        ],
    },
};

pub const LAYERNORM: Lesson = Lesson {
    goal: T(
        "Du kannst erklären, was LayerNorm mit den Zahlen eines Tokens macht und warum die Residualverbindung den Eingang weiterreicht.",
        "You can explain what LayerNorm does to a token's numbers and why the residual connection passes the input on.",
    ),
    steps: &[
        Step {
            action: T(
                "Wähle das Token «␣dem» und die LayerNorm vor der Attention in Schicht 1.",
                "Choose the token “␣the” and the LayerNorm before attention in layer 1.",
            ),
            notice: T(
                "Vergleiche Mittelwert und Varianz von Eingang und Ausgang. Die Normierung bringt sie auf 0 und 1; γ und β verschieben sie danach wieder etwas.",
                "Compare mean and variance of input and output. Normalising brings them to 0 and 1; γ and β then shift them a little again.",
            ),
            patch: Patch {
                prompt: Some(FATHER),
                token: LAST,
                layer: Some(0),
                view: Some("ln1"),
                ..Patch::NONE
            },
            target: "ln-ba",
        },
        Step {
            action: T("Wähle Schicht 4.", "Choose layer 4."),
            notice: T(
                "Wie gross ist die Varianz des Eingangs jetzt im Vergleich zu Schicht 1? Im Residualstrom sammeln sich die Änderungen aller Schichten davor.",
                "How large is the input's variance now compared with layer 1? The changes of all earlier layers add up in the residual stream.",
            ),
            patch: Patch {
                layer: Some(3),
                ..Patch::NONE
            },
            target: "ln-ba",
        },
        Step {
            action: T(
                "Schau dir unter «Die Residualverbindung» x, die Änderung und die Summe an.",
                "Look at x, the change and the sum under “The residual connection”.",
            ),
            notice: T(
                "Sieht die Summe eher wie x aus oder wie die Änderung? In Schicht 4 fügt die Attention nur eine Korrektur zu x hinzu, und x fliesst weiter; in Schicht 1 ist das Embedding noch klein, dort prägt die Änderung die Summe stärker.",
                "Does the sum look more like x or like the change? In layer 4 attention only adds a correction to x, and x flows on; in layer 1 the embedding is still small, so the change shapes the sum more.",
            ),
            patch: Patch::NONE,
            target: "ln-res",
        },
        Step {
            action: T(
                "Vergleiche unter «Vorher oder nachher normieren?» die zwei Reihenfolgen.",
                "Compare the two orders under “Normalise before or after?”.",
            ),
            notice: T(
                "Wo steht die LayerNorm bei diesem Modell? Vorher (Pre-LN): Die Summe selbst bleibt unnormiert.",
                "Where is the LayerNorm in this model? Before (pre-LN): the sum itself stays unnormalised.",
            ),
            patch: Patch::NONE,
            target: "ln-order",
        },
    ],
    questions: &[Question::LnVariance],
    teacher: Teacher {
        plan: &[
            Phase {
                minutes: 5,
                what: T(
                    "Einstieg: «Was passiert mit Zahlen, die durch viele Rechenschritte gehen?» (sie können sehr gross oder sehr klein werden)",
                    "Warm-up: “What happens to numbers that pass through many computations?” (they can get very large or very small)",
                ),
            },
            Phase {
                minutes: 10,
                what: T(
                    "Mittelwert und Varianz an einem kleinen Zahlenbeispiel an der Wandtafel; dann die Formel mit γ und β.",
                    "Mean and variance with a small example on the board; then the formula with γ and β.",
                ),
            },
            Phase {
                minutes: 8,
                what: T(
                    "Vorführen: Eingang und Ausgang, Residualverbindung, die zwei Reihenfolgen.",
                    "Demonstrate: input and output, the residual connection, the two orders.",
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
                    "Auswertung: Warum hilft die Residualverbindung beim Training tiefer Modelle?",
                    "Debrief: why does the residual connection help when training deep models?",
                ),
            },
        ],
        class_questions: &[
            (
                T(
                    "Warum stehen beim Ausgang nicht genau Mittelwert 0 und Varianz 1?",
                    "Why does the output not show exactly mean 0 and variance 1?",
                ),
                T(
                    "Nach der Normierung wird jede Dimension mit einem gelernten γ multipliziert und um ein gelerntes β verschoben.",
                    "After normalising, each dimension is multiplied by a learned γ and shifted by a learned β.",
                ),
            ),
            (
                T(
                    "Was wäre ohne Residualverbindung?",
                    "What would happen without the residual connection?",
                ),
                T(
                    "Jede Schicht müsste den ganzen Vektor neu erzeugen, und beim Training käme das Fehlersignal durch viele Schichten nur geschwächt zurück.",
                    "Each layer would have to produce the whole vector anew, and in training the error signal would come back weakened through many layers.",
                ),
            ),
        ],
        misconceptions: &[(
            T(
                "«LayerNorm macht alle Tokens gleich.»",
                "“LayerNorm makes all tokens the same.”",
            ),
            T(
                "Sie gleicht nur Mittelwert und Streuung an; das Muster der Zahlen, also welche Dimension gross ist, bleibt vor γ und β erhalten.",
                "It only aligns mean and spread; the pattern of the numbers, which dimension is large, is kept before γ and β.",
            ),
        )],
        links: &[
            (
                T(
                    "LayerNorm vor der Attention, Schicht 1",
                    "LayerNorm before attention, layer 1",
                ),
                Patch {
                    prompt: Some(FATHER),
                    token: LAST,
                    layer: Some(0),
                    view: Some("ln1"),
                    ..Patch::NONE
                },
            ),
            (
                T("Die letzte LayerNorm", "The final LayerNorm"),
                Patch {
                    view: Some("final"),
                    ..Patch::NONE
                },
            ),
        ],
    },
};

pub const FFN: Lesson = Lesson {
    goal: T(
        "Du kannst erklären, was das FFN mit jedem Token macht, warum es eine Nichtlinearität braucht und warum es so viele Parameter hat.",
        "You can explain what the FFN does with each token, why it needs a nonlinearity and why it has so many parameters.",
    ),
    steps: &[
        Step {
            action: T(
                "Wähle das Token «␣dem» in Schicht 1.",
                "Choose the token “␣the” in layer 1.",
            ),
            notice: T(
                "Wie viel breiter ist der Streifen «vor GELU» als der Eingang? Das FFN geht auf d_ff und wieder zurück auf d_model.",
                "How much wider is the strip “before GELU” than the input? The FFN goes to d_ff and back to d_model.",
            ),
            patch: Patch {
                prompt: Some(FATHER),
                token: LAST,
                layer: Some(0),
                ..Patch::NONE
            },
            target: "ffn-flow",
        },
        Step {
            action: T(
                "Schau dir die GELU-Kurve mit den Punkten dieses Tokens an.",
                "Look at the GELU curve with this token's dots.",
            ),
            notice: T(
                "Wo liegen die negativen Werte nach GELU? Sie werden klein, aber nicht genau 0 wie bei ReLU; die Kurve hat keinen Knick.",
                "Where do the negative values end up after GELU? They become small, but not exactly 0 as with ReLU; the curve has no kink.",
            ),
            patch: Patch::NONE,
            target: "ffn-curve",
        },
        Step {
            action: T(
                "Wähle Schicht 4 und vergleiche die aktivsten Neuronen.",
                "Choose layer 4 and compare the most active neurons.",
            ),
            notice: T(
                "Sind es andere Neuronen als in Schicht 1? Gleiche Nummern wären Zufall: Jede Schicht hat ihr eigenes FFN mit eigenen Gewichten.",
                "Are they other neurons than in layer 1? Equal numbers would be chance: each layer has an FFN of its own with its own weights.",
            ),
            patch: Patch {
                layer: Some(3),
                ..Patch::NONE
            },
            target: "ffn-top",
        },
        Step {
            action: T("Wähle das zweite Token.", "Choose the second token."),
            notice: T(
                "Ändern sich die Neuronen? Das FFN rechnet jedes Token für sich; nur die Attention mischt die Tokens.",
                "Do the neurons change? The FFN computes each token on its own; only attention mixes the tokens.",
            ),
            patch: Patch {
                token: Some(TokenPick::At(1)),
                ..Patch::NONE
            },
            target: "ffn-top",
        },
    ],
    questions: &[Question::FfnWidth, Question::FfnShare],
    teacher: Teacher {
        plan: &[
            Phase {
                minutes: 5,
                what: T(
                    "Einstieg: «Was kann eine Gerade nicht?» (Knicke und Kurven darstellen)",
                    "Warm-up: “What can a straight line not do?” (represent bends and curves)",
                ),
            },
            Phase {
                minutes: 10,
                what: T(
                    "Zwei Matrizen hintereinander ergeben wieder eine Matrix: an einem 2×2-Beispiel zeigen. Darum GELU dazwischen.",
                    "Two matrices in a row give a matrix again: show it with a 2×2 example. That is why GELU sits between them.",
                ),
            },
            Phase {
                minutes: 8,
                what: T(
                    "Vorführen: W₁ → GELU → W₂ als Streifen, die Kurve, die aktivsten Neuronen.",
                    "Demonstrate: W₁ → GELU → W₂ as strips, the curve, the most active neurons.",
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
                    "Auswertung: Parameterzählung (d · d_ff zweimal) und Vergleich mit der Attention.",
                    "Debrief: counting parameters (d · d_ff twice) and the comparison with attention.",
                ),
            },
        ],
        class_questions: &[
            (
                T("Warum braucht das FFN GELU?", "Why does the FFN need GELU?"),
                T(
                    "Ohne Nichtlinearität wären W₁ und W₂ zusammen nur eine Matrix; das FFN könnte nichts, was eine einzige Matrix nicht auch kann.",
                    "Without a nonlinearity, W₁ and W₂ together would be just one matrix; the FFN could do nothing a single matrix cannot.",
                ),
            ),
            (
                T(
                    "Warum hat das FFN so viele Parameter?",
                    "Why does the FFN have so many parameters?",
                ),
                T(
                    "Zwei Matrizen mit je d · d_ff Zahlen, und d_ff ist meist 4 · d; die Attention hat vier Matrizen mit je nur d · d Zahlen.",
                    "Two matrices of d · d_ff numbers each, and d_ff is usually 4 · d; attention has four matrices of only d · d numbers each.",
                ),
            ),
        ],
        misconceptions: &[
            (
                T(
                    "«Das FFN ist ein kleines Hilfsnetz.»",
                    "“The FFN is a small helper network.”",
                ),
                T(
                    "Es ist der grösste Teil jeder Schicht: bei den eingebauten Modellen und bei GPT-2 rund zwei Drittel ihrer Parameter.",
                    "It is the largest part of every layer: in the built-in models and in GPT-2 about two thirds of its parameters.",
                ),
            ),
            (
                T(
                    "«GELU schneidet wie ReLU alles Negative weg.»",
                    "“GELU cuts off everything negative, like ReLU.”",
                ),
                T(
                    "GELU biegt weich um und lässt kleine negative Werte durch; am tiefsten etwa −0.17.",
                    "GELU bends smoothly and lets small negative values through; lowest about −0.17.",
                ),
            ),
        ],
        links: &[(
            T("FFN, Schicht 1, Token «dem»", "FFN, layer 1, token “the”"),
            Patch {
                prompt: Some(FATHER),
                token: LAST,
                layer: Some(0),
                ..Patch::NONE
            },
        )],
    },
};

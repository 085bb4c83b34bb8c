//! Lessons around the model: roles, training, web search and retrieval.

use crate::lesson::questions::Question;
use crate::lesson::{Lesson, Patch, Phase, Step, T, Teacher};

pub const ROLES: Lesson = Lesson {
    goal: T(
        "Du kannst erklären, wie ein Chat mit Rollen zu einem einzigen Text wird und warum ein Chat-Modell Feintuning braucht.",
        "You can explain how a chat with roles becomes one single text and why a chat model needs fine-tuning.",
    ),
    steps: &[
        Step {
            action: T(
                "Lies den Chat als Tokens und suche die Marker.",
                "Read the chat as tokens and find the markers.",
            ),
            notice: T(
                "Wo beginnt jede Nachricht? Vor jeder steht ein Marker-Token ihrer Rolle. Nach dem Marker des Assistenten folgt, was das Chat-Modell selbst geschrieben hat, bis zum End-Token.",
                "Where does each message begin? Before each stands a marker token of its role. After the assistant's marker comes what the chat model wrote itself, up to the end token.",
            ),
            patch: Patch::NONE,
            target: "role-title",
        },
        Step {
            action: T(
                "Schreib ins Feld «Entwickler» eine Anweisung, etwa: «Antworte auf Englisch.»",
                "Type an instruction into the “Developer” field, for example: “Answer in German.”",
            ),
            notice: T(
                "In welcher Sprache antwortet das Modell jetzt? Die Anweisung wird eine eigene Nachricht mit eigenem Marker. Für das Modell ist sie weiterer Text vor der Antwort; es folgt ihr, weil es im Feintuning solche Dialoge gesehen hat.",
                "Which language does the model answer in now? The instruction becomes a message of its own with its own marker. To the model it is more text before the answer; it follows it because it saw such dialogs in fine-tuning.",
            ),
            patch: Patch::NONE,
            target: "role-title",
        },
        Step {
            action: T(
                "Vergleiche die Antworten von Chat-Modell und Basismodell.",
                "Compare the answers of the chat model and the base model.",
            ),
            notice: T(
                "Warum antwortet das Basismodell so seltsam? Es hat beim Vortraining nie Marker gesehen; erst das Feintuning hat dem Chat-Modell Dialoge beigebracht.",
                "Why does the base model answer so oddly? It never saw markers in pretraining; only fine-tuning taught the chat model dialogs.",
            ),
            patch: Patch::NONE,
            target: "role-compare",
        },
        Step {
            action: T(
                "Schau dir an, welche Tokens fett umrandet sind.",
                "Look at which tokens have a bold outline.",
            ),
            notice: T(
                "Nur die Antwort des Assistenten zählt im Verlust: Das Modell soll antworten lernen, nicht die Fragen nachschreiben.",
                "Only the assistant's answer counts in the loss: the model should learn to answer, not to copy the questions.",
            ),
            patch: Patch::NONE,
            target: "role-title",
        },
    ],
    questions: &[Question::RoleUserCounts, Question::RoleAnswerCounts],
    teacher: Teacher {
        plan: &[
            Phase {
                minutes: 5,
                what: T(
                    "Einstieg: «Woher weiss ein Chatbot, was du geschrieben hast und was er selbst?»",
                    "Warm-up: “How does a chatbot know what you wrote and what it wrote itself?”",
                ),
            },
            Phase {
                minutes: 10,
                what: T(
                    "Den Chat als einen Text an die Wandtafel schreiben, mit Markern.",
                    "Write the chat as one text on the board, with markers.",
                ),
            },
            Phase {
                minutes: 8,
                what: T(
                    "Vorführen: Marker-Tokens, dann Basismodell und Chat-Modell im Vergleich.",
                    "Demonstrate: marker tokens, then base model and chat model side by side.",
                ),
            },
            Phase {
                minutes: 12,
                what: T(
                    "Partnerarbeit: Schritte 1 bis 4 und die zwei Prüffragen; eigene Systemnachrichten ausprobieren.",
                    "Pair work: steps 1 to 4 and the two checked questions; try system messages of your own.",
                ),
            },
            Phase {
                minutes: 10,
                what: T(
                    "Auswertung: Warum gehorcht ein Modell einer Systemnachricht? Was kann es trotzdem falsch machen?",
                    "Debrief: why does a model follow a system message? What can it still get wrong?",
                ),
            },
        ],
        class_questions: &[
            (
                T(
                    "Wer liest die Marker-Tokens?",
                    "Who reads the marker tokens?",
                ),
                T(
                    "Nur das Modell. Die Chat-App zeigt sie nicht an, aber im Text, den das Modell liest, stehen sie.",
                    "Only the model. The chat app does not show them, but they are in the text the model reads.",
                ),
            ),
            (
                T(
                    "Warum zählt beim Feintuning nur die Antwort?",
                    "Why does only the answer count in fine-tuning?",
                ),
                T(
                    "Das Modell soll lernen, wie ein Assistent antwortet. Fragen und Anweisungen sind gegeben; sie vorherzusagen wäre nicht das Ziel.",
                    "The model should learn how an assistant answers. Questions and instructions are given; predicting them is not the goal.",
                ),
            ),
        ],
        misconceptions: &[(
            T(
                "«Die Systemnachricht ist ein Befehl, den das Modell ausführen muss.»",
                "“The system message is a command the model must carry out.”",
            ),
            T(
                "Sie ist nur Text vor der Antwort. Das Modell folgt ihm, weil es im Feintuning solche Texte mit passenden Antworten gesehen hat, nicht weil es muss.",
                "It is only text before the answer. The model follows it because it saw such texts with fitting answers in fine-tuning, not because it must.",
            ),
        )],
        links: &[(T("Der Rollen-Chat", "The role chat"), Patch::NONE)],
    },
};

pub const TRAINING: Lesson = Lesson {
    goal: T(
        "Du kannst erklären, wie ein Sprachmodell in drei Phasen lernt, Vortraining, Feintuning und menschliches Feedback, und was der Verlust misst.",
        "You can explain how a language model learns in three phases, pretraining, fine-tuning and human feedback, and what the loss measures.",
    ),
    steps: &[
        Step {
            action: T(
                "Wähle als Textquelle die Alltagssätze und starte das Training.",
                "Choose everyday sentences as the text source and start training.",
            ),
            notice: T(
                "Wie schnell fällt der Verlust am Anfang? Mit Zufallszahlen rät das Modell fast gleichmässig über das Vokabular; schon wenige Schritte bringen viel.",
                "How fast does the loss fall at first? With random numbers the model guesses almost evenly over the vocabulary; a few steps already help a lot.",
            ),
            patch: Patch {
                view: Some("pretrain"),
                lab_source: Some("sentences"),
                ..Patch::NONE
            },
            target: "lab-data",
        },
        Step {
            action: T(
                "Beobachte den Verlust pro Token und die Beispieltexte.",
                "Watch the loss per token and the sample texts.",
            ),
            notice: T(
                "Welche Tokens bleiben dunkel? Meist solche, die man auch als Mensch nicht erraten könnte, etwa welches Tier oder welche Person als Nächstes kommt.",
                "Which tokens stay dark? Mostly those a person could not guess either, such as which animal or person comes next.",
            ),
            patch: Patch {
                view: Some("pretrain"),
                ..Patch::NONE
            },
            target: "lab-data",
        },
        Step {
            action: T(
                "Stell die Lernrate auf 100 und starte neu.",
                "Set the learning rate to 100 and restart.",
            ),
            notice: T(
                "Was passiert mit dem Verlust? Zu grosse Schritte schiessen über das Ziel hinaus, bis die Zahlen explodieren.",
                "What happens to the loss? Steps that are too big overshoot the goal until the numbers blow up.",
            ),
            patch: Patch {
                view: Some("pretrain"),
                lab_lr: Some(100.0),
                ..Patch::NONE
            },
            target: "lab-data",
        },
        Step {
            action: T(
                "Wechsle zum Tab «Feintuning» und starte es.",
                "Switch to the “Fine-tuning” tab and start it.",
            ),
            notice: T(
                "Welche Tokens zählen im Verlust? Nur die Antworten; die Frage ist Kontext. Vergleiche die Antwort vorher und nachher.",
                "Which tokens count in the loss? Only the answers; the question is context. Compare the answer before and after.",
            ),
            patch: Patch {
                view: Some("sft"),
                ..Patch::NONE
            },
            target: "sft-title",
        },
        Step {
            action: T(
                "Wechsle zum Tab «Menschliches Feedback», lass 4 Antworten erzeugen, ordne sie, speichere die Rangfolge und trainiere das Bewertungsmodell.",
                "Switch to the “Human feedback” tab, generate 4 answers, rank them, save the ranking and train the reward model.",
            ),
            notice: T(
                "Was lernt das Bewertungsmodell aus deiner Rangfolge? Dass deine bevorzugte Antwort die höhere Zahl bekommt.",
                "What does the reward model learn from your ranking? That the answer you prefer gets the higher number.",
            ),
            patch: Patch {
                view: Some("rlhf"),
                ..Patch::NONE
            },
            target: "rlhf-title",
        },
    ],
    questions: &[Question::LabLossTrend, Question::LabLossToProb],
    teacher: Teacher {
        plan: &[
            Phase {
                minutes: 5,
                what: T(
                    "Einstieg: «Wie lernt ein Computer aus Text, ohne dass ihm jemand die Regeln sagt?»",
                    "Warm-up: “How does a computer learn from text without anyone telling it the rules?”",
                ),
            },
            Phase {
                minutes: 10,
                what: T(
                    "Verlust als −ln p an der Wandtafel: p = 1 → 0, p = 0.5 → 0.69, p = 0.01 → 4.6.",
                    "The loss as −ln p on the board: p = 1 → 0, p = 0.5 → 0.69, p = 0.01 → 4.6.",
                ),
            },
            Phase {
                minutes: 12,
                what: T(
                    "Partnerarbeit: Vortraining starten (Schritte 1 bis 3), währenddessen die Prüffragen.",
                    "Pair work: start pretraining (steps 1 to 3), meanwhile the checked questions.",
                ),
            },
            Phase {
                minutes: 10,
                what: T(
                    "Gemeinsam: Feintuning und menschliches Feedback am Beamer (Schritte 4 und 5).",
                    "Together: fine-tuning and human feedback on the projector (steps 4 and 5).",
                ),
            },
            Phase {
                minutes: 8,
                what: T(
                    "Auswertung: Was lernt welche Phase? Warum braucht es alle drei?",
                    "Debrief: what does each phase learn? Why are all three needed?",
                ),
            },
        ],
        class_questions: &[
            (
                T("Was misst der Verlust?", "What does the loss measure?"),
                T(
                    "Wie überrascht das Modell vom richtigen nächsten Token war: −ln p, gemittelt über alle Stellen. Kleiner ist besser.",
                    "How surprised the model was by the right next token: −ln p, averaged over all positions. Smaller is better.",
                ),
            ),
            (
                T(
                    "Warum braucht es nach dem Vortraining noch Feintuning?",
                    "Why is fine-tuning needed after pretraining?",
                ),
                T(
                    "Das Vortraining lehrt das Fortsetzen von Text. Antworten im Rollenformat lernt das Modell erst an Beispiel-Dialogen.",
                    "Pretraining teaches continuing text. Answering in the role format is learned only from example dialogs.",
                ),
            ),
            (
                T(
                    "Wozu der Validierungsverlust?",
                    "What is the validation loss for?",
                ),
                T(
                    "Er misst auf Text, den das Modell nie lernt. Sinkt nur der Trainingsverlust, lernt es auswendig.",
                    "It measures on text the model never learns from. If only the training loss falls, it is memorising.",
                ),
            ),
        ],
        misconceptions: &[(
            T(
                "«Beim Training werden Texte im Modell abgespeichert.»",
                "“Training stores texts inside the model.”",
            ),
            T(
                "Gespeichert werden nur Gewichte, die das Vorhersagen verbessern. Einzelne Sätze bleiben höchstens hängen, wenn sie sehr oft vorkommen.",
                "Only weights that improve prediction are stored. Single sentences stick at most when they occur very often.",
            ),
        )],
        links: &[
            (
                T(
                    "Vortraining mit Alltagssätzen",
                    "Pretraining on everyday sentences",
                ),
                Patch {
                    view: Some("pretrain"),
                    lab_source: Some("sentences"),
                    ..Patch::NONE
                },
            ),
            (
                T("Lernrate 100 (zu hoch)", "Learning rate 100 (too high)"),
                Patch {
                    view: Some("pretrain"),
                    lab_lr: Some(100.0),
                    ..Patch::NONE
                },
            ),
            (
                T("Feintuning", "Fine-tuning"),
                Patch {
                    view: Some("sft"),
                    ..Patch::NONE
                },
            ),
        ],
    },
};

const LIBRARY: T = T("Wann öffnet die Bibliothek?", "When does the library open?");
/// The retrieval chapter's two live cases (`corpus::knowledge::showcase`; a test keeps them equal).
pub const PARAPHRASE: T = T(
    "Wann darf ich in die Bücherei?",
    "When can I get into the media centre?",
);
pub const RARE_NAME: T = T("Was leitet Frau Ziörjen?", "What does Ms Ziörjen run?");

pub const RAG: Lesson = Lesson {
    goal: T(
        "Du kannst erklären, wie ein Chatbot mit Suche Wissen nutzt, das nicht in seinen Gewichten steckt, und wann Vektorsuche, Stichwortsuche oder beide zusammen den richtigen Abschnitt finden.",
        "You can explain how a chatbot with search uses knowledge that is not in its weights, and when vector search, keyword search or both together find the right chunk.",
    ),
    steps: &[
        Step {
            action: T(
                "Stell die Abschnittsgrösse auf 10 Wörter und lies die ersten Abschnitte.",
                "Set the chunk size to 10 words and read the first chunks.",
            ),
            notice: T(
                "Warum in ganzen Sätzen? Ein Treffer soll eine vollständige Angabe liefern, die ins Kontextfenster passt. Im Stadtführer stehen manche Angaben in zwei Sätzen («… Es ist am Donnerstag geschlossen.»): Landen sie in verschiedenen Abschnitten, fehlt im zweiten, wovon die Rede ist. Dagegen hilft Überlappung.",
                "Why whole sentences? A hit should give a complete fact that fits into the context window. In the town guide some facts take two sentences (“… It is closed on Thursday.”): if they land in different chunks, the second lacks what it is about. Overlap helps against that.",
            ),
            patch: Patch {
                rag_chunk: Some(10),
                rag_overlap: Some(0),
                ..Patch::NONE
            },
            target: "rag-chunks",
        },
        Step {
            action: T(
                "Frag «Wann darf ich in die Bücherei?» und vergleiche die Treffer der drei Suchen.",
                "Ask “When can I get into the media centre?” and compare the hits of the three searches.",
            ),
            notice: T(
                "Welche Suche findet den Abschnitt mit «Bibliothek»? Die Stichwortsuche braucht genau gleiche Wörter; die Vektorsuche vergleicht Bedeutungen, die das Suchmodell aus Beispielpaaren gelernt hat.",
                "Which search finds the chunk with “library”? Keyword search needs exactly the same words; vector search compares meanings the search model learned from example pairs.",
            ),
            patch: Patch {
                rag_question: Some(PARAPHRASE),
                rag_k: Some(3),
                rag_chunk: Some(20),
                ..Patch::NONE
            },
            target: "rag-results",
        },
        Step {
            action: T(
                "Vergleiche die Antwort mit und ohne Kontext.",
                "Compare the answer with and without context.",
            ),
            notice: T(
                "Ohne Kontext kann das Modell nur raten oder sagen, dass es nichts weiss. Mit dem Abschnitt im Prompt steht die Antwort vor ihm – abschreiben muss es sie aber selbst, und dieses kleine Modell nimmt oft den Wert eines anderen Satzes (siehe die Messung unter den Antworten). Gelernt hat es dabei nichts: Die Gewichte bleiben gleich.",
                "Without context the model can only guess or say that it does not know. With the chunk in the prompt the answer is in front of it – but it has to copy it itself, and this small model often takes the value of another sentence (see the measurement below the answers). It learned nothing by doing so: the weights stay the same.",
            ),
            patch: Patch::NONE,
            target: "rag-prompt",
        },
        Step {
            action: T(
                "Frag «Was leitet Frau Ziörjen?» und schau unter «Wann gewinnt welche Suche?» nach.",
                "Ask “What does Ms Ziörjen run?” and look under “When does which search win?”.",
            ),
            notice: T(
                "Hier hat die Stichwortsuche einen Vorteil: Ein seltener Name zählt bei BM25 viel, und das Suchmodell hat nie geübt, nach einem Namen zu fragen. Die hybride Suche nimmt von beiden Listen die besten Plätze; darum kommen ihre Treffer in den Prompt.",
                "Here keyword search has an edge: a rare name counts a lot in BM25, and the search model never practised questions that ask by a name. Hybrid search takes the best ranks of both lists; that is why its hits go into the prompt.",
            ),
            patch: Patch {
                rag_question: Some(RARE_NAME),
                rag_method: Some("hybrid"),
                ..Patch::NONE
            },
            target: "rag-cases",
        },
        Step {
            action: T(
                "Frag wieder «Wann darf ich in die Bücherei?» und vergleiche die Karten unter «Wie das Suchmodell Bedeutung gelernt hat».",
                "Ask “When can I get into the media centre?” again and compare the maps under “How the search model learned meaning”.",
            ),
            notice: T(
                "Wo liegt der Stern, die Frage, im Vergleich zum Quadrat, dem Abschnitt mit der Antwort? Vor dem Training liegen Frage und Antwort beliebig weit auseinander; das kontrastive Training hat Paare zusammengezogen und andere auseinandergestossen.",
                "Where is the star, the question, compared with the square, the chunk with the answer? Before training question and answer lie anywhere; contrastive training pulled pairs together and pushed others apart.",
            ),
            patch: Patch {
                rag_question: Some(PARAPHRASE),
                ..Patch::NONE
            },
            target: "rag-contrastive",
        },
        Step {
            action: T(
                "Frag «Wann öffnet die Bibliothek?» und lass das Modell im Web suchen.",
                "Ask “When does the library open?” and let the model search the web.",
            ),
            notice: T(
                "Das Modell schreibt selbst eine Suchanfrage; die Treffer kommen wie bei RAG in den Prompt. Nennt das Web dieselbe Zeit wie das Handbuch? Wenn nicht: Welcher Quelle glaubst du, und warum?",
                "The model writes a search query itself; the hits go into the prompt as with RAG. Does the web give the same time as the handbook? If not: which source do you believe, and why?",
            ),
            patch: Patch {
                rag_question: Some(LIBRARY),
                ..Patch::NONE
            },
            target: "rag-web",
        },
    ],
    questions: &[Question::RagWhichSearch],
    teacher: Teacher {
        plan: &[
            Phase {
                minutes: 5,
                what: T(
                    "Einstieg: «Kann ein Chatbot wissen, wann unsere Bibliothek öffnet?»",
                    "Warm-up: “Can a chatbot know when our library opens?”",
                ),
            },
            Phase {
                minutes: 10,
                what: T(
                    "Erklären: Suchen, Abschnitte in den Prompt legen, dann antworten; die Gewichte bleiben gleich. Dann: Suchen nach Wörtern und nach Bedeutung.",
                    "Explain: search, place chunks into the prompt, then answer; the weights stay the same. Then: searching by words and by meaning.",
                ),
            },
            Phase {
                minutes: 8,
                what: T(
                    "Vorführen: die zwei Fälle unter «Wann gewinnt welche Suche?», dann die Karten vor und nach dem Training.",
                    "Demonstrate: the two cases under “When does which search win?”, then the maps before and after training.",
                ),
            },
            Phase {
                minutes: 12,
                what: T(
                    "Partnerarbeit: Schritte 1 bis 6 und die Prüffrage; eigene Fragen mit anderen Wörtern ausprobieren.",
                    "Pair work: steps 1 to 6 and the checked question; try questions of your own in other words.",
                ),
            },
            Phase {
                minutes: 10,
                what: T(
                    "Auswertung: Wann findet die Vektorsuche, was die Stichwortsuche verpasst, und umgekehrt? Warum nehmen viele Systeme beide?",
                    "Debrief: when does vector search find what keyword search misses, and the other way round? Why do many systems use both?",
                ),
            },
        ],
        class_questions: &[
            (
                T(
                    "Lernt das Modell bei RAG etwas dazu?",
                    "Does the model learn anything with RAG?",
                ),
                T(
                    "Nein. Die Abschnitte stehen nur im Prompt; nach der Antwort sind sie weg, und die Gewichte sind unverändert.",
                    "No. The chunks are only in the prompt; after the answer they are gone, and the weights are unchanged.",
                ),
            ),
            (
                T(
                    "Woher weiss das Suchmodell, dass «Bücherei» und «Bibliothek» dasselbe meinen?",
                    "How does the search model know that “media centre” and “library” mean the same?",
                ),
                T(
                    "Aus Beispielen: Im Training kamen Fragen mit dem einen Wort und Abschnitte mit dem anderen als Paar vor, und ihre Vektoren wurden zueinander gezogen.",
                    "From examples: in training, questions with one word and chunks with the other came as pairs, and their vectors were pulled together.",
                ),
            ),
            (
                T(
                    "Warum in Abschnitte schneiden statt das ganze Handbuch in den Prompt zu legen?",
                    "Why cut into chunks instead of putting the whole handbook into the prompt?",
                ),
                T(
                    "Das Kontextfenster ist begrenzt; kurze, passende Abschnitte lassen Platz für Frage und Antwort.",
                    "The context window is limited; short, fitting chunks leave room for question and answer.",
                ),
            ),
        ],
        misconceptions: &[
            (
                T(
                    "«Mit RAG stimmt die Antwort immer.»",
                    "“With RAG the answer is always right.”",
                ),
                T(
                    "Zwei Schritte können misslingen: Die Suche bringt den falschen Abschnitt, oder das Modell liest den richtigen falsch. Hier sieht man beides; darum zeigen gute Systeme ihre Quellen, damit man nachprüfen kann.",
                    "Two steps can fail: search brings the wrong chunk, or the model misreads the right one. Both can be seen here; that is why good systems show their sources, so that you can check.",
                ),
            ),
            (
                T(
                    "«Die Vektorsuche versteht alles, die Stichwortsuche ist veraltet.»",
                    "“Vector search understands everything; keyword search is outdated.”",
                ),
                T(
                    "Das Suchmodell kennt nur, was es im Training gesehen hat; seltene Namen und Nummern findet die Stichwortsuche oft besser. Darum verbinden viele Systeme beide.",
                    "The search model knows only what it saw in training; rare names and numbers are often found better by keyword search. That is why many systems combine both.",
                ),
            ),
        ],
        links: &[
            (
                T("Frage mit anderen Wörtern", "A question in other words"),
                Patch {
                    rag_question: Some(PARAPHRASE),
                    rag_k: Some(3),
                    ..Patch::NONE
                },
            ),
            (
                T(
                    "Frage nach einem seltenen Namen",
                    "A question about a rare name",
                ),
                Patch {
                    rag_question: Some(RARE_NAME),
                    rag_method: Some("hybrid"),
                    ..Patch::NONE
                },
            ),
        ],
    },
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::knowledge::{documents, showcase};
    use crate::i18n::Lang;

    #[test]
    fn the_retrieval_lesson_quotes_the_knowledge_base() {
        for lang in Lang::ALL {
            let cases = showcase(lang);
            assert_eq!(PARAPHRASE.get(lang), cases[0].question);
            assert_eq!(RARE_NAME.get(lang), cases[1].question);
            let all: String = documents(lang).into_iter().map(|d| d.1).collect();
            let quoted = T(
                "Es ist am Donnerstag geschlossen.",
                "It is closed on Thursday.",
            );
            assert!(all.contains(quoted.get(lang)));
        }
    }
}

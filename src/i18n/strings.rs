//! The string table. German uses Swiss spelling (ss for ß), as the seed text does.
//! Written in our own words; the seed text is the syllabus, not the source of sentences.
//!
//! One line per message: `Name => ("Deutsch", "English")`. The macro makes the enum, the list of
//! all messages and the lookup from that one table, so a message cannot lack a translation.

use crate::chapters::Chapter;

macro_rules! messages {
    ($($name:ident => ($de:expr, $en:expr $(,)?)),* $(,)?) => {
        /// A piece of user-visible text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg {
            $($name,)*
            ChapterTitle(Chapter),
            ChapterIntro(Chapter),
        }

        /// The messages without a parameter, in table order.
        const SIMPLE: &[Msg] = &[$(Msg::$name,)*];

        /// `(German, English)` for a message.
        pub(super) fn text(msg: Msg) -> (&'static str, &'static str) {
            match msg {
                $(Msg::$name => ($de, $en),)*
                Msg::ChapterTitle(c) => chapter_title(c),
                Msg::ChapterIntro(c) => chapter_intro(c),
            }
        }
    };
}

messages! {
    AppName => ("Lupe", "Lupe"),
    Tagline => ("Schau einem GPT beim Denken zu", "Watch a GPT think"),
    SkipToContent => ("Zum Inhalt springen", "Skip to content"),
    NavLabel => ("Kapitel", "Chapters"),
    PagerLabel => ("Vorheriges und nächstes Kapitel",
            "Previous and next chapter",),
    LanguageLabel => ("Sprache", "Language"),
    ThemeLabel => ("Darstellung", "Appearance"),
    ThemeAuto => ("Auto", "Auto"),
    ThemeLight => ("Hell", "Light"),
    ThemeDark => ("Dunkel", "Dark"),
    Previous => ("Zurück", "Previous"),
    Next => ("Weiter", "Next"),
    ChapterOf => ("Kapitel {n} von {total}", "Chapter {n} of {total}"),
    UnknownChapter => ("Ein Kapitel «{slug}» gibt es nicht. Du bist beim ersten Kapitel gelandet.",
            "There is no chapter called “{slug}”, so you are at the first chapter.",),
    Dismiss => ("Hinweis schliessen", "Dismiss notice"),
    KeyboardHint => ("Tipp: Mit den Pfeiltasten ← und → blätterst du durch die Kapitel.",
            "Tip: the arrow keys ← and → move between chapters.",),
    PrivacyNote => ("Alles wird hier in deinem Browser berechnet. Kein Text verlässt dein Gerät.",
            "Everything is computed here in your browser. No text leaves your device.",),
    StatusChecking => ("Suche nach WebGPU …", "Looking for WebGPU …"),
    StatusWebGpu => ("Rechnet mit WebGPU: {adapter}",
            "Computing with WebGPU: {adapter}",),
    StatusWebGpuExplain => ("Die Grafikkarte rechnet mit unseren eigenen Shadern. Ein Probelauf stimmte mit der \
             CPU überein (grösste Abweichung {err}).",
            "Your graphics card runs our own shaders. A trial run agreed with the CPU (largest \
             difference {err}).",),
    StatusSoftwareGpu => ("Diese Grafikkarte wird per Software auf der CPU nachgebildet: Sie rechnet richtig, \
             aber langsam.",
            "This graphics card is emulated in software on the CPU: it computes correctly, but \
             slowly.",),
    StatusCpu => ("Rechnet auf der CPU", "Computing on the CPU"),
    StatusGpuAvailable => (
        "Das Modell läuft als WebAssembly auf dem Prozessor. WebGPU ist auch da ({adapter}); du kannst umschalten.",
        "The model runs as WebAssembly on the processor. WebGPU is available too ({adapter}); you can switch.",
    ),
    ComputeLabel => ("Rechnen mit", "Compute with"),
    ComputeCpu => ("CPU", "CPU"),
    ComputeGpu => ("WebGPU", "WebGPU"),
    ComputingGpu => ("Rechnet auf der Grafikkarte …", "Computing on the graphics card …"),
    GpuFailedNotice => (
        "Die Grafikkarte hat aufgegeben. Lupe rechnet jetzt auf der CPU weiter; dein Text und deine Auswahl bleiben.",
        "The graphics card gave up. Lupe now computes on the CPU; your text and your choices stay.",
    ),
    ComputedOnCpu => ("Berechnet auf der CPU (WebAssembly)", "Computed on the CPU (WebAssembly)"),
    ComputedOnGpu => ("Berechnet auf der Grafikkarte (WebGPU)", "Computed on the graphics card (WebGPU)"),
    CpuNoApi => ("Dieser Browser bietet kein WebGPU an. Alles funktioniert trotzdem: Das Modell läuft \
             als WebAssembly auf dem Prozessor, grosse Modelle rechnen nur langsamer.",
            "This browser offers no WebGPU. Everything still works: the model runs as WebAssembly \
             on the processor; only large models are slower.",),
    CpuNoAdapter => ("Der Browser kennt WebGPU, findet aber keine passende Grafikkarte. Das Modell läuft \
             darum als WebAssembly auf dem Prozessor; alle Kapitel funktionieren.",
            "The browser knows WebGPU but found no suitable graphics processor. The model runs as \
             WebAssembly on the processor instead; every chapter works.",),
    CpuDeviceFailed => ("Die Grafikkarte liess sich nicht öffnen ({detail}). Das Modell läuft darum auf dem \
             Prozessor; alle Kapitel funktionieren.",
            "The graphics processor could not be opened ({detail}). The model runs on the \
             processor instead; every chapter works.",),
    CpuSelfTestFailed => ("Ein Probelauf auf der Grafikkarte wich vom Prozessor ab ({detail}). Sicherheitshalber \
             rechnet Lupe darum auf dem Prozessor.",
            "A trial run on the graphics processor disagreed with the processor ({detail}). To be \
             safe, Lupe computes on the processor.",),
    PromptLabel => ("Prompt", "Prompt"),
    DefaultPrompt => ("Der Vater spielt mit dem", "The father plays with the"),
    PromptEmpty => (
        "Schreib einen Text, dann siehst du, was das Modell daraus macht.",
        "Type some text to see what the model makes of it.",
    ),
    PromptTooLong => (
        "Der Text hat {n} Tokens, das Modell liest aber höchstens {max}. Die ersten {cut} Tokens fallen weg.",
        "The text has {n} tokens, but the model reads at most {max}. The first {cut} tokens are left out.",
    ),
    TokenCount => ("{n} Tokens", "{n} tokens"),
    Examples => ("Beispiele", "Examples"),
    ModelLabel => ("Modell", "Model"),
    ModelChat => ("Chat-Modell", "Chat model"),
    ModelBase => ("Basismodell", "Base model"),
    ModelLoading => ("Das Modell wird geladen …", "Loading the model …"),
    ModelFailed => ("Das Modell konnte nicht geladen werden.", "The model could not be loaded."),
    TechnicalDetail => ("Technische Angabe:", "Technical detail:"),
    ModelGpt2 => ("GPT-2", "GPT-2"),
    ModelLocal => ("Eigenes Modell", "Own model"),
    MoreModels => ("Weitere Modelle", "More models"),
    ModelsTitle => ("Weitere Modelle", "More models"),
    ModelsExplain => (
        "Die eingebauten Modelle sind klein, damit sie sofort laden. Du kannst auch das echte GPT-2 von OpenAI (2019, 124 Millionen Parameter) oder ein eigenes Modell im Format von Hugging Face öffnen. Alles rechnet weiterhin nur in deinem Browser.",
        "The built-in models are small so that they load at once. You can also open OpenAI's real GPT-2 (2019, 124 million parameters) or a model of your own in Hugging Face's format. Everything still runs only in your browser.",
    ),
    Gpt2Title => ("GPT-2 small vom Hugging Face Hub", "GPT-2 small from the Hugging Face hub"),
    Gpt2Explain => (
        "Rund {mb} MB werden einmal heruntergeladen und im Browser gespeichert; beim nächsten Besuch ist GPT-2 sofort da, auch ohne Netz. GPT-2 kennt fast nur Englisch, und jeder Schritt dauert auf dem Prozessor länger.",
        "About {mb} MB are downloaded once and kept in the browser; on the next visit GPT-2 is there at once, even offline. GPT-2 knows English almost only, and every step takes longer on the processor.",
    ),
    Gpt2Download => ("GPT-2 herunterladen ({mb} MB)", "Download GPT-2 ({mb} MB)"),
    Gpt2Resume => ("Download fortsetzen", "Resume the download"),
    Gpt2Stop => ("Anhalten", "Stop"),
    Gpt2UseCached => ("GPT-2 aus dem Browser-Speicher laden", "Load GPT-2 from the browser's storage"),
    Gpt2Cached => ("GPT-2 liegt im Speicher dieses Browsers.", "GPT-2 is stored in this browser."),
    Gpt2Forget => ("Aus dem Browser entfernen", "Remove from this browser"),
    Gpt2Source => ("Quelle (z. B. ein Spiegel im Schulnetz)", "Source (for example a mirror in the school network)"),
    Gpt2Progress => ("{done} von {total} MB", "{done} of {total} MB"),
    Gpt2ProgressUnknown => ("{done} MB", "{done} MB"),
    Gpt2Failed => (
        "Der Download ist nicht fertig geworden. Was schon da ist, bleibt erhalten: «Download fortsetzen» holt nur den Rest.",
        "The download did not finish. What arrived is kept: “Resume the download” fetches only the rest.",
    ),
    ModelPreparing => ("Das Modell wird vorbereitet …", "Preparing the model …"),
    ModelReadingCache => ("GPT-2 wird aus dem Browser-Speicher geladen …", "Loading GPT-2 from the browser's storage …"),
    LocalTitle => ("Eigene Dateien", "Your own files"),
    LocalExplain => (
        "Zieh die Dateien eines GPT-2-artigen Modells hierher oder wähle sie aus: config.json, model.safetensors und tokenizer.json (oder vocab.json und merges.txt). Die Dateien werden nur gelesen, nicht hochgeladen.",
        "Drag the files of a GPT-2-style model here or choose them: config.json, model.safetensors and tokenizer.json (or vocab.json and merges.txt). The files are only read, never uploaded.",
    ),
    LocalChoose => ("Dateien wählen", "Choose files"),
    LocalDrop => ("Dateien hier ablegen", "Drop the files here"),
    LocalReading => ("Die Dateien werden gelesen …", "Reading the files …"),
    LocalFailed => (
        "Diese Dateien ergeben kein Modell. Das bisherige Modell bleibt geladen.",
        "These files do not make a model. The model you had stays loaded.",
    ),
    LocalLoaded => ("Geladen: {name}", "Loaded: {name}"),
    ModelAbsentGpt2 => (
        "Dieser Link zeigt GPT-2. Lade es unter «Weitere Modelle» herunter oder wähle ein eingebautes Modell.",
        "This link shows GPT-2. Download it under “More models” or pick a built-in model.",
    ),
    ModelAbsentLocal => (
        "Dieser Link zeigte ein eigenes Modell aus Dateien, die nur auf dem anderen Gerät liegen. Öffne sie unter «Weitere Modelle» oder wähle ein eingebautes Modell.",
        "This link showed a model from files that exist only on the other device. Open them under “More models” or pick a built-in model.",
    ),
    Computing => ("Rechne Schicht {done} von {total} …", "Computing layer {done} of {total} …"),
    VocabSample => (
        "Bei {v} Tokens zeigt die Karte eine gleichmässige Auswahl von {k}.",
        "With {v} tokens, the map shows an even sample of {k}.",
    ),
    PresenterOn => ("Präsentation", "Presenter"),
    PresenterLabel => ("Präsentationsmodus: grosse Schrift, weniger Bedienelemente", "Presenter mode: large type, fewer controls"),
    First => ("Zum Anfang", "To the start"),
    Back => ("Schritt zurück", "Step back"),
    Forward => ("Schritt vor", "Step forward"),
    Last => ("Zum Ende", "To the end"),
    Play => ("Abspielen", "Play"),
    Pause => ("Anhalten", "Pause"),
    StepOf => ("Schritt {i} von {n}", "Step {i} of {n}"),
    TokChipsTitle => ("Dein Text als Tokens", "Your text as tokens"),
    TokChipsExplain => (
        "Jedes Kästchen ist ein Token, darunter steht seine Nummer im Vokabular. ␣ steht für ein Leerzeichen. Zeichen, die nur als mehrere Bytes vorkommen, erscheinen als <E2>-Stücke.",
        "Each box is one token, with its number in the vocabulary below it. ␣ marks a space. Characters that only exist as several bytes show up as <E2>-style pieces.",
    ),
    TokVocab => ("Vokabular: {n} Tokens", "Vocabulary: {n} tokens"),
    TokMergeTitle => ("Wie ein Wort zu Tokens wird", "How a word becomes tokens"),
    TokMergeExplain => (
        "BPE beginnt mit den einzelnen Bytes eines Wortes. Dann verbindet es Schritt für Schritt zwei benachbarte Stücke, immer nach der Regel, die beim Training am frühesten gelernt wurde.",
        "BPE starts from the single bytes of a word. Then, step by step, it joins two neighbouring pieces, always by the rule that was learned earliest in training.",
    ),
    TokPickWord => ("Wort wählen", "Choose a word"),
    TokStart => ("Am Anfang: lauter einzelne Bytes.", "At the start: nothing but single bytes."),
    TokRule => ("Regel Nr. {rank}: «{a}» + «{b}» → «{c}»", "Rule no. {rank}: “{a}” + “{b}” → “{c}”"),
    TokNoMerge => ("Dieses Stück ist schon ein einziges Byte.", "This piece is a single byte already."),
    TokGreedyTitle => ("Längster Treffer oder BPE?", "Longest match or BPE?"),
    TokGreedyExplain => (
        "Die einfache Regel «nimm immer das längste Token, das passt» liefert oft dasselbe wie BPE, aber nicht immer. Abweichende Tokens sind umrandet.",
        "The simple rule “always take the longest token that fits” often gives the same as BPE, but not always. Tokens that differ are outlined.",
    ),
    TokGreedyRow => ("Längster Treffer", "Longest match"),
    TokBpeRow => ("BPE", "BPE"),
    TokAgree => ("Für diesen Text sind beide gleich.", "For this text both agree."),
    TokDiffer => ("Für diesen Text unterscheiden sie sich.", "For this text they differ."),
    TokSeedTitle => ("Das Beispiel «low lower lowest»", "The example “low lower lowest”"),
    TokSeedExplain => (
        "Die klassische Variante trennt Wörter an Leerzeichen, zerlegt sie in Buchstaben und hängt das Wortende-Zeichen </w> an. Dann zählt sie alle benachbarten Paare und verschmilzt das häufigste zu einem neuen Symbol.",
        "The classic variant splits words at spaces, breaks them into letters and appends the end-of-word symbol </w>. Then it counts all neighbouring pairs and merges the most frequent one into a new symbol.",
    ),
    TokCorpus => ("Text zum Lernen", "Text to learn from"),
    TokWords => ("Wörter und ihre Symbole", "Words and their symbols"),
    TokPairs => ("Häufigste Paare", "Most frequent pairs"),
    TokMergeNext => ("Häufigstes Paar verschmelzen", "Merge the most frequent pair"),
    TokReset => ("Von vorn", "Start over"),
    TokLearned => ("Gelernte Regeln", "Learned rules"),
    TokNoPairs => ("Keine Paare mehr: Jedes Wort ist ein einziges Symbol.", "No pairs left: every word is a single symbol."),
    TokTimes => ("{n}×", "{n}×"),
    TokTrainTitle => ("Wie der Tokenizer von Lupe gelernt hat", "How Lupe's tokenizer learned"),
    TokTrainExplain => (
        "Dasselbe mit Bytes statt Buchstaben, auf einem Ausschnitt des Trainingstexts: So entstanden die ersten Regeln des Vokabulars, das du oben siehst.",
        "The same with bytes instead of letters, on a sample of the training text: this is how the first rules of the vocabulary above came about.",
    ),
    TokTrainNext => ("Nächste Regel lernen", "Learn the next rule"),
    TokTrainTen => ("10 Regeln lernen", "Learn 10 rules"),
    TokTrainPreparing => ("Der Ausschnitt wird vorbereitet …", "Preparing the sample …"),

    EmbLookupTitle => ("Vom Token zur Tabellenzeile", "From token to table row"),
    EmbLookupExplain => (
        "Die Token-Nummer ist die Zeile der Embedding-Tabelle. Diese Zeile, {d} Zahlen, ist alles, was das Modell am Anfang über das Token weiss.",
        "The token number is the row of the embedding table. That row, {d} numbers, is all the model knows about the token at the start.",
    ),
    PickToken => ("Token wählen", "Choose a token"),
    EmbRow => ("«{token}» → Nummer {id} → Zeile {id} der Tabelle mit {v} × {d} Zahlen", "“{token}” → number {id} → row {id} of the table of {v} × {d} numbers"),
    StripLegend => (
        "Jedes Feld ist eine Zahl: blau negativ, orange positiv, je kräftiger, desto grösser. Der genaue Wert steht im Tooltip.",
        "Each cell is one number: blue negative, orange positive, stronger for larger values. Hover for the exact value.",
    ),
    EmbNearTitle => ("Ähnliche Vektoren", "Similar vectors"),
    EmbNearExplain => (
        "Zwei Vektoren sind ähnlich, wenn sie fast in dieselbe Richtung zeigen. Der Kosinus misst das: 1 heisst gleiche Richtung (Winkel 0°), 0 heisst rechtwinklig (90°).",
        "Two vectors are similar when they point in nearly the same direction. The cosine measures this: 1 means the same direction (angle 0°), 0 means at right angles (90°).",
    ),
    EmbMapTitle => ("Die Karte des Vokabulars", "A map of the vocabulary"),
    EmbMapExplain => (
        "Die Vektoren aller {v} gelernten Tokens (ohne die 256 Einzelbytes), projiziert auf die zwei Richtungen, in denen sie sich am stärksten unterscheiden (Hauptkomponenten, hier im Browser berechnet). Nahe Punkte haben ähnliche Vektoren.",
        "The vectors of all {v} learned tokens (without the 256 single bytes), projected onto the two directions in which they differ most (principal components, computed here in your browser). Points close together have similar vectors.",
    ),
    EmbSearch => ("Token suchen", "Find a token"),
    EmbMapAxes => ("x: 1. Hauptkomponente · y: 2. Hauptkomponente", "x: 1st principal component · y: 2nd principal component"),
    EmbFound => ("{n} Treffer", "{n} found"),
    EmbAnalogyTitle => ("Rechnen mit Bedeutungen", "Arithmetic with meanings"),
    EmbAnalogyExplain => (
        "Nimm den Vektor von «König», zieh den von «Mann» ab und zähl den von «Frau» dazu. Welche Tokens liegen am nächsten?",
        "Take the vector of “king”, subtract the one of “man” and add the one of “woman”. Which tokens lie closest?",
    ),
    EmbAnalogyFormula => (
        "Gerechnet wird E[A] − E[B] + E[C]; gezeigt werden die nächsten Vektoren nach Kosinus, ohne A, B und C selbst.",
        "Computed as E[A] − E[B] + E[C]; shown are the nearest vectors by cosine, leaving out A, B and C themselves.",
    ),
    NotOneToken => ("«{word}» ist kein einzelnes Token in diesem Vokabular.", "“{word}” is not a single token in this vocabulary."),
    PosTableTitle => ("Gelernte Positionen", "Learned positions"),
    PosTableExplain => (
        "Das Modell hat für jede Stelle von 0 bis {n} einen eigenen Vektor gelernt, wie eine zweite Tabelle. Hier die ersten {k} Zeilen.",
        "The model learned a vector of its own for every position from 0 to {n}, like a second table. Here are the first {k} rows.",
    ),
    PosSinTitle => ("Die feste Formel", "The fixed formula"),
    PosSinExplain => (
        "Statt sie zu lernen, kann man Positionen auch mit Sinus- und Kosinuswellen schreiben: links schnelle Wellen, rechts langsame. Jede Zeile ist ein anderes Muster.",
        "Instead of learning them, positions can be written with sine and cosine waves: fast waves on the left, slow ones on the right. Every row is a different pattern.",
    ),
    PosAxes => ("Zeilen: Positionen 0, 1, 2, … · Spalten: die {d} Dimensionen", "Rows: positions 0, 1, 2, … · columns: the {d} dimensions"),
    PosSumTitle => ("X = E + P für deinen Text", "X = E + P for your text"),
    PosSumExplain => (
        "Zu jedem Token wird der Vektor seiner Position addiert. Erst so kann das Modell «Hund beisst Mann» von «Mann beisst Hund» unterscheiden.",
        "Each token gets the vector of its position added. Only then can the model tell “dog bites man” from “man bites dog”.",
    ),
    LnBeforeAfterTitle => ("Vorher und nachher", "Before and after"),
    LnBeforeAfterExplain => (
        "LayerNorm verschiebt die Zahlen eines Tokens auf den Mittelwert 0 und streckt sie auf die Varianz 1. Danach wendet sie gelernte Faktoren (γ) und Verschiebungen (β) an.",
        "LayerNorm shifts one token's numbers to mean 0 and stretches them to variance 1. Then it applies learned factors (γ) and shifts (β).",
    ),
    LnStats => ("Mittelwert {mean} · Varianz {var}", "Mean {mean} · variance {var}"),
    LnWhich => ("Welche LayerNorm?", "Which LayerNorm?"),
    LnFirst => ("vor der Attention", "before attention"),
    LnSecond => ("vor dem FFN", "before the FFN"),
    LnFinal => ("am Schluss", "at the end"),
    LnInput => ("Eingang", "Input"),
    LnOutput => ("Ausgang", "Output"),
    LnHistogram => ("Verteilung der {d} Zahlen", "Distribution of the {d} numbers"),
    LnResidualTitle => ("Der Residualpfad", "The residual path"),
    LnResidualExplain => (
        "Die Attention rechnet nur eine Änderung aus, die zum Eingang addiert wird. Der Eingang fliesst so unverändert weiter, und jede Schicht muss nur eine Korrektur lernen.",
        "Attention only computes a change, which is added to the input. The input flows on unchanged, and each layer only has to learn a correction.",
    ),
    LnX => ("x, Eingang der Schicht", "x, the layer's input"),
    LnAttn => ("Änderung durch die Attention", "Change from attention"),
    LnSum => ("x + Änderung", "x + change"),
    FfnFlowTitle => ("W₁ → GELU → W₂", "W₁ → GELU → W₂"),
    FfnFlowExplain => (
        "Das FFN macht den Vektor eines Tokens von {d} auf {f} Zahlen breiter, biegt jede Zahl mit GELU und bringt das Ergebnis mit W₂ wieder auf {d} Zahlen.",
        "The FFN widens one token's vector from {d} to {f} numbers, bends each number with GELU, and brings the result back to {d} numbers with W₂.",
    ),
    FfnIn => ("Eingang (nach LayerNorm)", "Input (after LayerNorm)"),
    FfnHidden => ("vor GELU", "before GELU"),
    FfnActivated => ("nach GELU", "after GELU"),
    FfnOut => ("Ausgang", "Output"),
    FfnCurveTitle => ("GELU: der Knick", "GELU: the bend"),
    FfnCurveExplain => (
        "Jeder Punkt ist eines der {f} Neuronen für das gewählte Token: nach rechts sein Wert vor GELU, nach oben danach. Gestrichelt zum Vergleich ReLU, die alles Negative auf 0 setzt.",
        "Each dot is one of the {f} neurons for the chosen token: to the right its value before GELU, upwards after it. Dashed, for comparison: ReLU, which sets everything negative to 0.",
    ),
    FfnAxes => ("x: Wert vor GELU · y: Wert danach", "x: value before GELU · y: value after"),
    FfnTopTitle => ("Die aktivsten Neuronen", "The most active neurons"),
    FfnTopExplain => ("Die Neuronen mit dem grössten Wert nach GELU, für das gewählte Token.", "The neurons with the largest value after GELU, for the chosen token."),
    Neuron => ("Neuron {i}", "Neuron {i}"),
    LogTopTitle => ("Die wahrscheinlichsten nächsten Tokens", "The likeliest next tokens"),
    LogTopExplain => (
        "Für jedes der {v} Tokens gibt es eine Punktzahl (Logit). Softmax macht daraus Wahrscheinlichkeiten, die zusammen 100 % ergeben. Hier die {k} besten.",
        "Each of the {v} tokens gets a score (logit). Softmax turns the scores into probabilities that add up to 100 %. Here are the best {k}.",
    ),
    Temperature => ("Temperatur {t}", "Temperature {t}"),
    TemperatureExplain => (
        "Die Temperatur teilt die Logits vor Softmax: unter 1 wird die Verteilung spitzer, über 1 flacher.",
        "The temperature divides the logits before softmax: below 1 the distribution gets sharper, above 1 flatter.",
    ),
    LogTyingTitle => ("Gewichtsteilung: Logits = h · Eᵀ", "Weight tying: logits = h · Eᵀ"),
    LogTyingExplain => (
        "Die Logits entstehen aus dem letzten Vektor h und derselben Embedding-Tabelle E wie am Anfang: Das Logit eines Tokens ist das Skalarprodukt von h mit seiner Zeile.",
        "The logits come from the last vector h and the same embedding table E as at the start: a token's logit is the dot product of h with its row.",
    ),
    LogDot => ("h · E[«{t}»] = {v}", "h · E[“{t}”] = {v}"),
    SamMethod => ("Verfahren", "Method"),
    SamGreedy => ("Greedy", "Greedy"),
    SamTemperature => ("Temperatur", "Temperature"),
    SamTopK => ("Top-k", "Top-k"),
    SamTopP => ("Top-p", "Top-p"),
    SamBoth => ("Top-k, dann Top-p", "Top-k, then top-p"),
    SamK => ("k = {k}", "k = {k}"),
    SamP => ("p = {p}", "p = {p}"),
    SamSeed => ("Startwert (Seed)", "Seed"),
    SamDistTitle => ("Die Verteilung nach dem Schnitt", "The distribution after the cut"),
    SamDistExplain => (
        "Weggeschnittene Tokens sind durchgestrichen. Die übrigen Wahrscheinlichkeiten werden so skaliert, dass sie wieder 100 % ergeben.",
        "Tokens that are cut off are struck through. The remaining probabilities are rescaled so that they add up to 100 % again.",
    ),
    SamKept => ("{k} von {v} Tokens bleiben im Spiel ({mass} der Wahrscheinlichkeit).", "{k} of {v} tokens stay in play ({mass} of the probability)."),
    SamDrawTitle => ("Der Würfelwurf", "The roll of the dice"),
    SamDrawExplain => (
        "Eine Zufallszahl zwischen 0 und 1 zeigt in den Balken: Das Token, in dessen Abschnitt sie fällt, wird gewählt. Derselbe Startwert gibt immer dieselbe Zahl.",
        "A random number between 0 and 1 points into the bar: the token whose section it falls in is chosen. The same seed always gives the same number.",
    ),
    SamDraw => ("Zufallszahl {u} → «{t}»", "Random number {u} → “{t}”"),
    SamGreedyDraw => ("Greedy würfelt nicht: «{t}» ist das wahrscheinlichste Token.", "Greedy rolls no dice: “{t}” is the likeliest token."),
    SamAppend => ("Token anhängen und weiter", "Append the token and go on"),
    SamAppendExplain => (
        "Das gewählte Token kommt ans Ende des Prompts, und alles beginnt von vorn: Das ist die Schleife, mit der ein GPT Text schreibt.",
        "The chosen token goes to the end of the prompt, and everything starts again: that is the loop in which a GPT writes text.",
    ),
    SamEnd => ("Das ist das End-Token: Hier hört die Antwort auf.", "This is the end token: the answer stops here."),
    GenTitle => ("Token für Token", "Token by token"),
    GenExplain => (
        "Jeder Schritt ist ein ganzer Durchlauf durch das Modell, mit allen bisherigen Tokens als Eingabe. Die Spalten zeigen, welche Kandidaten es bei jedem Schritt gab.",
        "Each step is a full pass through the model, with all tokens so far as its input. The columns show which candidates there were at each step.",
    ),
    GenSettings => ("Einstellungen aus dem Kapitel «Sampling»: {s}", "Settings from the “Sampling” chapter: {s}"),
    GenMax => ("Höchstens {n} neue Tokens", "At most {n} new tokens"),
    GenRestart => ("Neu beginnen", "Start again"),
    GenStopEnd => ("Fertig: Das Modell hat das End-Token gewählt.", "Done: the model chose the end token."),
    GenStopMax => ("Fertig: Die Höchstzahl neuer Tokens ist erreicht.", "Done: the limit of new tokens is reached."),
    GenStopCtx => ("Fertig: Das Kontextfenster ist voll.", "Done: the context window is full."),
    GenHistory => ("Kandidaten bei jedem Schritt", "Candidates at each step"),
    GenOutput => ("Erzeugter Text", "Generated text"),
    RoleTitle => ("Ein Chat als ein einziger Text", "A chat as one single text"),
    RoleExplain => (
        "Jede Nachricht beginnt mit einem Marker-Token für ihre Rolle; die Antwort des Assistenten endet mit dem End-Token. So sieht das Modell den Chat, Token für Token:",
        "Every message starts with a marker token for its role; the assistant's answer ends with the end token. This is the chat as the model sees it, token by token:",
    ),
    RoleSystem => ("System", "System"),
    RoleDeveloper => ("Entwickler", "Developer"),
    RoleUser => ("Benutzer", "User"),
    RoleAssistant => ("Assistent", "Assistant"),
    RoleSystemDefault => ("Du bist ein freundlicher Assistent. Antworte kurz und richtig.", "You are a friendly assistant. Answer briefly and correctly."),
    RoleUserDefault => ("Was macht der König?", "What does the king do?"),
    RoleDeveloperHint => ("freiwillig, z. B. «Answer in English.»", "optional, e.g. “Antworte auf Deutsch.”"),
    RoleAnswer => ("Antwort erzeugen", "Generate the answer"),
    RoleLegend => ("Farbe: Rolle · gestrichelt: Marker · fett umrandet: zählt beim Feintuning (SFT)", "Colour: role · dashed: marker · bold outline: counts in fine-tuning (SFT)"),
    RoleCompareTitle => ("Basismodell und Chat-Modell", "Base model and chat model"),
    RoleCompareExplain => (
        "Derselbe Chat an beide Modelle. Das Basismodell hat nur gelernt, Texte fortzusetzen; das Chat-Modell hat zusätzlich Dialoge gelernt (SFT) und hört am End-Token auf.",
        "The same chat to both models. The base model only learned to continue texts; the chat model also learned dialogs (SFT) and stops at the end token.",
    ),
    LabTabs => ("Trainingsphasen", "Training phases"),
    LabTabPretrain => ("1 · Vortraining", "1 · Pretraining"),
    LabTabSft => ("2 · Feinschliff (SFT)", "2 · Fine-tuning (SFT)"),
    LabTabRlhf => ("3 · Menschliches Feedback (RLHF)", "3 · Human feedback (RLHF)"),
    LabWorkerNote => ("Das Training läuft echt, in einem eigenen Hintergrund-Thread deines Browsers. Du kannst andere Kapitel ansehen; der Lauf geht weiter, bis du die Seite neu lädst.",
        "Training really runs, in a background thread of your browser. You may visit other chapters; the run goes on until you reload the page."),
    LabError => ("Das hat nicht geklappt:", "That did not work:"),
    LabLoading => ("Die Trainingsumgebung lädt die Modelle …", "The training lab is loading the models …"),
    LabPreparing => ("Text wird bereinigt und der Tokenizer gelernt …", "Cleaning the text and learning the tokenizer …"),
    LabTraining => ("Training läuft …", "Training …"),
    LabLossChart => ("Verlust über die Trainingsschritte", "Loss over the training steps"),
    LabStep => ("Schritt", "Step"),
    LabTrainLoss => ("Trainingsverlust", "Training loss"),
    LabValLoss => ("Validierungsverlust (ungesehener Text)", "Validation loss (unseen text)"),
    LabDataTitle => ("Daten: woraus das Modell lernt", "Data: what the model learns from"),
    LabDataExplain => ("Ein Sprachmodell lernt nur aus Text. Wähle eine Quelle, stelle Modell und Training ein und starte: Das Modell beginnt mit Zufallszahlen und lernt, das jeweils nächste Token vorherzusagen.",
        "A language model learns from text alone. Pick a source, set up model and training, and start: the model begins with random numbers and learns to predict each next token."),
    LabSource => ("Textquelle", "Text source"),
    LabSourceBuiltin => ("Eingebauter Korpus (Mischung aus drei Quellen)", "Built-in corpus (a mix of three sources)"),
    LabSourceSentences => ("Nur Alltagssätze", "Everyday sentences only"),
    LabSourceStories => ("Nur Geschichten", "Stories only"),
    LabSourceWeb => ("Nur Webseiten (bereinigt)", "Web pages only (cleaned)"),
    LabSourceOwn => ("Eigener Text", "Your own text"),
    LabOwnText => ("Dein Text (einfügen; bis 1 MB)", "Your text (paste; up to 1 MB)"),
    LabUpload => ("… oder eine Textdatei wählen", "… or choose a text file"),
    LabVocab => ("Vokabular (Tokens)", "Vocabulary (tokens)"),
    LabSeqLen => ("Sequenzlänge", "Sequence length"),
    LabBatch => ("Batchgrösse", "Batch size"),
    LabWidth => ("Modellbreite d", "Model width d"),
    LabLayers => ("Schichten", "Layers"),
    LabLr => ("Lernrate", "Learning rate"),
    LabLrTooHigh => ("viel zu hoch", "far too high"),
    LabFileTooLarge => ("Diese Datei ist grösser als 20 MB; die Trainingsumgebung verwendet höchstens 1 MB Text. Wähle einen Ausschnitt.",
        "This file is larger than 20 MB; the lab uses at most 1 MB of text. Choose an excerpt."),
    LabFileNotText => ("Diese Datei ist kein Text (UTF-8), sondern z. B. ein Bild oder ein PDF. Wähle eine .txt-Datei.",
        "This file is not text (UTF-8) but, say, an image or a PDF. Choose a .txt file."),
    LabFileUnreadable => ("Die Datei liess sich nicht lesen.", "The file could not be read."),
    LabStart => ("Training starten", "Start training"),
    LabRestart => ("Neu starten mit diesen Einstellungen", "Restart with these settings"),
    LabPause => ("Pause", "Pause"),
    LabResume => ("Weiter", "Resume"),
    LabReset => ("Zurücksetzen", "Reset"),
    LabDiverged => ("Der Verlust ist keine Zahl mehr (NaN): Die Schritte waren zu gross, die Gewichte sind explodiert. Das Training wurde angehalten; die letzten guten Gewichte bleiben. Eine kleinere Lernrate hilft meistens.",
        "The loss is no longer a number (NaN): the steps were too big and the weights blew up. Training was stopped; the last good weights stay. A smaller learning rate usually helps."),
    LabTryLr => ("Neu starten mit Lernrate", "Restart with learning rate"),
    LabPreparedTitle => ("Vorbereitung: bereinigen, tokenisieren, zerschneiden", "Preparation: clean, tokenize, cut"),
    LabCapped => ("Dein Text war {n} Bytes lang; verwendet wird nur der erste Megabyte.", "Your text was {n} bytes long; only the first megabyte is used."),
    LabCleaning => ("Bereinigung der Webseiten", "Cleaning the web pages"),
    LabCleaningSummary => ("{in} rohe Seiten rein, {out} bereinigte Seiten raus. Entfernt wurde:", "{in} raw pages in, {out} cleaned pages out. Removed:"),
    LabMerges => ("Der Tokenizer lernt: die ersten Verschmelzungen", "The tokenizer learns: the first merges"),
    LabDataSummary => ("Vokabular {vocab} Tokens · {tokens} Tokens Trainingstext · Modell mit {params} Parametern",
        "Vocabulary {vocab} tokens · {tokens} tokens of training text · model with {params} parameters"),
    LabBlocks => ("Zerschneiden in Blöcke fester Länge", "Cutting into fixed-length blocks"),
    LabBlocksExplain => ("Der Tokenstrom wird ohne Rücksicht auf Sätze in gleich lange Stücke geschnitten und gemischt. In jedem Stück ist das Ziel an jeder Stelle einfach das nächste Token: die Eingabe um eins verschoben.",
        "The token stream is cut into equal pieces with no regard for sentences, and shuffled. In each piece the target at every position is simply the next token: the input shifted by one."),
    LabInput => ("Eingabe", "Input"),
    LabTarget => ("Ziel", "Target"),
    LabMixture => ("Datenmischung: Anteil jeder Quelle", "Data mixture: share of each source"),
    LabLiveTitle => ("Live: das Modell lernt", "Live: the model learns"),
    LabStatusRunning => ("Schritt {step} · {rate} Tokens pro Sekunde", "Step {step} · {rate} tokens per second"),
    LabStatusPaused => ("Angehalten bei Schritt {step}", "Paused at step {step}"),
    LabTokenLoss => ("Verlust pro Token (Teacher Forcing)", "Loss per token (teacher forcing)"),
    LabTokenLossExplain => ("Ein fester Textausschnitt, den das Modell nie zum Lernen bekommt. Jedes Kästchen ist ein Ziel-Token; je dunkler, desto überraschter war das Modell. Beim Training wird das Modell nie mit seinen eigenen Fehlern weitergefüttert, sondern immer mit dem echten Text.",
        "A fixed piece of text the model never learns from. Each box is a target token; the darker, the more surprised the model was. In training the model is never fed its own mistakes, always the real text."),
    LabMask => ("Die kausale Maske", "The causal mask"),
    LabMaskExplain => ("Beim Training sagt das Modell alle Positionen eines Blocks gleichzeitig voraus. Damit es nicht schummelt, darf jede Zeile nur auf sich und frühere Tokens schauen (✓).",
        "In training the model predicts every position of a block at once. So that it cannot cheat, each row may only look at itself and earlier tokens (✓)."),
    LabSamples => ("Was das Modell schreibt (alle 100 Schritte)", "What the model writes (every 100 steps)"),
    LabSftTitle => ("Feinschliff mit Dialogen (SFT)", "Fine-tuning with dialogs (SFT)"),
    LabSftExplain => ("Ein Basismodell setzt Text nur fort. Mit Beispiel-Dialogen im Rollenformat lernt es, auf Fragen zu antworten. Wähle ein Modell und starte; am Ende siehst du dieselbe Frage vorher und nachher beantwortet.",
        "A base model only continues text. With example dialogs in the role format it learns to answer questions. Choose a model and start; at the end you see the same question answered before and after."),
    LabSftBase => ("Ausgangsmodell", "Starting model"),
    LabSftPretrained => ("Dein vortrainiertes Modell", "Your pretrained model"),
    LabSftRepeats => ("Jeder Dialog (Übergewichtung)", "Each dialog (oversampling)"),
    LabSftEpochs => ("Epochen", "Epochs"),
    LabSftQuestion => ("Testfrage", "Test question"),
    LabSftStart => ("Feinschliff starten", "Start fine-tuning"),
    LabSftMaskTitle => ("Welche Tokens zählen im Verlust", "Which tokens count in the loss"),
    LabSftMaskExplain => ("Umrandete Tokens zählen (System und Assistent). Die Worte des Users sind nur Kontext: Das Modell soll lernen zu antworten, nicht Fragen zu stellen. Ihr Verlust wird mit 0 gewichtet und liefert keinen Gradienten.",
        "Outlined tokens count (system and assistant). The user's words are context only: the model should learn to answer, not to ask. Their loss is weighted 0 and gives no gradient."),
    LabCounted => ("zählt im Verlust", "counts in the loss"),
    LabNotCounted => ("nur Kontext", "context only"),
    LabSftSummary => ("{dialogs} Dialoge · {counted} von {tokens} Tokens zählen", "{dialogs} dialogs · {counted} of {tokens} tokens count"),
    LabBefore => ("Vorher", "Before"),
    LabAfter => ("Nachher", "After"),
    LabRlhfTitle => ("Antworten bewerten (RLHF)", "Rating answers (RLHF)"),
    LabRlhfExplain => ("Das Chatmodell schreibt mehrere Antworten auf dieselbe Frage. Du ordnest sie; daraus lernt ein Bewertungsmodell, und danach wird das Chatmodell in Richtung besser bewerteter Antworten verschoben.",
        "The chat model writes several answers to the same question. You order them; a reward model learns from that, and then the chat model is pushed towards answers that score better."),
    LabSample => ("4 Antworten erzeugen", "Generate 4 answers"),
    LabRankTitle => ("Deine Rangfolge", "Your ranking"),
    LabRankExplain => ("Ordne mit ↑ und ↓: oben die beste Antwort. Jedes Paar (besser, schlechter) wird ein Vergleich.",
        "Order with ↑ and ↓: the best answer on top. Every pair (better, worse) becomes a comparison."),
    LabUp => ("nach oben", "move up"),
    LabDown => ("nach unten", "move down"),
    LabSaveRanking => ("Rangfolge speichern", "Save ranking"),
    LabComparisons => ("{n} Vergleiche gesammelt", "{n} comparisons collected"),
    LabRlVocab => ("Die Begriffe des bestärkenden Lernens an dieser Antwort", "Reinforcement learning's terms on this answer"),
    LabRlVocabExplain => ("Zustand = der Text bis hierher, Aktion = das nächste Token, Policy = die Wahrscheinlichkeiten des Modells, Belohnung = die Bewertung am Ende der Antwort.",
        "State = the text so far, action = the next token, policy = the model's probabilities, reward = the score at the end of the answer."),
    LabState => ("Zustand (Text bis hier)", "State (text so far)"),
    LabAction => ("Aktion (Token)", "Action (token)"),
    LabRewardTitle => ("Das Bewertungsmodell", "The reward model"),
    LabRewardExplain => ("Dasselbe Netz mit einer einzigen Zahl als Ausgabe, am letzten Token. Es lernt aus deinen Vergleichen, dass die bevorzugte Antwort die höhere Zahl bekommt (Bradley–Terry-Verlust).",
        "The same network with a single number as output, at the last token. It learns from your comparisons that the preferred answer gets the higher number (Bradley–Terry loss)."),
    LabTrainReward => ("Bewertungsmodell trainieren (30 Schritte)", "Train the reward model (30 steps)"),
    LabPolicyTitle => ("Das Chatmodell nach der Bewertung ausrichten", "Aligning the chat model with the reward"),
    LabPolicyExplain => ("Policy-Gradient (REINFORCE mit KL-Strafe, kein PPO): Das Modell schreibt Antworten, das Bewertungsmodell vergibt Punkte, und besser bewertete Antworten werden wahrscheinlicher. β bestraft, wenn es sich zu weit vom Ausgangsmodell entfernt (KL). Mit kleinem β findet das Modell gern Abkürzungen, die dem Bewertungsmodell gefallen, Menschen aber nicht (Reward Hacking): Achte auf die KL-Spalte und die Beispiele.",
        "Policy gradient (REINFORCE with a KL penalty, not PPO): the model writes answers, the reward model scores them, and better-scored answers become likelier. β penalises drifting too far from the starting model (KL). With a small β the model likes to find shortcuts the reward model enjoys but people do not (reward hacking): watch the KL column and the examples."),
    LabOptimise => ("8 Optimierungsschritte", "8 optimisation steps"),
    LabMeanReward => ("mittlere Bewertung", "mean reward"),
    LabPreferredProb => ("Wahrsch. pro Token deiner besten Antwort", "Per-token prob. of your best answer"),
    LabExample => ("Beispielantwort", "Example answer"),
    RagHandbook => ("Handbuch der Lindenschule", "Lindenschule handbook"),
    RagKbTitle => ("Die Wissensbasis", "The knowledge base"),
    RagKbExplain => ("Das Modell hat nie etwas über die Lindenschule gelernt. Ihr Handbuch (ausgedacht) liegt hier als Text bereit, und du kannst eigene Texte dazulegen. Nichts davon verlässt deinen Browser.",
        "The model never learned anything about the Lindenschule. Its (made-up) handbook is ready here as text, and you can add texts of your own. None of it leaves your browser."),
    RagUseHandbook => ("Das Handbuch der Lindenschule verwenden", "Use the Lindenschule handbook"),
    RagWords => ("Wörter", "words"),
    RagRemoveOwn => ("Eigene Texte entfernen", "Remove own texts"),
    RagPaste => ("Eigenen Text einfügen", "Paste a text of your own"),
    RagAdd => ("Text hinzufügen", "Add text"),
    RagUpload => ("… oder Textdateien wählen", "… or choose text files"),
    RagEmptyText => ("Das Textfeld ist leer.", "The text field is empty."),
    RagPasted => ("Eigener Text", "Own text"),
    RagCapped => ("Ein Text war länger als {kb} KB und wurde gekürzt.", "A text was longer than {kb} KB and was cut."),
    RagFileTooLarge => ("{name} ist grösser als 20 MB und wurde nicht gelesen.", "{name} is larger than 20 MB and was not read."),
    RagFileEmpty => ("{name} enthält keinen Text.", "{name} holds no text."),
    RagFileNotText => ("{name} ist keine Textdatei (UTF-8) und wurde abgelehnt.", "{name} is not a text file (UTF-8) and was refused."),
    RagNoDocs => ("Die Wissensbasis ist leer: Nimm das Handbuch dazu oder füge einen eigenen Text hinzu.", "The knowledge base is empty: include the handbook or add a text of your own."),
    RagLoading => ("Das Abrufmodell wird geladen …", "Loading the retrieval model …"),
    RagModelFailed => ("Das Abrufmodell konnte nicht geladen werden:", "The retrieval model could not be loaded:"),
    RagIndexing => ("Abschnitte werden in Vektoren verwandelt: {done} von {all}", "Turning chunks into vectors: {done} of {all}"),
    RagChunksTitle => ("In Abschnitte schneiden", "Cutting into chunks"),
    RagChunksExplain => ("Suchen lässt sich nur in kleinen Stücken. Jeder Abschnitt hat gleich viele Wörter; die Überlappung sorgt dafür, dass ein Satz an der Grenze im nächsten Abschnitt ganz vorkommt.",
        "Search works on small pieces. Every chunk has the same number of words; the overlap makes sure that a sentence cut at a border appears whole in the next chunk."),
    RagChunkSize => ("Abschnittsgrösse: {n} Wörter", "Chunk size: {n} words"),
    RagOverlap => ("Überlappung: {n} Wörter", "Overlap: {n} words"),
    RagChunkCount => ("{n} Abschnitte (die ersten zwölf unten)", "{n} chunks (the first twelve below)"),
    RagTooManyChunks => ("Das ergibt {all} Abschnitte; durchsucht werden die ersten {max}. Grössere Abschnitte helfen.",
        "That makes {all} chunks; the first {max} are searched. Larger chunks help."),
    RagAskTitle => ("Frage stellen", "Ask a question"),
    RagQuestion => ("Frage", "Question"),
    RagLayer => ("Vektoren aus Schicht", "Vectors from layer"),
    RagLayerEmbeddings => ("0 (Embeddings)", "0 (embeddings)"),
    RagAsk => ("Suchen und antworten", "Search and answer"),
    RagResultsTitle => ("Zwei Arten zu suchen", "Two ways to search"),
    RagResultsExplain => ("Die Vektorsuche sucht nach Bedeutung: Frage und Abschnitte werden zu Vektoren (gemittelte innere Zustände des Modells) und nach Kosinus-Ähnlichkeit sortiert. Die Stichwortsuche ist eine klassische interne Suche nach gemeinsamen Wörtern (BM25), seltene Wörter zählen mehr.",
        "Vector search looks for meaning: question and chunks become vectors (the model's averaged hidden states), sorted by cosine similarity. Keyword search is a classic internal search for shared words (BM25), where rare words count more."),
    RagVectorSearch => ("Vektorsuche", "Vector search"),
    RagKeywordSearch => ("Stichwortsuche (BM25)", "Keyword search (BM25)"),
    RagNoMatch => ("Kein Abschnitt enthält ein Wort der Frage.", "No chunk contains a word of the question."),
    RagScaleNote => ("Hier wird die Frage mit jedem Abschnitt verglichen – bei ein paar hundert Abschnitten dauert das Bruchteile einer Millisekunde. Bei Millionen Dokumenten gruppieren Indexe wie FAISS oder Milvus die Vektoren vorab (Cluster oder Nachbarschaftsgraphen) und vergleichen nur mit einem kleinen Teil: viel schneller, dafür wird selten der beste Treffer verpasst.",
        "Here the question is compared with every chunk – at a few hundred chunks that takes a fraction of a millisecond. At millions of documents, indexes such as FAISS or Milvus group the vectors in advance (clusters or neighbour graphs) and compare with a small part only: much faster, at the price of now and then missing the best match."),
    RagMeasured => ("Gemessen an den 36 Fragen zum Handbuch: Die Stichwortsuche hat den richtigen Abschnitt immer unter den ersten zwei, die Vektorsuche eines so kleinen Modells nur bei 81 % (Deutsch) bzw. 53 % (Englisch) – am besten mit Schicht 0, den reinen Token-Embeddings. Darum kommen zuerst die Stichworttreffer in den Prompt. Grosse Systeme nutzen eigens trainierte Embedding-Modelle, die Bedeutung viel besser treffen.",
        "Measured on the handbook's 36 questions: keyword search always has the right chunk among the first two, the vector search of such a small model only in 81 % (German) and 53 % (English) of cases – best at layer 0, the plain token embeddings. That is why the keyword hits go into the prompt by default. Large systems use embedding models trained for the purpose, which capture meaning far better."),
    RagMap => ("Karte der Abschnitte und der Frage", "Map of the chunks and the question"),
    RagMapCaption => ("Jeder Punkt ist ein Abschnitt (die zwei Hauptrichtungen seiner Vektoren); der Stern ist die Frage, nummeriert sind die Treffer der Vektorsuche.",
        "Every dot is a chunk (the two main directions of its vectors); the star is the question, the vector-search hits are numbered."),
    RagPromptTitle => ("Was das Modell liest", "What the model reads"),
    RagWhichHits => ("Treffer für den Prompt", "Hits for the prompt"),
    RagPromptExplain => ("Die Treffer kommen als Kontext vor die Frage – genau diese {n} Tokens liest das Modell (Platz: {ctx}; {used} Abschnitte passen hinein).",
        "The hits go before the question as context – the model reads exactly these {n} tokens (room: {ctx}; {used} chunks fit)."),
    RagWithContext => ("Antwort mit Kontext", "Answer with context"),
    RagWithoutContext => ("Antwort ohne Kontext", "Answer without context"),
    RagNothingRetrieved => ("Nichts gefunden – ohne Kontext kann das Modell nur raten.", "Nothing found – without context the model can only guess."),
    RagAskedAbout => ("Frage: {q}", "Question: {q}"),
    RagWebTitle => ("Websuche (offline)", "Web search (offline)"),
    RagWebExplain => ("Chatbots mit Websuche lassen das Modell zuerst eine Suchanfrage schreiben. Hier sucht sie in einer mitgelieferten Sammlung von Webschnipseln über Orte der Stadt; die Treffer kommen in den Prompt.",
        "Chatbots with web search first let the model write a search query. Here it searches a bundled collection of web snippets about places in town; the hits go into the prompt."),
    RagWebButton => ("Im Web suchen und antworten", "Search the web and answer"),
    RagWebQuery => ("Das Modell schreibt die Suchanfrage:", "The model writes the search query:"),
    RagWebResults => ("Die Suche liefert:", "The search returns:"),
    RagWebAnswer => ("Mit den Treffern im Prompt antwortet es:", "With the hits in the prompt it answers:"),
    NoAnswer => ("(keine Antwort)", "(no answer)"),
    LayerLabel => ("Schicht", "Layer"),
    TokenAt => ("Token {i}: «{t}»", "Token {i}: “{t}”"),
    HeadLabel => ("Kopf", "Head"),
    AttArcsTitle => ("Wohin schaut ein Token?", "Where does a token look?"),
    AttArcsExplain => (
        "Wähle ein Token: Die Bögen zeigen, wie viel Aufmerksamkeit es jedem früheren Token schenkt, dicker heisst mehr. Auf spätere Tokens darf es nicht schauen.",
        "Choose a token: the arcs show how much attention it pays to each earlier token, thicker means more. It may not look at later tokens.",
    ),
    AttMatrixTitle => ("Die Aufmerksamkeitsmatrix", "The attention matrix"),
    AttMatrixExplain => (
        "Zeile: das fragende Token (Query). Spalte: das antwortende Token (Key). Schraffiert ist die Maske, dort steht −∞. Jede Zeile der Gewichte ergibt zusammen 100 %.",
        "Row: the asking token (query). Column: the answering token (key). Hatched is the mask, where the score is −∞. Each row of the weights adds up to 100 %.",
    ),
    AttScores => ("Scores Q·Kᵀ/√d", "Scores Q·Kᵀ/√d"),
    AttMasked => ("Mit Maske", "Masked"),
    AttWeights => ("Gewichte α (Softmax)", "Weights α (softmax)"),
    AttShow => ("Anzeigen", "Show"),
    AttQkvTitle => ("Query, Key und Value", "Query, key and value"),
    AttQkvExplain => (
        "Jedes Token wird dreimal projiziert: als Frage (Q), als Angebot (K) und als Inhalt (V), hier je {dk} Zahlen pro Kopf. Score = Q · K, geteilt durch √{dk}.",
        "Each token is projected three times: as a question (Q), an offer (K) and content (V), here {dk} numbers per head each. Score = Q · K, divided by √{dk}.",
    ),
    AttGridTitle => ("Alle Köpfe aller Schichten", "All heads of all layers"),
    AttGridExplain => (
        "Jeder Kopf lernt sein eigenes Muster. Ein Klick auf ein Bild zeigt diesen Kopf oben.",
        "Each head learns a pattern of its own. Click a picture to show that head above.",
    ),
    AttConcatTitle => ("Zusammenfügen und W_O", "Concatenation and W_O"),
    AttConcatExplain => (
        "Die Ergebnisse der {h} Köpfe werden nebeneinandergelegt und mit der Matrix W_O gemischt. So entsteht wieder ein Vektor mit {d} Zahlen pro Token.",
        "The results of the {h} heads are laid side by side and mixed by the matrix W_O. That gives one vector of {d} numbers per token again.",
    ),
    AttContext => ("Kontext der Köpfe (nebeneinander)", "Heads' contexts (side by side)"),
    AttOutput => ("nach W_O", "after W_O"),

}

impl Msg {
    /// Every message, for completeness checks.
    pub fn all() -> Vec<Msg> {
        let mut v = SIMPLE.to_vec();
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
                | Msg::ComputeCpu
                | Msg::LabPause
                | Msg::ComputeGpu
                | Msg::ModelGpt2
                | Msg::Gpt2ProgressUnknown
                | Msg::ThemeAuto
                | Msg::PromptLabel
                | Msg::TokBpeRow
                | Msg::TokTimes
                | Msg::AttScores
                | Msg::FfnFlowTitle
                | Msg::Neuron
                | Msg::SamGreedy
                | Msg::SamTopK
                | Msg::SamTopP
                | Msg::SamK
                | Msg::SamP
                | Msg::RoleSystem
                | Msg::ChapterTitle(
                    Chapter::Attention | Chapter::Sampling | Chapter::Training | Chapter::LayerNorm
                )
        )
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

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
            /// The chapter's part of the model in a word or two, for the map.
            ChapterShort(Chapter),
        }

        /// The messages without a parameter, in table order.
        const SIMPLE: &[Msg] = &[$(Msg::$name,)*];

        /// `(German, English)` for a message.
        pub(super) fn text(msg: Msg) -> (&'static str, &'static str) {
            match msg {
                $(Msg::$name => ($de, $en),)*
                Msg::ChapterTitle(c) => chapter_title(c),
                Msg::ChapterIntro(c) => chapter_intro(c),
                Msg::ChapterShort(c) => chapter_short(c),
            }
        }
    };
}

messages! {
    AppName => ("Lupe", "Lupe"),
    LessonTitle => ("Lektion", "Lesson"),
    LessonGoal => ("Ziel:", "Goal:"),
    LessonSteps => ("Schritte", "Steps"),
    LessonShowMe => ("Zeig es mir", "Show me"),
    LessonStepOf => ("Schritt {i} von {n}", "Step {i} of {n}"),
    LessonPrev => ("Vorheriger Schritt", "Previous step"),
    LessonNext => ("Nächster Schritt", "Next step"),
    LessonDone => ("erledigt", "done"),
    LessonProgress => (
        "{steps} von {all} Schritten gezeigt · {right} von {questions} Fragen richtig beantwortet",
        "{steps} of {all} steps shown · {right} of {questions} questions answered right",
    ),
    LessonReset => ("Fortschritt zurücksetzen", "Reset progress"),
    LessonPrint => ("Drucken", "Print"),
    LessonTokenMissing => (
        "Das geladene Modell zerlegt den Text anders: Ein Token {t} gibt es hier nicht, darum ist das letzte Token gewählt.",
        "The loaded model splits the text differently: there is no token {t} here, so the last token is chosen.",
    ),
    LessonFewLayers => (
        "Das geladene Modell hat nur {has} Schichten; gewählt ist die letzte statt Schicht {asked}.",
        "The loaded model has only {has} layers; the last one is chosen instead of layer {asked}.",
    ),
    LessonFewHeads => (
        "Das geladene Modell hat nur {has} Köpfe; gewählt ist der letzte statt Kopf {asked}.",
        "The loaded model has only {has} heads; the last one is chosen instead of head {asked}.",
    ),
    QuizTitle => ("Prüf dich", "Check yourself"),
    QuizExplain => (
        "Die Seite rechnet die richtigen Antworten aus dem geladenen Modell aus, sobald du prüfst. Sie passen darum zu deinem Prompt, deinem Modell und deinen Einstellungen.",
        "The page computes the right answers from the loaded model when you check. So they fit your prompt, your model and your settings.",
    ),
    QuizCheck => ("Prüfen", "Check"),
    QuizRight => ("Richtig.", "Right."),
    QuizWrong => ("Noch nicht.", "Not yet."),
    QuizNumber => ("Deine Antwort (Zahl)", "Your answer (a number)"),
    QuizAnswerLine => ("Antwort:", "Answer:"),
    TeacherTitle => ("Für Lehrpersonen", "For teachers"),
    TeacherPlan => ("Ablauf für 45 Minuten", "A 45-minute plan"),
    TeacherMinutes => ("Minuten", "Minutes"),
    TeacherPhase => ("Phase", "Phase"),
    TeacherQuestions => ("Fragen an die Klasse", "Questions for the class"),
    TeacherMisconceptions => (
        "Fehlvorstellungen, die dieses Kapitel aufgreift",
        "Misconceptions this chapter addresses",
    ),
    TeacherLinks => ("Vorbereitete Ansichten zum Teilen", "Prepared views to share"),
    TeacherLinksExplain => (
        "Jeder Link öffnet dieses Kapitel in genau diesem Zustand, auch auf den Geräten der Klasse.",
        "Each link opens this chapter in exactly this state, also on the class's devices.",
    ),
    TeacherPrint => ("Mit diesen Notizen drucken", "Print with these notes"),
    RoleMarker => ("Marker", "marker"),
    Appendix => ("Anhang", "Appendix"),
    MapLabel => ("Karte des Modells", "Map of the model"),
    MapFolded => ("Teil {n} von {total}: {title}", "Part {n} of {total}: {title}"),
    MapOpen => ("Karte öffnen", "Open the map"),
    MapClose => ("Karte schliessen", "Close the map"),
    MapAround => ("Rund ums Modell:", "Around the model:"),
    MapLayersTimes => ("{n} × Schicht", "{n} × layer"),
    MapTokens => ("Tokens ({n})", "Tokens ({n})"),
    MapIds => ("Token-IDs", "Token IDs"),
    MapEmbedding => ("Embedding E", "Embedding E"),
    MapPositions => ("Positionen P", "Positions P"),
    MapSinusoidal => ("Formel, ohne Parameter", "formula, no parameters"),
    MapLayerNorm => ("LayerNorm", "LayerNorm"),
    MapAttention => ("Multi-Head-Attention", "Multi-head attention"),
    MapHeads => ("{h} Köpfe × d_k = {dk} · mit Maske", "{h} heads × d_k = {dk} · masked"),
    MapResidual => ("+ Residualverbindung", "+ residual connection"),
    MapFfn => ("Feed-Forward-Netz (FFN)", "Feed-forward network (FFN)"),
    MapFinalNorm => ("LayerNorm am Schluss", "Final LayerNorm"),
    MapLogits => ("Logits: {v} pro Position", "Logits: {v} per position"),
    MapLogitsTied => ("h · Eᵀ, mit der Embedding-Tabelle", "h · Eᵀ, with the embedding table"),
    MapLogitsUntied => ("h · W_outᵀ, eigene Ausgabematrix", "h · W_outᵀ, its own output matrix"),
    MapSoftmax => ("Softmax → Wahrscheinlichkeiten", "Softmax → probabilities"),
    MapSampling => ("Sampling: die Kandidaten", "Sampling: the candidates"),
    MapAppend => ("Token anhängen, nochmals von vorn", "Append the token, start again"),
    MapCaption => ("Die Zahlen sind die Grössen des geladenen Modells. Jeder Kasten ist ein Link zu seinem Kapitel; der Pfeil rechts ist die Schleife, der Pfad links die Residualverbindung.",
        "The numbers are the loaded model's sizes. Every box links to its chapter; the arrow on the right is the loop, the path on the left the residual connection."),
    OvWhatTitle => ("Was ist ein GPT?", "What is a GPT?"),
    OvWhatExplain => (
        "GPT steht für «Generative Pre-trained Transformer». Es ist ein Sprachmodell (LLM): ein Programm, das aus sehr viel Text gelernt hat, wie wahrscheinlich jedes Token als nächstes kommt. Dein Text, der Prompt, ist seine Eingabe; alles andere in dieser Lupe berechnet das Modell live daraus.",
        "GPT stands for “generative pre-trained transformer”. It is a language model (LLM): a program that has learned from a great deal of text how likely each token is to come next. Your text, the prompt, is its input; everything else in this Lupe is computed live from it by the model.",
    ),
    OvLoopExplain => (
        "Ein GPT sagt nie mehr als ein Token auf einmal voraus. Es schreibt autoregressiv: Token wählen, an den Prompt anhängen, alles nochmals durchrechnen. Eine lange Antwort ist also nur diese Schleife, viele Male hintereinander.",
        "A GPT never predicts more than one token at a time. It writes autoregressively: choose a token, append it to the prompt, compute everything again. A long answer is just this loop, many times over.",
    ),
    OvLoopPrompt => ("Prompt:", "Prompt:"),
    OvLoopNext => ("Das Modell rechnet: Am wahrscheinlichsten ist «{t}» ({p}).", "The model computes: the likeliest next token is “{t}” ({p})."),
    OvLoopAppend => ("Anhängen:", "Append:"),
    OvLoopAgain => ("Und nochmals von vorn, bis ein End-Token kommt oder die Länge erreicht ist.", "And again from the start, until an end token comes or the length is reached."),
    OvMapTitle => ("Die Karte des Modells", "The map of the model"),
    OvMapExplain => (
        "Von oben nach unten fliesst dein Prompt durch das geladene Modell. Oben stehen deine Tokens, unten die wahrscheinlichsten nächsten Tokens. Jedes Token ist unterwegs ein Vektor aus d_model = {d} Zahlen. Dazwischen liegen die Schichten: Jede Schicht normiert zuerst (LayerNorm), lässt die Tokens einander ansehen (Attention), rechnet dann jedes Token einzeln weiter (FFN) und zählt beides zum Eingang dazu.",
        "From top to bottom your prompt flows through the loaded model. Your tokens are at the top, the likeliest next tokens at the bottom. On the way, every token is a vector of d_model = {d} numbers. In between are the layers: each layer first normalises (LayerNorm), lets the tokens look at each other (attention), then works on each token alone (FFN), and adds both to its input.",
    ),
    OvParamsTitle => ("Wo die Parameter sitzen", "Where the parameters are"),
    OvParamsExplain => (
        "Jede Zahl, die das Modell beim Training gelernt hat, ist ein Parameter. Hier sind sie gezählt, Tensor für Tensor aus den geladenen Gewichten. Die meisten stecken in den Schichten, und dort vor allem im FFN.",
        "Every number the model learned in training is a parameter. Here they are counted tensor by tensor from the loaded weights. Most of them sit in the layers, and there mostly in the FFN.",
    ),
    OvPart => ("Teil", "Part"),
    OvCount => ("Parameter", "Parameters"),
    OvShare => ("Anteil", "Share"),
    OvPartEmbedding => ("Embedding-Tabelle E", "Embedding table E"),
    OvPartPositions => ("Positionen P", "Positions P"),
    OvPartAttention => ("Attention (alle {n} Schichten)", "Attention (all {n} layers)"),
    OvPartNorms => ("LayerNorms (2 pro Schicht, 1 am Schluss)", "LayerNorms (2 per layer, 1 at the end)"),
    OvPartFfn => ("FFN (alle {n} Schichten)", "FFN (all {n} layers)"),
    OvPartHead => ("Eigene Ausgabematrix", "Separate output matrix"),
    OvTotal => ("Zusammen", "Total"),
    OvTied => (
        "Gewichtsteilung: Die Logits werden mit derselben Embedding-Tabelle E berechnet; sie ist nur einmal gezählt.",
        "Weight tying: the logits are computed with the same embedding table E; it is counted once.",
    ),
    OvUntied => (
        "Dieses Modell hat für die Logits eine eigene Ausgabematrix; sie ist mitgezählt.",
        "This model has an output matrix of its own for the logits; it is counted.",
    ),
    OvFfnShare => (
        "Das FFN ist kein Anhängsel: {ffn} von {layer} Parametern jeder Schicht, also {share}.",
        "The FFN is no small add-on: {ffn} of each layer's {layer} parameters, that is {share}.",
    ),
    OvScaleTitle => ("Wie gross ist das?", "How big is that?"),
    OvScaleExplain => (
        "Dasselbe Bauprinzip, viel grösser: GPT-2 und GPT-3 haben dieselben Teile wie das geladene Modell, nur mehr Schichten, breitere Vektoren und mehr Köpfe. Die letzte Spalte sagt, wie viel Mal mehr Parameter jedes Modell hat als das geladene.",
        "The same design, much bigger: GPT-2 and GPT-3 have the same parts as the loaded model, only more layers, wider vectors and more heads. The last column says how many times more parameters each model has than the loaded one.",
    ),
    OvLoaded => ("Geladenes Modell", "Loaded model"),
    OvLayers => ("Schichten", "Layers"),
    OvHeads => ("Köpfe", "Heads"),
    OvVocab => ("Vokabular", "Vocabulary"),
    OvContext => ("Kontext", "Context"),
    OvParameters => ("Parameter", "Parameters"),
    OvTimes => ("× so viele", "× as many"),
    OvSources => (
        "Quellen (die Zahlen von GPT-2 small sind die der veröffentlichten Gewichte; das Paper nennt 117 Millionen):",
        "Sources (GPT-2 small's numbers are those of the released weights; the paper says 117 million):",
    ),
    GloListTitle => ("Alle Begriffe", "All terms"),
    GloFilter => ("Begriff suchen", "Find a term"),
    GloCount => ("{n} von {all} Begriffen", "{n} of {all} terms"),
    GloInOther => ("englisch", "German"),

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
    PromptTooLongMemory => (
        "Der Text hat {n} Tokens. Das Modell könnte {ctx} lesen, doch alle Zwischenergebnisse dafür passten nicht in den Speicher dieses Browser-Tabs: Lupe rechnet darum mit den letzten {max}, die ersten {cut} fallen weg.",
        "The text has {n} tokens. The model could read {ctx}, but all the intermediate results for that would not fit this browser tab's memory: so Lupe computes with the last {max}, and the first {cut} are left out.",
    ),
    TokenCount => ("{n} Tokens", "{n} tokens"),
    Examples => ("Beispiele", "Examples"),
    ModelLabel => ("Modell", "Model"),
    ModelChat => ("Chat-Modell", "Chat model"),
    ModelBase => ("Basismodell", "Base model"),
    ModelLoading => ("Das Modell wird geladen …", "Loading the model …"),
    ModelFailed => ("Das Modell konnte nicht geladen werden.", "The model could not be loaded."),
    ChapterComputing => (
        "Das Modell rechnet den Durchgang durch alle Schichten noch; gleich erscheinen hier seine Zahlen.",
        "The model is still computing its pass through all layers; its numbers appear here shortly.",
    ),
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
        "Jedes Kästchen ist ein Token, darunter steht seine Token-ID, also seine Nummer im Vokabular. ␣ steht für ein Leerzeichen. Wird ein Zeichen wie ein Emoji auf mehrere Tokens verteilt, ist keines davon ein ganzes Zeichen; solche Tokens erscheinen als Bytes, etwa <E2>.",
        "Each box is one token, with its token ID, its number in the vocabulary, below it. ␣ marks a space. When a character such as an emoji is split over several tokens, none of them is a whole character; such tokens show up as bytes, like <E2>.",
    ),
    TokVocab => ("Vokabular: {n} Tokens", "Vocabulary: {n} tokens"),
    TokMergeTitle => ("Wie ein Wort zu Tokens wird", "How a word becomes tokens"),
    TokMergeExplain => (
        "Zuerst wird der Text in Stücke zerlegt, meist ein Wort samt dem Leerzeichen davor. BPE beginnt mit den einzelnen Bytes eines Stücks und verbindet dann Schritt für Schritt zwei benachbarte Teile, immer nach der Regel, die beim Training am frühesten gelernt wurde. Warum Bytes? Jeder Text auf einem Computer besteht aus Bytes, und es gibt nur 256 verschiedene: Mit ihnen als Grundalphabet lässt sich jeder Text zerlegen, auch Emojis und Schriften, die beim Training nie vorkamen.",
        "First the text is split into pieces, usually a word together with the space before it. BPE starts from the single bytes of a piece and then, step by step, joins two neighbouring parts, always by the rule that was learned earliest in training. Why bytes? Every text on a computer is made of bytes, and there are only 256 different ones: with them as the base alphabet any text can be split, even emojis and scripts that never occurred in training.",
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
        "Dasselbe Verfahren, aber mit Bytes statt Buchstaben und ohne </w>: Das Leerzeichen gehört hier zum folgenden Wort. Es läuft auf genau dem Text, aus dem der Tokenizer der eingebauten Modelle gelernt hat, darum entstehen die Regeln in derselben Reihenfolge wie in ihrem Vokabular.",
        "The same procedure, but with bytes instead of letters and without </w>: here the space belongs to the following word. It runs on exactly the text the built-in models' tokenizer learned from, so the rules appear in the same order as in their vocabulary.",
    ),
    TokTrainNext => ("Nächste Regel lernen", "Learn the next rule"),
    TokTrainTen => ("10 Regeln lernen", "Learn 10 rules"),
    TokTrainPreparing => (
        "Der Trainingstext wird erzeugt und gezählt …",
        "Generating and counting the training text …",
    ),
    TokTrainOther => (
        "Das geladene Modell hat einen eigenen Tokenizer, der aus anderem Text gelernt hat. Die Regeln hier sind die der eingebauten Modelle, nicht seine.",
        "The loaded model has a tokenizer of its own, learned from other text. The rules here are those of the built-in models, not its own.",
    ),

    EmbLookupTitle => ("Vom Token zur Tabellenzeile", "From token to table row"),
    EmbLookupExplain => (
        "Die Token-ID ist die Zeilennummer in der Embedding-Tabelle. Diese Zeile mit {d} Zahlen ist alles, was das Modell am Anfang über das Token weiss; im nächsten Kapitel kommt seine Position dazu. {d} ist d_model, die Breite des Modells: So viele Zahlen hat der Vektor jedes Tokens, durch alle Schichten hindurch.",
        "The token ID is the row number in the embedding table. That row of {d} numbers is all the model knows about the token at the start; the next chapter adds its position. {d} is d_model, the model's width: every token's vector has this many numbers, through all the layers.",
    ),
    PickToken => ("Token wählen", "Choose a token"),
    EmbRow => (
        "«{token}» → Token-ID {id} → Zeile {id} der Tabelle mit {v} × {d} Zahlen",
        "“{token}” → token ID {id} → row {id} of the table of {v} × {d} numbers",
    ),
    StripLegend => (
        "Jedes Feld ist eine Zahl: blau negativ, orange positiv, je kräftiger, desto grösser. Der genaue Wert steht im Tooltip.",
        "Each cell is one number: blue negative, orange positive, stronger for larger values. Hover for the exact value.",
    ),
    Masked => ("maskiert", "masked"),
    ChipTitle => ("«{t}» · Token-ID {id}", "“{t}” · token ID {id}"),
    EmbNearTitle => ("Ähnliche Vektoren", "Similar vectors"),
    EmbNearExplain => (
        "Zwei Vektoren sind ähnlich, wenn sie fast in dieselbe Richtung zeigen. Der Kosinus misst das: 1 heisst gleiche Richtung (Winkel 0°), 0 heisst rechtwinklig (90°).",
        "Two vectors are similar when they point in nearly the same direction. The cosine measures this: 1 means the same direction (angle 0°), 0 means at right angles (90°).",
    ),
    EmbMapTitle => ("Die Karte des Vokabulars", "A map of the vocabulary"),
    EmbMapExplain => (
        "Die Vektoren aller {v} gelernten Tokens (ohne die 256 Einzelbytes und die Sondertokens), projiziert auf die zwei Richtungen, in denen sie sich am stärksten unterscheiden (Hauptkomponenten, hier im Browser berechnet). Weit auseinander liegende Punkte haben verschiedene Vektoren. Nahe Punkte sind oft ähnlich, aber nicht immer, denn die Karte zeigt nur 2 von {d} Richtungen; genau misst es der Kosinus oben.",
        "The vectors of all {v} learned tokens (without the 256 single bytes and the special tokens), projected onto the two directions in which they differ most (principal components, computed here in your browser). Points far apart have different vectors. Points close together are often similar, but not always, because the map shows only 2 of {d} directions; the cosine above measures it exactly.",
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
    PosFormulaExplain => (
        "Dieses Modell lernt keine Positionen: Es verwendet die feste Formel unten. Hier darum schon die ersten {k} Zeilen dieser Formel.",
        "This model learns no positions: it uses the fixed formula below. So here already are the first {k} rows of that formula.",
    ),
    PosSinTitle => ("Die feste Formel", "The fixed formula"),
    PosSinExplain => (
        "Statt sie zu lernen, kann man Positionen auch mit Sinus- und Kosinuswellen schreiben: links schnelle Wellen, rechts langsame. Jede Zeile ist ein anderes Muster.",
        "Instead of learning them, positions can be written with sine and cosine waves: fast waves on the left, slow ones on the right. Every row is a different pattern.",
    ),
    PosAxes => ("Zeilen: Positionen 0, 1, 2, … · Spalten: die {d} Dimensionen", "Rows: positions 0, 1, 2, … · columns: the {d} dimensions"),
    PosSumTitle => ("X = E + P für deinen Text", "X = E + P for your text"),
    PosSumExplain => (
        "Zu jedem Token wird der Vektor seiner Position addiert. Warum? Die Attention bildet gewichtete Summen, und einer Summe ist die Reihenfolge egal. Ohne Positionsvektoren wüsste ein Token direkt nur, welche Tokens vor ihm stehen, nicht wo; die Maske verrät die Reihenfolge nur auf Umwegen, weil jedes Token einen anderen Anfang des Texts sieht. Mit P trägt jede Stelle eine eigene Markierung, und «Der Hund beisst den Mann» sieht für das Modell sofort anders aus als «Der Mann beisst den Hund».",
        "Each token gets the vector of its position added. Why? Attention forms weighted sums, and a sum does not care about order. Without position vectors a token would directly know only which tokens come before it, not where; the mask reveals the order only indirectly, because each token sees a different beginning of the text. With P every place carries a mark of its own, and “The dog bites the man” looks different to the model from “The man bites the dog” right away.",
    ),
    PosRelTitle => ("Eine dritte Art: relative Positionen", "A third kind: relative positions"),
    PosRelExplain => (
        "Gelernte und berechnete Positionskodierung sind absolut: Jede Stelle hat ihre feste Nummer. Bei relativen Positionen zählt nur der Abstand zwischen zwei Tokens, und er fliesst direkt in die Attention ein, statt zum Embedding addiert zu werden. So machen es etwa T5 und, mit gedrehten Vektoren (RoPE), LLaMA. Vorteil: Ein Muster wie «das Wort direkt davor» gilt an jeder Stelle gleich. GPT-2 und Lupes Modelle verwenden absolute Positionen; unten siehst du für deinen Text beide Sichten.",
        "Learned and computed positional encodings are absolute: every place has its fixed number. With relative positions only the distance between two tokens counts, and it goes straight into attention instead of being added to the embedding. T5 does this, and LLaMA with rotated vectors (RoPE). The advantage: a pattern like “the word right before” works the same at every place. GPT-2 and Lupe's models use absolute positions; below you see both views for your text.",
    ),
    PosRelAbsolute => ("Absolute Position", "Absolute position"),
    PosRelDistance => ("Abstand zu «{t}»", "Distance to “{t}”"),
    LnBeforeAfterTitle => ("Vorher und nachher", "Before and after"),
    LnBeforeAfterExplain => (
        "LayerNorm verschiebt die {d} Zahlen eines Tokens auf den Mittelwert 0 und streckt sie auf die Varianz 1. Danach wird jede Dimension mit einem gelernten Faktor γ multipliziert und um ein gelerntes β verschoben; darum zeigt «Ausgang» nicht genau 0 und 1. Wozu? Die nächste Rechnung bekommt Zahlen in einem festen Bereich, egal wie gross der Vektor inzwischen geworden ist.",
        "LayerNorm shifts one token's {d} numbers to mean 0 and stretches them to variance 1. Then each dimension is multiplied by a learned factor γ and shifted by a learned β; that is why “Output” does not show exactly 0 and 1. What for? The next computation gets numbers in a fixed range, however large the vector has grown by then.",
    ),
    LnStats => ("Mittelwert {mean} · Varianz {var}", "Mean {mean} · variance {var}"),
    LnWhich => ("Welche LayerNorm?", "Which LayerNorm?"),
    LnFirst => ("vor der Attention", "before attention"),
    LnSecond => ("vor dem FFN", "before the FFN"),
    LnFinal => ("am Schluss", "at the end"),
    LnInput => ("Eingang", "Input"),
    LnOutput => ("Ausgang", "Output"),
    LnHistogram => ("Verteilung der {d} Zahlen", "Distribution of the {d} numbers"),
    LnResidualTitle => ("Die Residualverbindung", "The residual connection"),
    LnResidualExplain => (
        "Die Attention liest die normierte Kopie LN₁(x) und rechnet daraus eine Änderung aus; diese wird zum ursprünglichen x addiert. Danach macht das FFN dasselbe ein zweites Mal. Weil x unverändert weiterfliesst, muss jede Schicht nur eine Korrektur lernen, und beim Training gelangt das Fehlersignal über die Additionen ungeschwächt bis zu den ersten Schichten.",
        "Attention reads the normalised copy LN₁(x) and computes a change from it; the change is added to the original x. Then the FFN does the same a second time. Because x flows on unchanged, each layer only has to learn a correction, and in training the error signal passes through the additions undiminished down to the first layers.",
    ),
    LnX => ("x, Eingang der Schicht", "x, the layer's input"),
    LnAttn => ("Änderung durch die Attention", "Change from attention"),
    LnSum => ("x + Änderung", "x + change"),
    LnOrderTitle => ("Vorher oder nachher normieren?", "Normalise before or after?"),
    LnOrderExplain => (
        "Der erste Transformer (2017) normierte nach der Addition: Der Vektor wurde nach jeder Attention und jedem FFN wieder in einen ruhigen Bereich gebracht (Post-LN). GPT-2 und dieses Modell normieren vorher (Pre-LN): Attention und FFN bekommen eine normierte Kopie, die Summe selbst bleibt unnormiert bis zur LayerNorm ganz am Schluss. So fliessen Gradienten auch durch viele Schichten ungestört, und tiefe Modelle lassen sich stabiler trainieren.",
        "The first transformer (2017) normalised after the addition: the vector was brought back into a calm range after every attention and every FFN (post-LN). GPT-2 and this model normalise before (pre-LN): attention and the FFN get a normalised copy, and the sum itself stays unnormalised until the LayerNorm at the very end. That way gradients flow undisturbed even through many layers, and deep models train more stably.",
    ),
    LnPostLn => ("Post-LN (Transformer 2017)", "Post-LN (transformer 2017)"),
    LnPreLn => ("Pre-LN (GPT-2 und dieses Modell)", "Pre-LN (GPT-2 and this model)"),
    LnSublayer => ("Attention oder FFN", "attention or FFN"),
    LnAdd => ("+ Eingang x", "+ input x"),
    LnNorm => ("LayerNorm", "LayerNorm"),
    LnOut => ("weiter zur nächsten Stufe", "on to the next step"),
    FfnFlowTitle => ("W₁ → GELU → W₂", "W₁ → GELU → W₂"),
    FfnFlowExplain => (
        "Das FFN macht den Vektor eines Tokens von {d} auf {f} Zahlen breiter, biegt jede Zahl mit GELU und bringt das Ergebnis mit W₂ wieder auf {d} Zahlen. Dafür braucht es {ffn} Parameter, {share} der ganzen Schicht: Das FFN ist ihr grösster Teil. Warum die Biegung? Ohne Nichtlinearität wären W₁ und W₂ zusammen nur eine einzige Matrix, und das FFN könnte nur gerade Zusammenhänge lernen.",
        "The FFN widens one token's vector from {d} to {f} numbers, bends each number with GELU, and brings the result back to {d} numbers with W₂. That takes {ffn} parameters, {share} of the whole layer: the FFN is its largest part. Why the bend? Without a nonlinearity, W₁ and W₂ together would be just one matrix, and the FFN could only learn straight-line relations.",
    ),
    FfnFlowPlainExplain => (
        "Das FFN macht den Vektor eines Tokens von {d} auf {f} Zahlen breiter, biegt jede Zahl mit GELU und bringt das Ergebnis mit W₂ wieder auf {d} Zahlen. Dafür braucht es {ffn} Parameter, {share} der ganzen Schicht. Warum die Biegung? Ohne Nichtlinearität wären W₁ und W₂ zusammen nur eine einzige Matrix, und das FFN könnte nur gerade Zusammenhänge lernen.",
        "The FFN widens one token's vector from {d} to {f} numbers, bends each number with GELU, and brings the result back to {d} numbers with W₂. That takes {ffn} parameters, {share} of the whole layer. Why the bend? Without a nonlinearity, W₁ and W₂ together would be just one matrix, and the FFN could only learn straight-line relations.",
    ),
    FfnIn => ("Eingang (nach LayerNorm)", "Input (after LayerNorm)"),
    FfnHidden => ("vor GELU", "before GELU"),
    FfnActivated => ("nach GELU", "after GELU"),
    FfnOut => ("Ausgang", "Output"),
    FfnCurveTitle => ("GELU: eine weiche Biegung", "GELU: a smooth bend"),
    FfnCurveExplain => (
        "Jeder Punkt ist ein Neuron des gewählten Tokens (gezeichnet sind die mit Werten zwischen −4 und 4): nach rechts sein Wert vor GELU, nach oben danach. Gestrichelt zum Vergleich ReLU: Sie setzt alles Negative auf 0 und hat bei 0 einen Knick. GELU biegt weich um und lässt kleine negative Werte durch, am tiefsten etwa −0.17 bei x ≈ −0.75.",
        "Each dot is one neuron of the chosen token (those with values between −4 and 4 are drawn): to the right its value before GELU, upwards after it. Dashed, for comparison: ReLU, which sets everything negative to 0 and has a kink at 0. GELU bends smoothly and lets small negative values through, lowest about −0.17 at x ≈ −0.75.",
    ),
    FfnAxes => ("x: Wert vor GELU · y: Wert danach", "x: value before GELU · y: value after"),
    FfnTopTitle => ("Die aktivsten Neuronen", "The most active neurons"),
    FfnTopExplain => ("Die Neuronen mit dem grössten Wert nach GELU, für das gewählte Token.", "The neurons with the largest value after GELU, for the chosen token."),
    Neuron => ("Neuron {i}", "Neuron {i}"),
    LogTopTitle => ("Die wahrscheinlichsten nächsten Tokens", "The likeliest next tokens"),
    LogTopExplain => (
        "Für jedes der {v} Tokens des Vokabulars gibt es eine Punktzahl, ein Logit. Softmax macht daraus Wahrscheinlichkeiten, die zusammen 100 % ergeben. Hier die {k} besten; hinter jedem Balken stehen die Wahrscheinlichkeit bei der eingestellten Temperatur und das Logit.",
        "Each of the vocabulary's {v} tokens gets a score, a logit. Softmax turns the scores into probabilities that add up to 100 %. Here are the best {k}; after each bar come the probability at the current temperature and the logit.",
    ),
    LogTemperatureExplain => (
        "Die Temperatur T teilt die Logits vor Softmax: unter 1 wird die Verteilung spitzer, über 1 flacher. Die Reihenfolge der Tokens bleibt dieselbe.",
        "The temperature T divides the logits before softmax: below 1 the distribution gets sharper, above 1 flatter. The order of the tokens stays the same.",
    ),
    LogUntiedTitle => ("Ausgabematrix: Logits = h · W_outᵀ", "Output matrix: logits = h · W_outᵀ"),
    LogUntiedExplain => (
        "Dieses Modell hat eine eigene Ausgabematrix W_out, getrennt von der Embedding-Tabelle, also keine Gewichtsteilung. Das Logit eines Tokens ist das Skalarprodukt des letzten Vektors h (nach der letzten LayerNorm) mit seiner Zeile in W_out.",
        "This model has an output matrix W_out of its own, separate from the embedding table, so no weight tying. A token's logit is the dot product of the last vector h (after the final LayerNorm) with its row of W_out.",
    ),
    LogDotUntied => ("h · W_out[«{t}»] = {v}", "h · W_out[“{t}”] = {v}"),
    Temperature => ("Temperatur {t}", "Temperature {t}"),
    LogTyingTitle => ("Gewichtsteilung: Logits = h · Eᵀ", "Weight tying: logits = h · Eᵀ"),
    LogTyingExplain => (
        "In diesem Modell ist die Ausgabematrix dieselbe Embedding-Tabelle E wie am Anfang (Gewichtsteilung). h ist der letzte Vektor nach der letzten LayerNorm; das Logit eines Tokens ist das Skalarprodukt von h mit seiner Zeile in E. Das spart eine zweite Tabelle mit {v} × {d} Zahlen, {share} aller Parameter des Modells.",
        "In this model the output matrix is the same embedding table E as at the start (weight tying). h is the last vector after the final LayerNorm; a token's logit is the dot product of h with its row of E. This saves a second table of {v} × {d} numbers, {share} of all the model's parameters.",
    ),
    LogDot => ("h · E[«{t}»] = {v}", "h · E[“{t}”] = {v}"),
    SamMethod => ("Verfahren", "Method"),
    SamMethodsExplain => (
        "Greedy nimmt immer das wahrscheinlichste Token. Die anderen Verfahren würfeln: Die Temperatur formt zuerst die Verteilung um. Top-k behält nur die k wahrscheinlichsten Tokens. Top-p nimmt die Tokens der Reihe nach, vom wahrscheinlichsten an, bis ihre Wahrscheinlichkeiten zusammen p erreichen; der Rest fällt weg. Wie viele Tokens bei Top-p bleiben, hängt also davon ab, wie sicher das Modell ist: Ist es sicher, bleiben wenige.",
        "Greedy always takes the likeliest token. The other methods roll dice: the temperature first reshapes the distribution. Top-k keeps only the k likeliest tokens. Top-p takes the tokens in order, likeliest first, until their probabilities together reach p; the rest drop out. So how many tokens top-p keeps depends on how sure the model is: when it is sure, few remain.",
    ),
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
        "Weggeschnittene Tokens sind durchgestrichen. Die übrigen Wahrscheinlichkeiten werden so skaliert, dass sie wieder 100 % ergeben.",
        "Tokens that are cut off are struck through. The remaining probabilities are rescaled so that they add up to 100 % again.",
    ),
    SamKept => ("{k} von {v} Tokens bleiben im Spiel ({mass} der Wahrscheinlichkeit).", "{k} of {v} tokens stay in play ({mass} of the probability)."),
    SamDrawTitle => ("Der Würfelwurf", "The roll of the dice"),
    SamDrawExplain => (
        "Eine Zufallszahl zwischen 0 und 1 zeigt in den Balken: Das Token, in dessen Abschnitt sie fällt, wird gewählt. Die Zahl hängt vom Startwert (Seed) und von der Länge des Texts ab: Derselbe Startwert gibt beim selben Text immer dieselbe Zahl, und das Kapitel «Generierung» würfelt an derselben Stelle genauso.",
        "A random number between 0 and 1 points into the bar: the token whose section it falls in is chosen. The number depends on the seed and on the length of the text: the same seed always gives the same number for the same text, and the “Generation” chapter rolls the same at the same place.",
    ),
    SamDraw => ("Zufallszahl {u} → «{t}»", "Random number {u} → “{t}”"),
    SamSpecial => (
        "Das ist ein Sondertoken, ein Marker für eine Rolle. Es ist kein Text und wird hier nicht angehängt.",
        "This is a special token, a marker for a role. It is not text and is not appended here.",
    ),
    SamPartial => (
        "Dieses Token ist nur ein Teil eines Zeichens (einige Bytes davon) und lässt sich darum nicht als Text anhängen. Im Kapitel «Generierung» hängt das Modell Token-IDs an; dort geht es weiter.",
        "This token is only part of a character (some of its bytes), so it cannot be appended as text. In the “Generation” chapter the model appends token IDs; continue there.",
    ),
    SamGreedyDraw => ("Greedy würfelt nicht: «{t}» ist das wahrscheinlichste Token.", "Greedy rolls no dice: “{t}” is the likeliest token."),
    SamAppend => ("Token anhängen und weiter", "Append the token and go on"),
    SamAppendExplain => (
        "Das gewählte Token kommt ans Ende des Prompts, und das Modell rechnet den nächsten Schritt: Das ist die Schleife, mit der ein GPT Text schreibt. Hier wird danach der ganze Prompt neu in Tokens zerlegt; dabei können Stücke anders zusammenfallen als beim Generieren, das Token-IDs direkt anhängt.",
        "The chosen token goes to the end of the prompt, and the model computes the next step: that is the loop in which a GPT writes text. Here the whole prompt is then split into tokens again, so pieces may merge differently than in generation, which appends token IDs directly.",
    ),
    SamEnd => (
        "Das ist das End-Token: Hier hört der Text auf.",
        "This is the end token: the text stops here.",
    ),
    GenTitle => ("Token für Token", "Token by token"),
    GenExplain => (
        "Jeder Schritt sagt das nächste Token aus allen bisherigen voraus. Neu durch alle Schichten läuft dabei nur das zuletzt angehängte Token: Keys und Values der früheren Tokens liegen schon bereit (KV-Cache) und ändern sich nicht, weil kein Token auf spätere schaut. Die Spalten zeigen bei jedem Schritt die fünf wahrscheinlichsten Kandidaten; das gewählte ist hervorgehoben.",
        "Each step predicts the next token from all the tokens so far. Only the token appended last goes through all the layers anew: the keys and values of the earlier tokens are ready (KV cache) and do not change, because no token looks at later ones. The columns show the five likeliest candidates at each step; the chosen one is highlighted.",
    ),
    GenSettings => ("Einstellungen aus dem Kapitel «Sampling»: {s}", "Settings from the “Sampling” chapter: {s}"),
    GenMax => ("Höchstens {n} neue Tokens", "At most {n} new tokens"),
    GenStopEnd => ("Fertig: Das Modell hat das End-Token gewählt.", "Done: the model chose the end token."),
    GenStopMax => ("Fertig: Die Höchstzahl neuer Tokens ist erreicht.", "Done: the limit of new tokens is reached."),
    GenStopCtx => ("Fertig: Das Kontextfenster ist voll.", "Done: the context window is full."),
    GenHistory => ("Kandidaten bei jedem Schritt", "Candidates at each step"),
    GenOutput => ("Erzeugter Text", "Generated text"),
    RoleTitle => ("Ein Chat als ein einziger Text", "A chat as one single text"),
    RoleExplain => (
        "Die Chat-Vorlage macht aus dem Chat einen einzigen Text: Jede Nachricht beginnt mit einem Marker-Token für ihre Rolle, die Antwort des Assistenten endet mit dem End-Token. So sieht das Modell den Chat, Token für Token. Nach dem Marker des Assistenten steht hier, was das Chat-Modell auf deinen Chat geantwortet hat, bis zum End-Token: Beim Antworten schreibt das Modell ab diesem Marker weiter.",
        "The chat template turns the chat into one single text: every message starts with a marker token for its role, and the assistant's answer ends with the end token. This is the chat as the model sees it, token by token. After the assistant's marker you see what the chat model answered to your chat, up to the end token: to answer, the model writes on from that marker.",
    ),
    RoleSystem => ("System", "System"),
    RoleDeveloper => ("Entwickler", "Developer"),
    RoleUser => ("Benutzer", "User"),
    RoleAssistant => ("Assistent", "Assistant"),
    RoleSystemDefault => ("Du bist ein freundlicher Assistent. Antworte kurz und richtig.", "You are a friendly assistant. Answer briefly and correctly."),
    RoleUserDefault => ("Was macht der König?", "What does the king do?"),
    RoleDeveloperHint => ("freiwillig, z. B. «Antworte auf Englisch.»", "optional, e.g. “Answer in German.”"),
    RoleLegend => (
        "Farbe: Rolle · gestrichelt: Marker · fett umrandet: zählt im Verlust beim Feintuning (SFT)",
        "Colour: role · dashed: marker · bold outline: counts in the loss in fine-tuning (SFT)",
    ),
    RoleCompareTitle => ("Basismodell und Chat-Modell", "Base model and chat model"),
    RoleCompareExplain => (
        "Derselbe Chat an beide Modelle. Das Basismodell hat nur gelernt, Texte fortzusetzen, und Marker-Tokens beim Vortraining nie gesehen: Nach dem Marker des Assistenten rät es darum, was in gewöhnlichem Text folgen könnte, oft nur ein Satzzeichen oder ein Satzanfang, der nicht zur Frage passt. Das Chat-Modell hat zusätzlich Dialoge gelernt (Feintuning, SFT), auch, nach der Antwort das End-Token zu schreiben, an dem jede Antwort aufhört.",
        "The same chat to both models. The base model only learned to continue texts and never saw marker tokens in pretraining: after the assistant's marker it guesses what might follow in ordinary text, often just a punctuation mark or a sentence start that does not fit the question. The chat model also learned dialogs (fine-tuning, SFT), including writing the end token after its answer, where every answer stops.",
    ),
    LabTabs => ("Trainingsphasen", "Training phases"),
    LabTabPretrain => ("1 · Vortraining", "1 · Pretraining"),
    LabTabSft => ("2 · Feintuning (SFT)", "2 · Fine-tuning (SFT)"),
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
    LabDiverged => (
        "Der Verlust oder die Gradienten sind keine endliche Zahl mehr (NaN oder ∞): Die Schritte waren zu gross, die Gewichte sind explodiert. Das Training wurde angehalten; die letzten guten Gewichte bleiben. Eine kleinere Lernrate hilft meistens.",
        "The loss or the gradients are no longer a finite number (NaN or ∞): the steps were too big and the weights blew up. Training was stopped; the last good weights stay. A smaller learning rate usually helps.",
    ),
    LabTryLr => ("Neu starten mit Lernrate", "Restart with learning rate"),
    LabPreparedTitle => ("Vorbereitung: bereinigen, tokenisieren, zerschneiden", "Preparation: clean, tokenize, cut"),
    LabCapped => (
        "Dein Text war {n} Bytes lang; verwendet wird nur das erste Megabyte.",
        "Your text was {n} bytes long; only the first megabyte is used.",
    ),
    LabCleaning => ("Bereinigung der Webseiten", "Cleaning the web pages"),
    LabCleaningSummary => (
        "{in} rohe Seiten rein, {out} bereinigte Seiten raus. Entfernt wurden ganze Seiten (Duplikat, zu kurz) und einzelne Zeilen (Standardtext, Werbung, Datenmüll):",
        "{in} raw pages in, {out} cleaned pages out. Removed were whole pages (duplicate, too short) and single lines (boilerplate, spam, junk):",
    ),
    LabMerges => ("Der Tokenizer lernt: die ersten Verschmelzungen", "The tokenizer learns: the first merges"),
    LabDataSummary => ("Vokabular {vocab} Tokens · {tokens} Tokens Trainingstext · Modell mit {params} Parametern",
        "Vocabulary {vocab} tokens · {tokens} tokens of training text · model with {params} parameters"),
    LabBlocks => ("Zerschneiden in Blöcke fester Länge", "Cutting into fixed-length blocks"),
    LabBlocksExplain => (
        "Der Tokenstrom wird ohne Rücksicht auf Sätze in gleich lange Stücke geschnitten und gemischt. In jedem Stück ist das Ziel an jeder Stelle einfach das nächste Token: die Eingabe um eins verschoben. Warum gleich lang und mehrere auf einmal (ein Batch)? Gleich lange Stücke passen zusammen in eine Matrix und lassen sich in einem Zug rechnen, und der Mittelwert über viele Stücke gibt einen ruhigeren Gradienten als ein einzelnes.",
        "The token stream is cut into equal pieces with no regard for sentences, and shuffled. In each piece the target at every position is simply the next token: the input shifted by one. Why equal lengths, and several at once (a batch)? Pieces of equal length fit together into one matrix and are computed in one go, and the average over many pieces gives a steadier gradient than a single one.",
    ),
    LabInput => ("Eingabe", "Input"),
    LabTarget => ("Ziel", "Target"),
    LabMixture => ("Datenmischung: Anteil jeder Quelle", "Data mixture: share of each source"),
    LabLiveTitle => ("Live: das Modell lernt", "Live: the model learns"),
    LabStatusRunning => ("Schritt {step} · {rate} Tokens pro Sekunde", "Step {step} · {rate} tokens per second"),
    LabStatusPaused => ("Angehalten bei Schritt {step}", "Paused at step {step}"),
    LabTokenLoss => ("Verlust pro Token (Teacher Forcing)", "Loss per token (teacher forcing)"),
    LabTokenLossExplain => (
        "Ein fester Ausschnitt aus dem Validierungstext, den das Modell nie zum Lernen bekommt. Jedes Kästchen ist ein Ziel-Token; je dunkler, desto grösser sein Verlust −ln p, wobei p die Wahrscheinlichkeit ist, die das Modell dem richtigen Token gab. Das ist die Kreuzentropie: 0 bei p = 1, schon 4.6 bei p = 0.01. Als Eingabe bekommt das Modell beim Training immer den echten Text, nie seine eigenen Fehler (Teacher Forcing).",
        "A fixed piece of the validation text that the model never learns from. Each box is a target token; the darker, the larger its loss −ln p, where p is the probability the model gave the right token. That is the cross-entropy: 0 at p = 1, already 4.6 at p = 0.01. In training the model's input is always the real text, never its own mistakes (teacher forcing).",
    ),
    LabMask => ("Die kausale Maske", "The causal mask"),
    LabMaskExplain => ("Beim Training sagt das Modell alle Positionen eines Blocks gleichzeitig voraus. Damit es nicht schummelt, darf jede Zeile nur auf sich und frühere Tokens schauen (✓).",
        "In training the model predicts every position of a block at once. So that it cannot cheat, each row may only look at itself and earlier tokens (✓)."),
    LabSamples => ("Was das Modell schreibt (alle 100 Schritte)", "What the model writes (every 100 steps)"),
    LabSftTitle => ("Feintuning mit Dialogen (SFT)", "Fine-tuning with dialogs (SFT)"),
    LabRemovedDuplicate => ("Duplikat (Seiten)", "Duplicate (pages)"),
    LabRemovedBoilerplate => (
        "Standardtext wie Navigation, Fusszeile, Cookie-Hinweis (Zeilen)",
        "Boilerplate such as navigation, footers, cookie notices (lines)",
    ),
    LabRemovedSpam => ("Werbung (Zeilen)", "Spam (lines)"),
    LabRemovedJunk => (
        "Datenmüll wie Code oder kaputte Zeichen (Zeilen)",
        "Junk such as code or broken characters (lines)",
    ),
    LabRemovedTooShort => ("zu kurz (Seiten)", "Too short (pages)"),
    LabSrcSentences => ("Alltagssätze", "Everyday sentences"),
    LabSrcStories => ("Geschichten", "Stories"),
    LabSrcWeb => ("Webseiten", "Web pages"),
    LabSrcOwn => ("Eigener Text", "Own text"),
    LabSrcTokens => ("{name} ({n} Tokens)", "{name} ({n} tokens)"),
    LabTokenLossTip => ("«{i}» → «{t}» · Verlust {l} (−ln p)", "“{i}” → “{t}” · loss {l} (−ln p)"),
    LabSftExplain => (
        "Ein Basismodell setzt Text nur fort. Mit Beispiel-Dialogen im Rollenformat lernt es, auf Fragen zu antworten. Wähle ein Modell und starte; am Ende siehst du dieselbe Frage vorher und nachher beantwortet. Die Dialoge werden wie beim Vortraining aneinandergehängt und in gleich lange Blöcke geschnitten, auch mitten in einem Dialog.",
        "A base model only continues text. With example dialogs in the role format it learns to answer questions. Choose a model and start; at the end you see the same question answered before and after. As in pretraining, the dialogs are joined and cut into blocks of equal length, even in the middle of a dialog.",
    ),
    LabSftBase => ("Ausgangsmodell", "Starting model"),
    LabSftPretrained => ("Dein vortrainiertes Modell", "Your pretrained model"),
    LabSftRepeats => ("Jeder Dialog (Übergewichtung)", "Each dialog (oversampling)"),
    LabSftEpochs => ("Epochen", "Epochs"),
    LabSftQuestion => ("Testfrage", "Test question"),
    LabSftStart => ("Feintuning starten", "Start fine-tuning"),
    LabSftMaskTitle => ("Welche Tokens zählen im Verlust", "Which tokens count in the loss"),
    LabSftMaskExplain => (
        "Umrandete Tokens zählen im Verlust: nur der Text des Assistenten samt End-Token. Marker sowie System-, Entwickler- und Benutzertext sind nur Kontext, denn das Modell soll lernen zu antworten, nicht Fragen oder Anweisungen zu schreiben. Ihr Verlust wird mit 0 gewichtet und liefert keinen Gradienten.",
        "Outlined tokens count in the loss: only the assistant's text with its end token. Markers and the system's, developer's and user's text are context only, because the model should learn to answer, not to write questions or instructions. Their loss is weighted 0 and gives no gradient.",
    ),
    LabCounted => ("zählt im Verlust", "counts in the loss"),
    LabNotCounted => ("nur Kontext", "context only"),
    LabSftSummary => (
        "{dialogs} Dialoge (mit Wiederholungen) · {counted} von {tokens} Tokens zählen",
        "{dialogs} dialogs (repeats included) · {counted} of {tokens} tokens count",
    ),
    LabBefore => ("Vorher", "Before"),
    LabAfter => ("Nachher", "After"),
    LabRlhfTitle => ("Antworten bewerten (RLHF)", "Rating answers (RLHF)"),
    LabRlhfExplain => (
        "Das Chat-Modell (dein Modell aus dem Tab «Feintuning», falls du eines trainiert hast, sonst das eingebaute) schreibt mehrere Antworten auf dieselbe Frage. Du ordnest sie; daraus lernt ein Bewertungsmodell, und danach wird das Chat-Modell in Richtung besser bewerteter Antworten verschoben. Warum erst nach dem Feintuning? Ordnen lässt sich nur, was schon wie eine Antwort aussieht; ein Basismodell würde kaum brauchbare Antworten zum Vergleichen liefern.",
        "The chat model (yours from the fine-tuning tab if you trained one, else the built-in one) writes several answers to the same question. You order them; a reward model learns from that, and then the chat model is pushed towards answers that score better. Why only after fine-tuning? Only what already looks like an answer can be ranked; a base model would hardly give answers worth comparing.",
    ),
    LabSample => ("4 Antworten erzeugen", "Generate 4 answers"),
    LabRankTitle => ("Deine Rangfolge", "Your ranking"),
    LabRankExplain => (
        "Ordne mit ↑ und ↓: oben die beste Antwort. Jedes Paar (besser, schlechter) wird ein Vergleich; gleiche Antworten werden nicht verglichen.",
        "Order with ↑ and ↓: the best answer on top. Every pair (better, worse) becomes a comparison; identical answers are not compared.",
    ),
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
    LabPolicyTitle => (
        "Das Chat-Modell nach der Bewertung ausrichten",
        "Aligning the chat model with the reward",
    ),
    LabPolicyExplain => (
        "Policy-Gradient (REINFORCE mit KL-Strafe, kein PPO): Das Modell schreibt Antworten, das Bewertungsmodell vergibt Punkte, und besser bewertete Antworten werden wahrscheinlicher. β bestraft, wenn sich das Modell zu weit vom Ausgangsmodell entfernt; gemessen wird das mit der KL-Divergenz. Mit kleinem β findet das Modell gern Abkürzungen, die dem Bewertungsmodell gefallen, Menschen aber nicht (Reward Hacking): Achte auf die KL-Spalte und die Beispiele. Die Optimierungsschritte würfeln immer mit Temperatur 1.",
        "Policy gradient (REINFORCE with a KL penalty, not PPO): the model writes answers, the reward model scores them, and better-scored answers become likelier. β penalises drifting too far from the starting model, measured by the KL divergence. With a small β the model likes to find shortcuts the reward model enjoys but people do not (reward hacking): watch the KL column and the examples. The optimisation steps always sample at temperature 1.",
    ),
    LabOptimise => ("8 Optimierungsschritte", "8 optimisation steps"),
    LabMeanReward => ("mittlere Bewertung", "mean reward"),
    LabPreferredProb => ("Wahrsch. pro Token deiner besten Antwort", "Per-token prob. of your best answer"),
    LabExample => ("Beispielantwort", "Example answer"),
    RagKbTitle => ("Die Wissensbasis", "The knowledge base"),
    RagKbExplain => (
        "Dieses Kapitel verwendet zwei eigene eingebaute Modelle: das Suchmodell, ein Embedding-Modell, das Texte in Vektoren verwandelt, und das Abrufmodell, das antwortet. Das Abrufmodell hat im Training Tausende Sätze über Schulräume, Lehrpersonen, Busse und Feste gelesen, aber mit zufälligen Werten; welche für die ausgedachte Lindenschule und das Städtchen Seewil gelten, kann es darum nicht wissen. Ihr Handbuch und der Stadtführer liegen hier als Text bereit, und du kannst eigene Texte dazulegen. Nichts davon verlässt deinen Browser.",
        "This chapter uses two built-in models of its own: the search model, an embedding model that turns texts into vectors, and the retrieval model, which answers. In training the retrieval model read thousands of sentences about school rooms, teachers, buses and events, but with random values; so it cannot know which ones hold for the made-up Lindenschule and the small town of Seewil. Their handbook and town guide are ready here as text, and you can add texts of your own. None of it leaves your browser.",
    ),
    RagUseHandbook => (
        "Handbuch der Lindenschule und Stadtführer Seewil verwenden",
        "Use the Lindenschule handbook and the Seewil town guide",
    ),
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
    RagLoading => ("Die Modelle werden geladen …", "Loading the models …"),
    RagModelFailed => ("Die Modelle konnten nicht geladen werden:", "The models could not be loaded:"),
    RagIndexing => ("Abschnitte werden in Vektoren verwandelt: {done} von {all}", "Turning chunks into vectors: {done} of {all}"),
    RagChunksTitle => ("In Abschnitte schneiden", "Cutting into chunks"),
    RagChunksExplain => (
        "Gesucht wird in kleinen Stücken, damit ein Treffer genau die passende Stelle liefert und in den Prompt passt. Ein Abschnitt (Chunk) besteht aus ganzen Sätzen mit zusammen höchstens so vielen Wörtern wie eingestellt; nur ein Satz, der allein länger ist, wird zerschnitten. Mit Überlappung beginnt jeder Abschnitt mit so vielen letzten ganzen Sätzen des vorherigen, wie in die Überlappung passen; so kann eine Angabe über zwei Sätze vollständig in einem Abschnitt stehen.",
        "Search works on small pieces so that a hit points to the right passage and fits into the prompt. A chunk is made of whole sentences with at most the set number of words together; only a sentence that is longer on its own is cut. With overlap, each chunk starts with as many last whole sentences of the previous one as fit into the overlap, so that a fact spread over two sentences can be complete in one chunk.",
    ),
    RagChunkSize => ("Abschnittsgrösse: höchstens {n} Wörter", "Chunk size: at most {n} words"),
    RagOverlap => (
        "Überlappung: höchstens {n} Wörter (ganze Sätze)",
        "Overlap: at most {n} words (whole sentences)",
    ),
    RagChunkCount => ("{n} Abschnitte (die ersten zwölf unten)", "{n} chunks (the first twelve below)"),
    RagTooManyChunks => ("Das ergibt {all} Abschnitte; durchsucht werden die ersten {max}. Grössere Abschnitte helfen.",
        "That makes {all} chunks; the first {max} are searched. Larger chunks help."),
    RagAskTitle => ("Frage stellen", "Ask a question"),
    RagQuestion => ("Frage", "Question"),
    RagAsk => ("Suchen und antworten", "Search and answer"),
    RagResultsTitle => ("Drei Arten zu suchen", "Three ways to search"),
    RagResultsExplain => (
        "Die Vektorsuche sucht nach Bedeutung: Das Suchmodell macht aus der Frage und aus jedem Abschnitt einen Vektor der Länge 1, sortiert wird nach Kosinus-Ähnlichkeit. Die Stichwortsuche (BM25) ist die klassische Suche von Suchmaschinen: Gemeinsame Wörter zählen, seltene mehr und lange Abschnitte etwas weniger; ähnliche Wörter zählen nicht, häufige wie «die» oder «wann» gar nicht. Die hybride Suche legt die fünf besten Treffer beider Listen zusammen (Reciprocal Rank Fusion): Ein Abschnitt auf Platz r einer Liste bekommt 1/(k + r) Punkte, und die Punkte beider Listen werden addiert. Warum Plätze statt Werte? Kosinus und BM25 haben verschiedene Skalen, Plätze lassen sich direkt vergleichen. Je kleiner k, desto mehr zählen die ersten Plätze. Voreingestellt ist k = 1: Nur drei Treffer kommen in den Prompt, und so ist der erste Treffer jeder Liste fast immer dabei. Bei k = 1 haben die zweiten Treffer beider Listen gleich viele Punkte (1/3); bei Gleichstand kommt der Treffer der Vektorsuche zuerst, denn Fragen in anderen Worten sind der häufige Fall, und dort ist sie die stärkere Suche. Bei k = 60 (dem Wert aus dem Originalartikel, gedacht für lange Listen) verdrängt schon ein Abschnitt, den beide Listen erst auf Platz 4 und 5 haben, den ersten Treffer einer Liste: 1/64 + 1/65 ist mehr als 1/61.",
        "Vector search looks for meaning: the search model turns the question and every chunk into a vector of length 1, sorted by cosine similarity. Keyword search (BM25) is the classic search-engine ranking: shared words count, rare ones more, and long chunks somewhat less; similar words do not count, and common ones such as “the” or “when” not at all. Hybrid search merges the five best hits of both lists (reciprocal rank fusion): a chunk at rank r of a list earns 1/(k + r) points, and the points of both lists are added. Why ranks, not scores? Cosine and BM25 have different scales; ranks compare directly. The smaller k, the more the top ranks count. The default is k = 1: only three hits go into the prompt, and this way the first hit of each list is almost always among them. At k = 1 the second hits of both lists earn the same points (1/3); on a tie the vector-search hit comes first, because questions in other words are the common case, and there it is the stronger search. At k = 60 (the setting from the original paper, meant for long lists), even a chunk that both lists rank only 4th and 5th pushes out the first hit of one list: 1/64 + 1/65 is more than 1/61.",
    ),
    RagVectorSearch => ("Vektorsuche", "Vector search"),
    RagKeywordSearch => ("Stichwortsuche (BM25)", "Keyword search (BM25)"),
    RagHybridSearch => ("Hybride Suche (RRF)", "Hybrid search (RRF)"),
    RagHoldsAnswer => ("enthält die Antwort", "holds the answer"),
    RagRrfK => ("k der Rangfusion", "k of rank fusion"),
    RagAskHint => (
        "Enter, der Knopf oder das Verlassen des Felds startet die Suche; k ist die Zahl der Treffer pro Suche.",
        "Enter, the button or leaving the field starts the search; k is the number of hits per search.",
    ),
    RagQueryCut => (
        "Die Frage ist länger als die {n} Tokens, die das Suchmodell liest: Die Vektorsuche verwendet ihre ersten {n} Tokens, die Stichwortsuche die ganze Frage.",
        "The question is longer than the {n} tokens the search model reads: vector search uses its first {n} tokens, keyword search the whole question.",
    ),
    RagCasesTitle => ("Wann gewinnt welche Suche?", "When does which search win?"),
    RagCasesExplain => (
        "Zwei Fragen, live auf den Abschnitten oben gesucht, mit dem Platz, auf dem jede Suche den Abschnitt mit der Antwort findet.",
        "Two questions, searched live on the chunks above, with the rank at which each search finds the chunk with the answer.",
    ),
    RagCaseSynonymWhy => (
        "Das Handbuch schreibt «Bibliothek», die Frage sagt «Bücherei». Für BM25 sind das zwei verschiedene Wörter; es zählt nur genau gleiche. Das Suchmodell hat im Training Fragen mit «Bücherei» zu Sätzen mit «Bibliothek» hingezogen und bildet beide darum nahe ab.",
        "The handbook writes “library”, the question says “media centre”. To BM25 those are different words; it only counts exact matches. In training, the search model pulled questions with “media centre” towards sentences with “library”, so it maps both close together.",
    ),
    RagCaseRareWhy => (
        "Der Name kommt im ganzen Text nur einmal vor. BM25 gibt seltenen Wörtern viel Gewicht und findet den Abschnitt darum sofort. Das Suchmodell hat solche Fragen nie geübt (im Training wurde gefragt, wer einen Ort leitet, nicht umgekehrt) und liest den seltenen Namen als ein paar kleine Tokens; auf seinen Platz ist darum weniger Verlass.",
        "The name occurs only once in the whole text. BM25 gives rare words much weight and so finds the chunk at once. The search model never practised such questions (training asked who runs a place, not the other way round) and reads the rare name as a few small tokens, so its rank is less reliable.",
    ),
    RagRank => ("Platz {r}", "rank {r}"),
    RagNotAmongHits => ("nicht unter den Treffern", "not among the hits"),
    RagAskThis => ("Diese Frage stellen", "Ask this question"),
    RagContrastiveTitle => ("Wie das Suchmodell Bedeutung gelernt hat", "How the search model learned meaning"),
    RagContrastiveExplain => (
        "Das Suchmodell startet als Basismodell und bekommt einen Zusatz: Es mittelt die {d} Zahlen nach der letzten LayerNorm über alle Tokens eines Texts, bildet sie mit einer gelernten Matrix (der Projektion) auf {k} Zahlen ab und teilt durch die Länge, sodass jeder Vektor die Länge 1 hat. Netz und Projektion wurden kontrastiv trainiert, mit Paaren aus einer Frage und einem kurzen Text mit zufälligen Werten, der sie beantwortet: Der Vektor der Frage wird zu seinem Text hingezogen und von den Texten der anderen Paare im selben Batch weggestossen (InfoNCE). Vor Softmax werden die Ähnlichkeiten durch eine kleine Zahl τ geteilt: Je kleiner τ, desto strenger der Vergleich. Warum so? Niemand muss Bedeutungen aufschreiben; es genügen Beispiele dafür, was zusammengehört. Die Karten zeigen deine Frage und alle Abschnitte, links mit dem Startpunkt vor dem Training, rechts danach.",
        "The search model starts as the base model with an addition: it averages the {d} numbers after the last LayerNorm over all tokens of a text, maps them with a learned matrix (the projection) to {k} numbers and divides by the length, so that every vector has length 1. Body and projection were trained contrastively, on pairs of a question and a short text with random values that answers it: the question's vector is pulled towards its text and pushed away from the texts of the other pairs in the same batch (InfoNCE). Before softmax the similarities are divided by a small number τ: the smaller τ, the stricter the comparison. Why this way? Nobody has to write meanings down; examples of what belongs together are enough. The maps show your question and all chunks, on the left at the starting point before training, on the right after it.",
    ),
    RagBefore => ("Vor dem Training", "Before training"),
    RagAfter => ("Nach dem Training", "After training"),
    RagRanks => (
        "Der Abschnitt mit der Antwort steht in der Vektorsuche vor dem Training auf {before}, danach auf {after}.",
        "In vector search the chunk with the answer ranks {before} before training and {after} after it.",
    ),
    RagRankOf => ("Platz {r} von {n}", "{r} of {n}"),
    RagUnknownQuestion => (
        "Kein Abschnitt ist als Antwort markiert: Entweder kennt die Wissensbasis diese Frage nicht, oder ihre Antwort ist auf zwei Abschnitte verteilt.",
        "No chunk is marked as the answer: either the knowledge base does not know this question, or its answer is split over two chunks.",
    ),
    RagNoMatch => ("Kein Abschnitt enthält ein Stichwort der Frage (häufige Wörter wie «die» oder «wann» zählen nicht).", "No chunk contains a keyword of the question (common words such as “the” or “when” do not count)."),
    RagScaleNote => ("Hier wird die Frage mit jedem Abschnitt verglichen – bei ein paar hundert Abschnitten dauert das Bruchteile einer Millisekunde. Bei Millionen Dokumenten gruppieren Indexe wie FAISS oder Milvus die Vektoren vorab (Cluster oder Nachbarschaftsgraphen) und vergleichen nur mit einem kleinen Teil: viel schneller, dafür wird ab und zu der beste Treffer verpasst.",
        "Here the question is compared with every chunk – at a few hundred chunks that takes a fraction of a millisecond. At millions of documents, indexes such as FAISS or Milvus group the vectors in advance (clusters or neighbour graphs) and compare with a small part only: much faster, at the price of now and then missing the best match."),
    RagMap => ("Karte der Abschnitte und der Frage", "Map of the chunks and the question"),
    RagMeasuredExplain => (
        "Gemessen mit 108 Testfragen pro Sprache, die andere Wörter brauchen als Handbuch und Stadtführer und die im Training nie vorkamen (Abschnitte bis 20 Wörter, k = 3 Treffer): Den richtigen Abschnitt unter den ersten drei hatte die Vektorsuche in 82 % (Deutsch) und 93 % (Englisch) der Fälle, die Stichwortsuche nur in 13 % und 24 %, die hybride Suche in 85 % und 91 %. Bei 30 Fragen nach einem seltenen Namen oder einer Liniennummer ist es umgekehrt: Stichwortsuche 100 % und 100 %, Vektorsuche 73 % und 37 %, hybrid 100 % und 100 %. Die hybride Suche liegt nie weit unter der besseren Suche (höchstens 2 Prozentpunkte) und findet jede Frage nach einem Namen; darum kommen standardmässig ihre Treffer in den Prompt.",
        "Measured with 108 test questions per language that need other words than the handbook and the town guide and never occurred in training (chunks up to 20 words, k = 3 hits): vector search had the right chunk among the first three in 82 % (German) and 93 % (English) of cases, keyword search only in 13 % and 24 %, hybrid search in 85 % and 91 %. For 30 questions about a rare name or a bus line's number it is the other way round: keyword search 100 % and 100 %, vector search 73 % and 37 %, hybrid 100 % and 100 %. Hybrid search is never far below the better search (at most 2 percentage points) and finds every question by a name; that is why its hits go into the prompt by default.",
    ),
    RagChunkN => ("Abschnitt {n}", "Chunk {n}"),
    RagMapCaption => (
        "Jeder Punkt ist ein Abschnitt (die zwei Hauptrichtungen seiner Vektoren), das Quadrat der Abschnitt mit der Antwort, der Stern die Frage; nummeriert sind die Treffer der Vektorsuche.",
        "Every dot is a chunk (the two main directions of its vectors), the square the chunk with the answer, the star the question; the vector-search hits are numbered.",
    ),
    RagPromptTitle => ("Was das Modell liest", "What the model reads"),
    RagWhichHits => ("Treffer für den Prompt", "Hits for the prompt"),
    RagPromptExplain => (
        "Die Treffer kommen als Kontext vor die Frage; genau diese {n} Tokens liest das Modell. Platz: {ctx} Tokens, davon {answer} für die Antwort; {used} Abschnitte passen hinein.",
        "The hits go before the question as context; the model reads exactly these {n} tokens. Room: {ctx} tokens, {answer} of them kept for the answer; {used} chunks fit.",
    ),
    RagWithContext => ("Antwort mit Kontext", "Answer with context"),
    RagWithoutContext => ("Antwort ohne Kontext", "Answer without context"),
    RagNothingRetrieved => ("Nichts gefunden – ohne Kontext kann das Modell nur raten.", "Nothing found – without context the model can only guess."),
    RagAskedAbout => ("Frage: {q}", "Question: {q}"),
    RagAnswerMeasured => (
        "Gemessen mit denselben 108 Testfragen pro Sprache: Mit den drei hybriden Treffern im Prompt nennt das Abrufmodell den richtigen Wert in 42 % (Deutsch) und 44 % (Englisch) der Fälle, ohne Kontext in 0 % und 1 %. Besteht der Kontext nur aus dem Satz mit der Antwort, sind es 78 % und 97 %: Aus einem einzelnen Satz schreibt es den Wert meist richtig ab. Die drei Treffer enthalten aber meist mehrere Sätze derselben Art, etwa mehrere Öffnungszeiten, und andere Sätze über dasselbe Ding. Dann muss es den Wert dem Ding zuordnen, das die Frage oft mit einem anderen Wort nennt («Bücherei» statt «Bibliothek»), und auf die Art der Frage achten (wann, wo, wer); daran scheitert es mit 1 Million Parametern und 4 Schichten noch oft. Darum standen im Training viele solche Kontexte: neben dem Satz mit der Antwort bis zu acht weitere Angaben, meist derselben Art und oft in derselben Form, und manchmal noch eine andere Angabe über das gefragte Ding. In der Hälfte der Kontexte standen zudem erfundene Werte wie «Frau Kalomi»: Die kann es nicht erraten, nur abschreiben. Ohne Kontext setzt es darum manchmal selbst so ein erfundenes Wort ein. Grosse Modelle mit Milliarden Parametern können beides viel besser.",
        "Measured with the same 108 test questions per language: with the three hybrid hits in the prompt, the retrieval model names the right value in 42 % (German) and 44 % (English) of cases, without context in 0 % and 1 %. When the context is nothing but the sentence with the answer, it is 78 % and 97 %: from a single sentence it mostly copies the value correctly. But the three hits mostly hold several sentences of the same kind, such as several opening times, and other sentences about the same thing. Then it has to tie the value to the thing the question often names with another word (“media centre” for “library”), and heed what kind of question it is (when, where, who); with 1 million parameters and 4 layers it still often fails at that. That is why its training had many such contexts: besides the sentence with the answer up to eight other facts, mostly of the same kind and often in the same form, and sometimes another fact about the thing asked for. Half of the contexts also held made-up values such as “Ms Kalomi”: it cannot guess those, only copy them. So without context it sometimes puts in such a made-up word itself. Large models with billions of parameters do both far better.",
    ),
    RagWebTitle => ("Websuche (offline)", "Web search (offline)"),
    RagWebExplain => (
        "Chatbots mit Websuche lassen das Modell zuerst eine Suchanfrage schreiben. Hier durchsucht Lupe mit dieser Anfrage eine mitgelieferte Sammlung von Webschnipseln über Öffnungszeiten (Stichwortsuche, BM25); die zwei besten Treffer kommen in den Prompt. Die Schnipsel stammen von anderen Seiten als das Handbuch und müssen nicht mit ihm übereinstimmen.",
        "Chatbots with web search first let the model write what to search for. Here Lupe searches a bundled collection of web snippets about opening hours with those words (keyword search, BM25); the two best hits go into the prompt. The snippets come from other sites than the handbook and need not agree with it.",
    ),
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
        "Wähle ein Token: Die Bögen zeigen sein Aufmerksamkeitsgewicht α für jedes frühere Token und für sich selbst; dicker heisst mehr, zusammen sind es 100 %. Auf spätere Tokens darf es nicht schauen: Die Maske verbietet es, denn beim Training stünde dort die Lösung.",
        "Choose a token: the arcs show its attention weight α for each earlier token and for itself; thicker means more, and together they make 100 %. It may not look at later tokens: the mask forbids it, because in training the answer would be there.",
    ),
    AttArcsLabel => ("Aufmerksamkeitsgewichte von «{t}»", "Attention weights of “{t}”"),
    AttMatrixTitle => ("Die Aufmerksamkeitsmatrix", "The attention matrix"),
    AttMatrixExplain => (
        "Zeile: das fragende Token (Query). Spalte: das antwortende Token (Key). «Scores» zeigt Q·Kᵀ/√d_k für alle Paare. «Mit Maske» setzt die Felder oberhalb der Diagonale, also spätere Tokens, auf −∞ (schraffiert); Softmax macht daraus α = 0. Jede Zeile der Aufmerksamkeitsgewichte ergibt zusammen 100 %.",
        "Row: the asking token (query). Column: the answering token (key). “Scores” shows Q·Kᵀ/√d_k for every pair. “Masked” sets the cells above the diagonal, the later tokens, to −∞ (hatched); softmax turns them into α = 0. Each row of attention weights adds up to 100 %.",
    ),
    AttScores => ("Scores Q·Kᵀ/√d_k", "Scores Q·Kᵀ/√d_k"),
    AttMasked => ("Mit Maske", "Masked"),
    AttWeights => ("Aufmerksamkeitsgewichte α", "Attention weights α"),
    AttShow => ("Anzeigen", "Show"),
    AttQkvTitle => ("Query, Key und Value", "Query, key and value"),
    AttQkvExplain => (
        "Jedes Token wird dreimal projiziert: zu Query (Q, was es sucht), Key (K, womit es gefunden wird) und Value (V, was es weitergibt). Jeder Kopf bekommt d_k = d_model / h = {d} / {h} = {dk} Zahlen davon. Score = Q · K / √{dk}. Warum teilen? Ein Skalarprodukt aus {dk} Summanden wird umso grösser, je mehr Dimensionen es hat. Ohne Teilen gäbe Softmax fast das ganze Gewicht einem einzigen Token, und das Training käme kaum voran.",
        "Each token is projected three times: to a query (Q, what it looks for), a key (K, what it can be found by) and a value (V, what it passes on). Each head gets d_k = d_model / h = {d} / {h} = {dk} of these numbers. Score = Q · K / √{dk}. Why divide? A dot product of {dk} terms grows with the number of dimensions. Without dividing, softmax would give almost all the weight to a single token, and training would barely progress.",
    ),
    AttGridTitle => ("Alle Köpfe aller Schichten", "All heads of all layers"),
    AttGridExplain => (
        "Jeder Kopf lernt sein eigenes Muster. Vergleiche: Schaut ein Kopf vor allem auf das Token davor, auf sich selbst oder auf den Anfang des Texts? Ein Klick auf ein Bild zeigt diesen Kopf oben.",
        "Each head learns a pattern of its own. Compare: does a head look mostly at the token before, at itself or at the beginning of the text? Click a picture to show that head above.",
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
        for c in Chapter::PAGES {
            v.push(Msg::ChapterTitle(c));
            v.push(Msg::ChapterIntro(c));
            v.push(Msg::ChapterShort(c));
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
                | Msg::ChapterShort(
                    Chapter::Tokens
                        | Chapter::Embeddings
                        | Chapter::Attention
                        | Chapter::LayerNorm
                        | Chapter::Ffn
                        | Chapter::Logits
                        | Chapter::Sampling
                        | Chapter::Training
                        | Chapter::Rag
                )
                | Msg::MapLayerNorm
                | Msg::LnNorm
                | Msg::TeacherPhase
                | Msg::OvLoopPrompt
                | Msg::MapTokens
                | Msg::MapEmbedding
        )
    }
}

fn chapter_title(c: Chapter) -> (&'static str, &'static str) {
    match c {
        Chapter::Overview => ("Überblick: das ganze Modell", "Overview: the whole model"),
        Chapter::Glossary => ("Glossar", "Glossary"),
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

fn chapter_short(c: Chapter) -> (&'static str, &'static str) {
    match c {
        Chapter::Overview => ("Überblick", "Overview"),
        Chapter::Tokens => ("Tokens", "Tokens"),
        Chapter::Embeddings => ("Embedding", "Embedding"),
        Chapter::Positions => ("Positionen", "Positions"),
        Chapter::Attention => ("Attention", "Attention"),
        Chapter::LayerNorm => ("Residual & LN", "Residual & LN"),
        Chapter::Ffn => ("FFN", "FFN"),
        Chapter::Logits => ("Logits", "Logits"),
        Chapter::Sampling => ("Sampling", "Sampling"),
        Chapter::Generation => ("Schleife", "Loop"),
        Chapter::Roles => ("Rollen", "Roles"),
        Chapter::Training => ("Training", "Training"),
        Chapter::Rag => ("RAG", "RAG"),
        Chapter::Glossary => ("Glossar", "Glossary"),
    }
}

fn chapter_intro(c: Chapter) -> (&'static str, &'static str) {
    match c {
        Chapter::Overview => (
            "Bevor wir hineinzoomen: Hier siehst du das ganze GPT auf einer Karte, gerechnet mit \
             deinem Prompt und dem geladenen Modell. Jedes Kapitel danach öffnet einen Teil davon.",
            "Before we zoom in: here is the whole GPT on one map, computed with your prompt and \
             the loaded model. Every chapter after this one opens up one part of it.",
        ),
        Chapter::Glossary => (
            "Alle Fachwörter der Lupe, kurz erklärt, mit dem Wort in der anderen Sprache und \
             dem Kapitel, in dem du sie am Modell siehst.",
            "Every technical term in Lupe, briefly explained, with the word in the other language \
             and the chapter where you see it at work in the model.",
        ),
        Chapter::Tokens => (
            "Bevor das Modell etwas liest, wird dein Text in Stücke aus einer festen Liste \
             zerschnitten, die Tokens, und jedes Stück wird zu einer Zahl.",
            "Before the model reads anything, your text is cut into pieces from a fixed list, \
             the tokens, and every piece becomes a number.",
        ),
        Chapter::Embeddings => (
            "Jede Token-ID wählt eine Zeile der Embedding-Tabelle. Ihre Zahlen hat das Training so eingestellt, dass Tokens, die in ähnlichen Zusammenhängen vorkommen, ähnliche Zeilen bekommen; eine Worterklärung wie im Wörterbuch steht dort nicht.",
            "Each token ID picks one row of the embedding table. Training set its numbers so that tokens used in similar contexts get similar rows; no dictionary definition is stored there.",
        ),
        Chapter::Positions => (
            "Dasselbe Wort kann vorne oder hinten im Satz stehen, doch die Attention mischt Vektoren, ohne auf die Reihenfolge zu achten. Darum wird zu jedem Embedding ein Positionsvektor addiert (Positionskodierung): Er verrät dem Modell den Platz.",
            "The same word can stand early or late in a sentence, but attention mixes vectors without regard to order. So a position vector is added to every embedding (positional encoding): it tells the model the place.",
        ),
        Chapter::Attention => (
            "Jedes Token bildet eine Query (was es sucht), einen Key (womit es gefunden wird) und einen Value (was es weitergibt). Die Attention entscheidet, wie viel jedes frühere Token und das Token selbst beisteuern.",
            "Every token forms a query (what it looks for), a key (what it can be found by) and a value (what it passes on). Attention decides how much each earlier token, and the token itself, contributes.",
        ),
        Chapter::LayerNorm => (
            "Attention und FFN bekommen je eine normierte Kopie ihres Eingangs (LayerNorm) und zählen ihr Ergebnis zum unveränderten Eingang dazu (Residualverbindung). Normiert wird also vorher, wie bei GPT-2 (Pre-LN): So rechnen beide mit Zahlen in einem ruhigen Bereich, auch wenn der Vektor von Schicht zu Schicht wächst.",
            "Attention and the FFN each get a normalised copy of their input (LayerNorm) and add their result to the unchanged input (residual connection). So the normalising comes first, as in GPT-2 (pre-LN): both compute with numbers in a calm range even while the vector grows from layer to layer.",
        ),
        Chapter::Ffn => (
            "Ein Netz aus zwei Matrizen, W₁ und W₂, mit der weichen Biegung GELU dazwischen bearbeitet jedes Token für sich allein. Klein ist es nicht: Bei den eingebauten Modellen und bei GPT-2 hält es rund zwei Drittel der Parameter jeder Schicht.",
            "A network of two matrices, W₁ and W₂, with the smooth bend GELU between them works on each token on its own. It is not small: in the built-in models and in GPT-2 it holds about two thirds of every layer's parameters.",
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
            "Das gewählte Token wird angehängt, und das Modell rechnet den nächsten Schritt, Token für Token, bis ein End-Token oder eine Längengrenze den Text beendet.",
            "The chosen token is appended and the model computes the next step, token by token, until an end token or a length limit finishes the text.",
        ),
        Chapter::Roles => (
            "Ein Chat ist für das Modell ein einziger langer Text. Marker-Tokens, die eine Chat-App nicht anzeigt, zeigen, was vom System, vom Entwickler, von dir (Benutzer) und vom Assistenten stammt.",
            "To the model a chat is one long text. Marker tokens, which a chat app does not display, show which parts come from the system, the developer, you (the user) and the assistant.",
        ),
        Chapter::Training => (
            "Niemand schreibt die Zahlen des Modells von Hand: Vortraining, Feintuning mit Dialogen (SFT) und menschliches Feedback (RLHF) formen sie Schritt für Schritt.",
            "Nobody writes the model's numbers by hand: pretraining, fine-tuning on dialogs (SFT) and human feedback (RLHF) shape them step by step.",
        ),
        Chapter::Rag => (
            "Was das Modell nie gelernt hat, kann es trotzdem erfahren: Suchergebnisse und \
             passende Textstellen werden vor der Antwort in den Prompt gelegt.",
            "What the model never learned can still reach it: search results and matching \
             passages are placed into the prompt before it answers.",
        ),
    }
}

//! The glossary: every term the chapters use, defined in one or two sentences in German and
//! English, with the chapter where it lives and the word forms by which a chapter's text is
//! searched for it (so that its first use there can link to the entry).
//!
//! Definitions describe Lupe's model where the model matters (pre-LN, smooth GELU, tied head …).

use crate::chapters::Chapter;

use super::Lang;

/// One glossary entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// Stable name in links: `#/glossary?term=logit`.
    pub id: &'static str,
    /// The chapter where the term is explained with the live model.
    pub chapter: Chapter,
    /// The term in German and English, as the entry's heading.
    pub de: &'static str,
    pub en: &'static str,
    /// Further forms found in running text (plurals, inflections), besides the term itself.
    pub de_forms: &'static [&'static str],
    pub en_forms: &'static [&'static str],
    pub def_de: &'static str,
    pub def_en: &'static str,
}

impl Term {
    /// The term in a language.
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::De => self.de,
            Lang::En => self.en,
        }
    }

    /// The definition in a language.
    pub fn definition(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::De => self.def_de,
            Lang::En => self.def_en,
        }
    }

    /// Every form by which the term is found in text of a language, the term itself first.
    pub fn forms(&self, lang: Lang) -> impl Iterator<Item = &'static str> {
        let more = match lang {
            Lang::De => self.de_forms,
            Lang::En => self.en_forms,
        };
        std::iter::once(self.name(lang)).chain(more.iter().copied())
    }
}

macro_rules! terms {
    ($($id:literal @ $chapter:ident:
        $de:literal $([$($df:literal),*])? / $en:literal $([$($ef:literal),*])?
        => $def_de:literal / $def_en:literal;)*) => {
        /// Every entry, in the order of the chapters.
        pub const TERMS: &[Term] = &[$(Term {
            id: $id,
            chapter: Chapter::$chapter,
            de: $de,
            en: $en,
            de_forms: &[$($($df),*)?],
            en_forms: &[$($($ef),*)?],
            def_de: $def_de,
            def_en: $def_en,
        },)*];
    };
}

terms! {
    "gpt" @ Overview: "GPT" / "GPT"
        => "«Generative Pre-trained Transformer»: ein Sprachmodell aus gestapelten Transformer-Schichten, das zuerst auf viel Text vortrainiert wird und dann Text erzeugt, Token für Token."
        / "“Generative pre-trained transformer”: a language model made of stacked transformer layers, pretrained on a lot of text, that then generates text token by token.";
    "llm" @ Overview: "Sprachmodell (LLM)" ["Sprachmodell", "Sprachmodelle", "LLM"] / "language model (LLM)" ["language model", "language models", "LLM"]
        => "Ein Programm, das für jeden Textanfang angibt, wie wahrscheinlich jedes mögliche nächste Token ist. «Large» (LLM) heisst: sehr viele Parameter und sehr viel Trainingstext."
        / "A program that gives, for any beginning of a text, how likely each possible next token is. “Large” (LLM) means very many parameters and a great deal of training text.";
    "prompt" @ Overview: "Prompt" ["Prompts"] / "prompt" ["prompts"]
        => "Der Text, den das Modell als Eingabe bekommt und fortsetzt. Im Chat gehören auch die Systemnachricht und der bisherige Verlauf dazu."
        / "The text the model receives as input and continues. In a chat, the system message and the conversation so far are part of it too.";
    "autoregressive" @ Overview: "autoregressiv" ["autoregressive", "autoregressiven"] / "autoregressive" ["autoregressively"]
        => "Jedes neue Token wird aus allen vorherigen berechnet und dann selbst zur Eingabe für das nächste: Das Modell schreibt in einer Schleife."
        / "Each new token is computed from all the previous ones and then becomes input for the next: the model writes in a loop.";
    "parameter" @ Overview: "Parameter" / "parameter" ["parameters"]
        => "Eine Zahl im Modell, die beim Training gelernt wird, zum Beispiel ein Eintrag einer Gewichtsmatrix. Die Übersicht zählt sie für das geladene Modell."
        / "A number in the model that is learned in training, for example one entry of a weight matrix. The overview counts them for the loaded model.";
    "layer" @ Overview: "Schicht" ["Schichten"] / "layer" ["layers"]
        => "Ein Transformer-Block: LayerNorm, Self-Attention, Residualverbindung, LayerNorm, FFN, Residualverbindung. Ein GPT stapelt viele gleich gebaute Schichten mit je eigenen Gewichten."
        / "One transformer block: LayerNorm, self-attention, residual connection, LayerNorm, FFN, residual connection. A GPT stacks many layers of the same build, each with its own weights.";
    "d-model" @ Overview: "d_model (Modellbreite)" ["d_model", "Modellbreite"] / "d_model (hidden size)" ["d_model", "hidden size"]
        => "Wie viele Zahlen den Vektor eines Tokens bilden, von der Embedding-Tabelle bis zur letzten Schicht. Der Residualstrom hat durchgehend diese Breite; nur im FFN wird der Vektor kurz auf d_ff verbreitert, und jeder Kopf rechnet mit d_k = d_model / h Zahlen."
        / "How many numbers make up a token's vector, from the embedding table to the last layer. The residual stream keeps this width throughout; only inside the FFN is the vector briefly widened to d_ff, and each head works with d_k = d_model / h numbers.";
    "token" @ Tokens: "Token" ["Tokens"] / "token" ["tokens"]
        => "Ein Stück Text aus einer festen Liste: ein Wort, ein Wortteil, ein Satzzeichen oder ein einzelnes Byte. Das Modell liest und schreibt nur Tokens, nie Buchstaben."
        / "A piece of text from a fixed list: a word, part of a word, a punctuation mark or a single byte. The model reads and writes only tokens, never letters.";
    "tokenizer" @ Tokens: "Tokenizer" / "tokenizer"
        => "Das Programm, das Text in Tokens zerlegt und Token-IDs wieder in Text zurückverwandelt. Sein Vokabular und seine Regeln werden vor dem Modell gelernt."
        / "The program that cuts text into tokens and turns token IDs back into text. Its vocabulary and rules are learned before the model.";
    "bpe" @ Tokens: "BPE (Byte-Pair-Encoding)" ["BPE"] / "BPE (byte-pair encoding)" ["BPE"]
        => "Ein Verfahren, Tokens zu lernen: Es beginnt mit den 256 möglichen Bytes und verschmilzt immer wieder das häufigste benachbarte Paar zu einem neuen Token."
        / "A way of learning tokens: it starts with the 256 possible bytes and keeps merging the most frequent neighbouring pair into a new token.";
    "vocabulary" @ Tokens: "Vokabular" ["Vokabulars"] / "vocabulary"
        => "Die Liste aller Tokens, die der Tokenizer kennt; ihre Länge heisst V. Das Modell berechnet für jedes davon ein Logit."
        / "The list of all tokens the tokenizer knows; its length is called V. The model computes one logit for each of them.";
    "token-id" @ Embeddings: "Token-ID" ["Token-IDs", "Token-Nummer"] / "token ID" ["token IDs", "token number"]
        => "Die Nummer eines Tokens im Vokabular. Sie ist nur eine Adresse: Sie wählt die Zeile der Embedding-Tabelle aus."
        / "A token's number in the vocabulary. It is only an address: it picks the row of the embedding table.";
    "embedding" @ Embeddings: "Embedding" ["Embeddings"] / "embedding" ["embeddings"]
        => "Der Vektor aus d_model Zahlen, der für ein Token steht. Ähnlich verwendete Tokens bekommen im Training ähnliche Vektoren."
        / "The vector of d_model numbers that stands for a token. Tokens used in similar ways get similar vectors in training.";
    "embedding-table" @ Embeddings: "Embedding-Tabelle" / "embedding table"
        => "Die gelernte Matrix E mit einer Zeile pro Token (V × d_model). Bei Gewichtsteilung berechnet sie am Schluss auch die Logits."
        / "The learned matrix E with one row per token (V × d_model). With weight tying it also computes the logits at the end.";
    "cosine" @ Embeddings: "Kosinus-Ähnlichkeit" ["Kosinus"] / "cosine similarity" ["cosine"]
        => "Misst, ob zwei Vektoren in dieselbe Richtung zeigen: 1 gleiche Richtung, 0 rechtwinklig, −1 entgegengesetzt. Die Länge der Vektoren spielt keine Rolle."
        / "Measures whether two vectors point the same way: 1 same direction, 0 at right angles, −1 opposite. The vectors' lengths do not matter.";
    "positional-encoding" @ Positions: "Positionskodierung" ["Positionsvektor", "Positionsvektoren"] / "positional encoding" ["position vector", "position vectors"]
        => "Ein Vektor pro Stelle im Text, der zum Embedding addiert wird, damit das Modell die Reihenfolge kennt. Er kann gelernt oder mit Sinuswellen berechnet sein."
        / "A vector per place in the text, added to the embedding so that the model knows the order. It can be learned or computed with sine waves.";
    "relative-position" @ Positions: "relative Position" ["relative Positionen"] / "relative position" ["relative positions"]
        => "Statt «das Token steht an Stelle 7» zählt nur der Abstand zwischen zwei Tokens. Modelle wie T5 oder LLaMA (RoPE) bauen ihn direkt in die Attention ein."
        / "Instead of “this token is at place 7”, only the distance between two tokens counts. Models such as T5 or LLaMA (RoPE) build it right into attention.";
    "self-attention" @ Attention: "Self-Attention" ["Attention"] / "self-attention" ["attention"]
        => "Der Schritt, in dem jedes Token Information von sich und den früheren Tokens einsammelt, gewichtet danach, wie gut Query und Key zusammenpassen."
        / "The step in which each token gathers information from itself and the earlier tokens, weighted by how well query and key fit together.";
    "qkv" @ Attention: "Query, Key, Value" ["Query", "Key", "Value"] / "query, key, value" ["query", "key", "value"]
        => "Drei Vektoren, die jedes Token aus seinem Vektor berechnet: womit es sucht (Query), womit es gefunden wird (Key) und was es weitergibt (Value)."
        / "Three vectors each token computes from its own: what it looks for (query), what it can be found by (key) and what it passes on (value).";
    "head" @ Attention: "Kopf" ["Köpfe", "Köpfen", "Kopfes"] / "head" ["heads"]
        => "Eine von h parallelen Attentions in einer Schicht, jede mit eigenen Q-, K- und V-Gewichten. So kann ein Kopf auf das vorige Wort achten, ein anderer auf das Subjekt."
        / "One of h attentions side by side in a layer, each with its own Q, K and V weights. One head can attend to the previous word while another tracks the subject.";
    "d-k" @ Attention: "d_k" / "d_k"
        => "Die Breite von Query und Key in einem Kopf: d_k = d_model / h. Die Scores werden durch √d_k geteilt, damit Softmax nicht übersteuert."
        / "The width of query and key in one head: d_k = d_model / h. Scores are divided by √d_k so that softmax does not saturate.";
    "attention-weight" @ Attention: "Aufmerksamkeitsgewicht α" ["Aufmerksamkeitsgewichte", "Gewichte α"] / "attention weight α" ["attention weights", "weights α"]
        => "Wie viel ein Token von einem anderen übernimmt, zwischen 0 und 1; die Gewichte einer Zeile ergeben zusammen 1. Sie entstehen aus den Scores durch Softmax."
        / "How much a token takes over from another, between 0 and 1; the weights of a row add up to 1. Softmax makes them from the scores.";
    "mask" @ Attention: "Maske" ["kausale Maske"] / "mask" ["causal mask"]
        => "Setzt die Scores für spätere Tokens auf −∞, damit kein Token in die Zukunft schaut. Nach Softmax ist ihr Gewicht genau 0."
        / "Sets the scores for later tokens to −∞ so that no token looks into the future. After softmax their weight is exactly 0.";
    "residual" @ LayerNorm: "Residualverbindung" ["Residualpfad", "Residualstrom"] / "residual connection" ["residual path", "residual stream"]
        => "Attention und FFN addieren ihr Ergebnis zu ihrem Eingang, statt ihn zu ersetzen. So fliesst die Information ungestört durch alle Schichten, und Gradienten kommen beim Training bis nach vorn."
        / "Attention and the FFN add their result to their input instead of replacing it. Information thus flows undisturbed through all layers, and in training the gradients reach the front.";
    "layernorm" @ LayerNorm: "LayerNorm" / "LayerNorm"
        => "Schiebt die Zahlen eines Tokens auf Mittelwert 0 und Varianz 1, multipliziert dann jede Dimension mit einem gelernten γ und verschiebt sie um ein gelerntes β. In GPT-2 und in Lupe steht sie vor Attention und FFN und einmal am Schluss (Pre-LN)."
        / "Shifts one token's numbers to mean 0 and variance 1, then multiplies each dimension by a learned γ and shifts it by a learned β. In GPT-2 and in Lupe it comes before attention and the FFN, and once at the end (pre-LN).";
    "ffn" @ Ffn: "Feed-Forward-Netz (FFN)" ["Feed-Forward-Netz", "FFN"] / "feed-forward network (FFN)" ["feed-forward network", "FFN"]
        => "Zwei Matrizen mit GELU dazwischen, auf jedes Token einzeln angewandt: von d_model auf d_ff (meist 4 × d_model) und zurück. Es hält rund zwei Drittel der Parameter einer Schicht."
        / "Two matrices with GELU in between, applied to each token on its own: from d_model to d_ff (usually 4 × d_model) and back. It holds about two thirds of a layer's parameters.";
    "gelu" @ Ffn: "GELU" / "GELU"
        => "Eine glatte Aktivierungsfunktion: grosse positive Werte bleiben, grosse negative werden fast 0, dazwischen biegt sie sanft, ohne Knick wie bei ReLU."
        / "A smooth activation function: large positive values stay, large negative ones become almost 0, and in between it bends gently, without ReLU's kink.";
    "nonlinearity" @ Ffn: "Nichtlinearität" / "nonlinearity"
        => "Eine Funktion, die keine Gerade ist, wie GELU. Ohne sie fielen die zwei Matrizen des FFN zu einer einzigen zusammen, und das FFN könnte nur gerade Zusammenhänge lernen."
        / "A function that is not a straight line, such as GELU. Without it, the FFN's two matrices would collapse into one, and the FFN could only learn straight-line relations.";
    "neuron" @ Ffn: "Neuron" ["Neuronen"] / "neuron" ["neurons"]
        => "Eine der d_ff Zahlen in der Mitte des FFN. Manche Neuronen reagieren stark auf bestimmte Tokens oder Themen."
        / "One of the d_ff numbers in the middle of the FFN. Some neurons respond strongly to particular tokens or topics.";
    "logit" @ Logits: "Logit" ["Logits"] / "logit" ["logits"]
        => "Die rohe Punktzahl, die das Modell jedem Token des Vokabulars als nächstes Token gibt, beliebig gross oder negativ. Erst Softmax macht daraus Wahrscheinlichkeiten."
        / "The raw score the model gives each token of the vocabulary as the next token, any size or sign. Only softmax turns them into probabilities.";
    "softmax" @ Logits: "Softmax" / "softmax"
        => "Macht aus Zahlen z_i Wahrscheinlichkeiten p_i = e^(z_i) / Σ e^(z_j): alle positiv, zusammen 1, und die Reihenfolge bleibt."
        / "Turns numbers z_i into probabilities p_i = e^(z_i) / Σ e^(z_j): all positive, summing to 1, in the same order.";
    "weight-tying" @ Logits: "Gewichtsteilung" / "weight tying"
        => "Die Logits werden mit derselben Embedding-Tabelle E berechnet, die am Anfang die Tokens nachschlägt. Das spart V × d_model Parameter; GPT-2 und Lupe machen es so."
        / "The logits are computed with the same embedding table E that looks up the tokens at the start. That saves V × d_model parameters; GPT-2 and Lupe do this.";
    "probability" @ Logits: "Wahrscheinlichkeit" ["Wahrscheinlichkeiten"] / "probability" ["probabilities"]
        => "Wie sicher das Modell ist, dass ein Token als nächstes kommt, von 0 bis 1. Eine hohe Wahrscheinlichkeit heisst «passt zum Text», nicht «ist wahr»."
        / "How sure the model is that a token comes next, from 0 to 1. A high probability means “fits the text”, not “is true”.";
    "sampling" @ Sampling: "Sampling" / "sampling"
        => "Das Ziehen des nächsten Tokens aus der Verteilung der Wahrscheinlichkeiten, wie mit einem gezinkten Würfel."
        / "Drawing the next token from the distribution of probabilities, like rolling a loaded die.";
    "temperature" @ Sampling: "Temperatur" / "temperature"
        => "Die Logits werden vor Softmax durch T geteilt: T < 1 macht die Verteilung spitzer, T > 1 flacher. Das Modell denkt dabei nicht anders, nur das Ziehen ändert sich."
        / "The logits are divided by T before softmax: T < 1 sharpens the distribution, T > 1 flattens it. The model does not think differently; only the draw changes.";
    "greedy" @ Sampling: "Greedy" / "greedy"
        => "Nimmt immer das wahrscheinlichste Token, ganz ohne Zufall. Gleicher Prompt, gleiche Antwort."
        / "Always takes the likeliest token, with no chance at all. Same prompt, same answer.";
    "top-k" @ Sampling: "Top-k" / "top-k"
        => "Nur die k wahrscheinlichsten Tokens bleiben im Spiel; ihre Wahrscheinlichkeiten werden wieder auf 100 % hochgerechnet."
        / "Only the k likeliest tokens stay in play; their probabilities are scaled back up to 100 %.";
    "top-p" @ Sampling: "Top-p" / "top-p"
        => "Die wahrscheinlichsten Tokens werden der Reihe nach genommen, bis ihre Summe p erreicht; alle übrigen fallen weg. Wie viele bleiben, hängt davon ab, wie sicher das Modell ist."
        / "The likeliest tokens are taken in order until their sum reaches p; all others drop out. How many remain depends on how sure the model is.";
    "seed" @ Sampling: "Startwert (Seed)" ["Startwert", "Seed"] / "seed"
        => "Die Zahl, aus der der Zufallsgenerator seine Folge berechnet. Derselbe Startwert gibt dieselben Zufallszahlen und damit dieselben Tokens."
        / "The number from which the random generator computes its sequence. The same seed gives the same random numbers and so the same tokens.";
    "eos" @ Generation: "End-Token (EOS)" ["End-Token"] / "end token (EOS)" ["end token", "EOS"]
        => "Ein besonderes Token, das «hier ist der Text fertig» bedeutet. Wählt das Modell es, hört die Schleife auf."
        / "A special token meaning “the text ends here”. When the model chooses it, the loop stops.";
    "context-window" @ Generation: "Kontextfenster" / "context window"
        => "Wie viele Tokens das Modell höchstens auf einmal lesen kann (n_ctx). Was davor liegt, sieht es nicht."
        / "The most tokens the model can read at once (n_ctx). Anything before that it does not see.";
    "kv-cache" @ Generation: "KV-Cache" / "KV cache"
        => "Die gespeicherten Keys und Values aller bisherigen Tokens. Beim nächsten Schritt rechnet das Modell nur das neue Token durch, statt den ganzen Text von vorn."
        / "The stored keys and values of all tokens so far. At the next step the model computes only the new token instead of the whole text again.";
    "role" @ Roles: "Rolle" ["Rollen"] / "role" ["roles"]
        => "Wer einen Teil des Chats geschrieben hat: System, Entwickler, Benutzer oder Assistent. Ein Marker-Token vor jeder Nachricht zeigt es dem Modell an."
        / "Who wrote a part of the chat: system, developer, user or assistant. A marker token before each message tells the model.";
    "chat-template" @ Roles: "Chat-Vorlage" / "chat template"
        => "Die feste Form, in der ein Chat zu einem einzigen Text wird: Marker-Token, Nachricht, Zeilenende oder End-Token, und so weiter."
        / "The fixed form in which a chat becomes one single text: marker token, message, line end or end token, and so on.";
    "pretraining" @ Training: "Vortraining" / "pretraining"
        => "Die erste und längste Phase: Das Modell lernt an sehr viel Text, das jeweils nächste Token vorherzusagen. Danach setzt es Texte fort, beantwortet aber noch keine Fragen."
        / "The first and longest phase: the model learns on a great deal of text to predict each next token. Afterwards it continues texts but does not yet answer questions.";
    "sft" @ Training: "Feintuning (SFT)" ["Feintuning", "SFT"] / "fine-tuning (SFT)" ["fine-tuning", "SFT"]
        => "Weitertrainieren auf Beispiel-Dialogen im Rollenformat (Supervised Fine-Tuning). Nur die Tokens des Assistenten zählen im Verlust, damit das Modell antworten lernt."
        / "Further training on example dialogs in the role format (supervised fine-tuning). Only the assistant's tokens count in the loss, so that the model learns to answer.";
    "rlhf" @ Training: "menschliches Feedback (RLHF)" ["RLHF"] / "human feedback (RLHF)" ["RLHF"]
        => "Menschen ordnen Antworten; ein Bewertungsmodell lernt daraus, und das Chat-Modell wird in Richtung besser bewerteter Antworten verschoben (Reinforcement Learning from Human Feedback)."
        / "People rank answers; a reward model learns from that, and the chat model is pushed towards answers that score better (reinforcement learning from human feedback).";
    "reward-model" @ Training: "Bewertungsmodell" / "reward model"
        => "Ein Netz, das einer ganzen Antwort eine einzige Zahl gibt. Es lernt aus Vergleichen, dass die von Menschen bevorzugte Antwort die höhere Zahl bekommt."
        / "A network that gives a whole answer one single number. It learns from comparisons that the answer people prefer gets the higher number.";
    "loss" @ Training: "Verlust" ["Verlusts"] / "loss"
        => "Eine Zahl, die sagt, wie falsch das Modell liegt; das Training macht sie Schritt für Schritt kleiner. Für Sprachmodelle ist es die Kreuzentropie."
        / "A number that says how wrong the model is; training makes it smaller step by step. For language models it is the cross-entropy.";
    "cross-entropy" @ Training: "Kreuzentropie" / "cross-entropy"
        => "Der Verlust für ein Ziel-Token: −ln p des richtigen Tokens, 0 bei p = 1 und schon 4.6 bei p = 0.01. Der Verlust eines Texts ist der Mittelwert über alle Positionen."
        / "The loss for one target token: −ln p of the right token, 0 at p = 1 and already 4.6 at p = 0.01. A text's loss is the mean over all positions.";
    "gradient" @ Training: "Gradient" ["Gradienten"] / "gradient" ["gradients"]
        => "Für jeden Parameter die Richtung und Stärke, in der der Verlust am schnellsten steigt. Das Training geht einen kleinen Schritt in die Gegenrichtung."
        / "For every parameter, the direction and strength in which the loss rises fastest. Training takes a small step the other way.";
    "learning-rate" @ Training: "Lernrate" / "learning rate"
        => "Wie gross jeder Trainingsschritt ist. Zu klein, und das Modell lernt kaum; zu gross, und die Gewichte explodieren."
        / "How big each training step is. Too small and the model barely learns; too big and the weights blow up.";
    "batch" @ Training: "Batch" ["Batches", "Batchgrösse"] / "batch" ["batches", "batch size"]
        => "Mehrere Textblöcke gleicher Länge, die in einem Trainingsschritt zusammen gerechnet werden. Der Mittelwert über viele Beispiele gibt einen ruhigeren Gradienten, und gleich lange Blöcke passen in eine Matrix."
        / "Several text blocks of equal length computed together in one training step. Averaging over many examples gives a steadier gradient, and equal lengths fit into one matrix.";
    "teacher-forcing" @ Training: "Teacher Forcing" / "teacher forcing"
        => "Beim Training bekommt das Modell an jeder Stelle den echten Text als Eingabe, nie seine eigene frühere Vorhersage. So lassen sich alle Positionen auf einmal rechnen."
        / "In training the model gets the real text as input at every position, never its own earlier prediction. That way all positions can be computed at once.";
    "validation-loss" @ Training: "Validierungsverlust" / "validation loss"
        => "Der Verlust auf Text, aus dem das Modell nie lernt. Sinkt nur der Trainingsverlust, lernt es auswendig statt zu verallgemeinern."
        / "The loss on text the model never learns from. If only the training loss falls, it memorises instead of generalising.";
    "kl" @ Training: "KL-Divergenz" ["KL"] / "KL divergence" ["KL"]
        => "Misst, wie weit sich die Wahrscheinlichkeiten des trainierten Modells von denen des Ausgangsmodells entfernt haben. Bei RLHF hält eine Strafe darauf das Modell nahe am Original."
        / "Measures how far the trained model's probabilities have moved from those of the starting model. In RLHF a penalty on it keeps the model close to the original.";
    "rag" @ Rag: "RAG" / "RAG"
        => "Retrieval-Augmented Generation: Vor der Antwort werden passende Textabschnitte gesucht und in den Prompt gelegt. Das Modell liest sie, es lernt dabei nichts dazu."
        / "Retrieval-augmented generation: before answering, matching passages are looked up and placed into the prompt. The model reads them; it learns nothing from them.";
    "chunk" @ Rag: "Abschnitt (Chunk)" ["Abschnitt", "Abschnitte", "Abschnitten", "Chunk", "Chunks"] / "chunk" ["chunks"]
        => "Ein Stück eines Dokuments, in Lupe aus ganzen Sätzen bis zu einer Wortzahl. Gesucht und in den Prompt gelegt wird immer abschnittweise."
        / "A piece of a document, in Lupe made of whole sentences up to a number of words. Search and the prompt always work chunk by chunk.";
    "vector-search" @ Rag: "Vektorsuche" / "vector search"
        => "Frage und Abschnitte werden zu Vektoren; gefunden wird, was in dieselbe Richtung zeigt (Kosinus). Sie findet auch Treffer mit anderen Wörtern, wenn das Modell die Bedeutung gut erfasst."
        / "Question and chunks become vectors; what points the same way is found (cosine). It can find matches worded differently when the model captures meaning well.";
    "embedding-model" @ Rag: "Suchmodell (Embedding-Modell)" ["Suchmodell", "Suchmodells", "Embedding-Modell"] / "search model (embedding model)" ["search model", "embedding model"]
        => "Ein Modell, das einen ganzen Text in einen Vektor fester Länge verwandelt. In Lupe vom Basismodell aus kontrastiv trainiert: die Vektoren nach der letzten LayerNorm gemittelt, eine gelernte Projektion, Länge 1."
        / "A model that turns a whole text into one vector of fixed length. In Lupe trained contrastively from the base model: the vectors after the final LayerNorm averaged, a learned projection, length 1.";
    "contrastive" @ Rag: "kontrastives Lernen" ["kontrastiv", "InfoNCE"] / "contrastive learning" ["contrastively", "contrastive", "InfoNCE"]
        => "Training mit Paaren, die zusammengehören: Ihre Vektoren werden zueinander gezogen, die Vektoren der anderen Paare im Batch weggestossen. So lernt ein Suchmodell Bedeutung aus Beispielen."
        / "Training on pairs that belong together: their vectors are pulled towards each other, the vectors of the other pairs in the batch pushed away. This is how a search model learns meaning from examples.";
    "hybrid-search" @ Rag: "hybride Suche (RRF)" ["hybride Suche", "RRF"] / "hybrid search (RRF)" ["hybrid search", "RRF"]
        => "Verbindet Vektor- und Stichwortsuche: Ein Abschnitt bekommt aus jeder Rangliste 1/(k + Platz) Punkte (Reciprocal Rank Fusion). So zählen gute Plätze in beiden Listen."
        / "Combines vector and keyword search: a chunk earns 1/(k + rank) points from each ranked list (reciprocal rank fusion). Good ranks in both lists count.";
    "bm25" @ Rag: "Stichwortsuche (BM25)" ["Stichwortsuche", "BM25"] / "keyword search (BM25)" ["keyword search", "BM25"]
        => "Sucht Abschnitte mit denselben Wörtern wie die Frage; seltene Wörter zählen mehr, sehr lange Abschnitte etwas weniger, häufige Wörter wie «die» gar nicht."
        / "Looks for chunks with the same words as the question; rare words count more, very long chunks a little less, common words such as “the” not at all.";
    "web-search" @ Rag: "Websuche" / "web search"
        => "Das Modell schreibt selbst eine Suchanfrage; die Treffer kommen wie bei RAG in den Prompt. In Lupe sucht sie offline in mitgelieferten Schnipseln."
        / "The model writes a search query itself; the hits go into the prompt as with RAG. In Lupe it searches bundled snippets offline.";
}

/// The entry with this id.
pub fn term(id: &str) -> Option<&'static Term> {
    TERMS.iter().find(|t| t.id == id)
}

/// Where glossary terms occur in `text`: `(start, end, entry)` as byte ranges, left to right,
/// never overlapping; at each place the longest form wins ("Token-ID" before "Token"). A form
/// matches whole words only (a hyphenated compound is one word), with the first letter in either
/// case.
pub fn find_terms(text: &str, lang: Lang) -> Vec<(usize, usize, &'static Term)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let starts_word = text[..i].chars().next_back().is_none_or(|c| !in_word(c));
        let best = starts_word
            .then(|| {
                TERMS
                    .iter()
                    .flat_map(|t| t.forms(lang).map(move |f| (f, t)))
                    .filter(|(f, _)| matches_at(text, i, f))
                    .max_by_key(|(f, _)| f.len())
            })
            .flatten();
        match best {
            Some((f, t)) => {
                out.push((i, i + f.len(), t));
                i += f.len();
            }
            None => i += text[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

/// Whether `form` stands at byte `i` of `text` as a whole word (first letter in either case).
fn matches_at(text: &str, i: usize, form: &str) -> bool {
    let rest = &text[i..];
    let (Some(a), Some(b)) = (rest.chars().next(), form.chars().next()) else {
        return false;
    };
    let first_ok = a == b || a.to_lowercase().eq(b.to_lowercase());
    let tail = &form[b.len_utf8()..];
    first_ok
        && rest[a.len_utf8()..].starts_with(tail)
        && rest[a.len_utf8() + tail.len()..]
            .chars()
            .next()
            .is_none_or(|c| !in_word(c))
}

/// Whether a character continues a word: letters, digits, `_` and the hyphen of compounds
/// ("Marker-Tokens" is not a use of "Tokens").
fn in_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_url_safe_and_there_are_enough() {
        assert!(TERMS.len() >= 40, "{} terms", TERMS.len());
        let mut seen = std::collections::HashSet::new();
        for t in TERMS {
            assert!(seen.insert(t.id), "duplicate {}", t.id);
            assert!(
                t.id.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            );
            assert!(!t.def_de.contains('ß'), "{}: Swiss spelling", t.id);
            assert!(t.chapter != Chapter::Glossary);
            for lang in Lang::ALL {
                assert!(!t.definition(lang).trim().is_empty());
            }
        }
    }

    #[test]
    fn the_longest_form_wins_and_words_stay_whole() {
        let found = find_terms(
            "Die Token-ID wählt ein Token; Tokenizer und Tokens.",
            Lang::De,
        );
        let ids: Vec<_> = found.iter().map(|(_, _, t)| t.id).collect();
        assert_eq!(ids, ["token-id", "token", "tokenizer", "token"]);
        let (s, e, _) = found[0];
        assert_eq!(
            &"Die Token-ID wählt ein Token; Tokenizer und Tokens."[s..e],
            "Token-ID"
        );
        // Inside a word nothing matches; a capital first letter does.
        assert!(find_terms("stokens headway", Lang::En).is_empty());
        assert_eq!(find_terms("Logits are raw.", Lang::En)[0].2.id, "logit");
        assert_eq!(find_terms("Grüsse", Lang::De), vec![]);
        assert!(find_terms("Marker-Tokens", Lang::De).is_empty());
        assert_eq!(
            find_terms("Marker-Token und KV-Cache", Lang::De)[0].2.id,
            "kv-cache"
        );
    }
}

/// A set of normalized words that carry no problem content and are dropped before stemming.
///
/// The set is the Snowball Russian stop list, the salutations and politeness fillers of ``defaultDomain``, and any
/// extra words a configuration adds. Words are compared in the form ``TextNormalizer`` produces: lower case,
/// with `ё` written as `е`.
///
/// ```swift
/// let stopWords = StopWords(extra: ["Обращение"])
/// stopWords.contains("здравствуйте")  // true
/// stopWords.contains("обращение")     // true
/// stopWords.contains("очередь")       // false
/// ```
public struct StopWords: Sendable {
    /// The Snowball Russian stop list: 159 function words, ranked commonest first.
    ///
    /// Source: the Snowball Russian stop list (snowballstem.org/algorithms/russian/stop.txt), BSD licence,
    /// Copyright (c) 2001 Dr Martin Porter, (c) 2002 Richard Boulton. As in the original, `ё` is written as `е`.
    /// It also holds some content-looking words (`человек`, `жизнь`, `сказал`) because the Python baseline uses
    /// the same list, and clusters must be comparable with it.
    public static let snowballRussian: Set<String> = [
        "и", "в", "во", "не", "что", "он", "на", "я", "с", "со", "как", "а", "то", "все", "она", "так", "его",
        "но", "да", "ты", "к", "у", "же", "вы", "за", "бы", "по", "только", "ее", "мне", "было", "вот", "от",
        "меня", "еще", "нет", "о", "из", "ему", "теперь", "когда", "даже", "ну", "вдруг", "ли", "если", "уже",
        "или", "ни", "быть", "был", "него", "до", "вас", "нибудь", "опять", "уж", "вам", "сказал", "ведь", "там",
        "потом", "себя", "ничего", "ей", "может", "они", "тут", "где", "есть", "надо", "ней", "для", "мы", "тебя",
        "их", "чем", "была", "сам", "чтоб", "без", "будто", "человек", "чего", "раз", "тоже", "себе", "под",
        "жизнь", "будет", "ж", "тогда", "кто", "этот", "говорил", "того", "потому", "этого", "какой", "совсем",
        "ним", "здесь", "этом", "один", "почти", "мой", "тем", "чтобы", "нее", "кажется", "сейчас", "были",
        "куда", "зачем", "сказать", "всех", "никогда", "сегодня", "можно", "при", "наконец", "два", "об",
        "другой", "хоть", "после", "над", "больше", "тот", "через", "эти", "нас", "про", "всего", "них", "какая",
        "много", "разве", "сказала", "три", "эту", "моя", "впрочем", "хорошо", "свою", "этой", "перед", "иногда",
        "лучше", "чуть", "том", "нельзя", "такой", "им", "более", "всегда", "конечно", "всю", "между",
    ]

    /// Salutations, politeness fillers and abbreviations that open or close almost every appeal.
    ///
    /// They would otherwise join unrelated appeals into one cluster. The list keeps every word of the Python
    /// baseline's salutation list, so results stay comparable, plus the common inflected greetings.
    public static let defaultDomain: Set<String> = [
        // Greetings and forms of address.
        "здравствуйте", "здравствуй", "добрый", "доброе", "доброго", "добрая", "день", "вечер", "утро",
        "уважаемый", "уважаемая", "уважаемое", "уважаемые",
        // Requests and thanks.
        "пожалуйста", "спасибо", "благодарю", "благодарим", "заранее", "прошу", "просим", "просьба", "помогите",
        "помочь", "очень",
        // Pronouns and connectives the baseline drops as well.
        "это", "этот", "эта", "эти", "который", "которая", "которые", "также", "еще", "уже",
        // Abbreviations written without dots.
        "итд", "итп", "тд", "тп",
    ]

    /// The words, keyed by bytes so that ``TextAnalyzer`` checks a token without making a `String` of it.
    private let storage: Storage

    /// The immutable table behind one reference, so that copying the set (or an analyzer) retains one object.
    private final class Storage: Sendable {
        let table: WordTable

        init(_ table: WordTable) { self.table = table }
    }

    /// Creates the default set with optional extra words.
    ///
    /// - Parameter extra: Words to drop as well, in any case and with `ё` or `е`; each goes through
    ///   ``TextNormalizer`` first, so it matches normalized tokens.
    public init(extra: some Sequence<String> = []) {
        var words = Self.snowballRussian.union(Self.defaultDomain)
        let normalizer = TextNormalizer()
        for word in extra {
            // The same normalization as the text, so «Ёлка» or a Latin look-alike in a configured word still matches.
            let folded = normalizer.normalize(word)
            if !folded.isEmpty { words.insert(folded) }
        }
        var table = WordTable(capacity: words.count)
        for var word in words.sorted() {
            word.withUTF8 { bytes in
                let hash = WordTable.hash(bytes)
                if table.id(of: bytes, hash: hash) == nil {
                    _ = table.insert(bytes, hash: hash)
                }
            }
        }
        storage = Storage(table)
    }

    /// Returns whether a normalized word is a stop word.
    ///
    /// - Parameter word: A token as ``TextNormalizer`` and ``Tokenizer`` produce it.
    /// - Returns: `true` when the word is in the Snowball list, the domain list or the extra words.
    public func contains(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { contains(utf8: $0, hash: WordTable.hash($0)) }
    }

    /// Returns whether a word given by its UTF-8 bytes and ``WordTable`` hash is a stop word.
    func contains(utf8 word: UnsafeBufferPointer<UInt8>, hash: Int) -> Bool {
        storage.table.id(of: word, hash: hash) != nil
    }
}

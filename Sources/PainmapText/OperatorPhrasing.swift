import Foundation

/// Separates what a citizen complained about from how an operator wrote it down and what they answered.
///
/// Hotline records and reception notes are written by operators: «Звонившая жалуется на отсутствие движения
/// очереди. Рекомендовано обратиться в МФЦ.» The pain is the content («Нет движения очереди»); the frame
/// («Звонившая жалуется на…») and the answer («Рекомендовано…») are neither a title nor a quote.
///
/// ``content(of:)`` drops the answer sentences and strips the frame of the others. A frame is a reporter
/// («звонившая», «заявитель», «гражданин» …) followed by a reporting verb («сообщает», «жалуется»,
/// «интересуется» …), or the verb alone at the start of a sentence. What follows the verb becomes the content:
/// a «что»-clause as it is; «на отсутствие X» and «об отсутствии X» as «нет X»; «о невозможности X» as
/// «невозможно X»; «на X» with the first words put back into the nominative («на задержку выплаты» → «задержка
/// выплаты»); «о X» kept as a subject line («о протечке кровли»); an «интересуется»-object put back into the
/// nominative («порядком получения» → «порядок получения»). The case rules cover the endings operators' notes
/// use most; a word they do not recognise is kept as written.
///
/// ```swift
/// OperatorPhrasing().content(of: "Звонившая жалуется на отсутствие движения очереди. Рекомендовано обратиться в МФЦ.")
/// // "Нет движения очереди"
/// ```
public struct OperatorPhrasing: Sendable {
    /// Starts of sentences that are an answer, a recommendation or a note of what was done, lowercased, ё as е.
    public static let answerStarts = [
        "рекомендован", "рекомендуем", "даны контакты", "дан контакт", "дан ответ", "даны разъяснения",
        "дано разъяснение", "разъяснен", "разъяснили", "консультация оказана", "оказана консультация",
        "проконсультирован", "передано в", "передан в", "передана в", "обращение передано", "заявка передана",
        "направлено в", "направлен в", "перенаправлен", "переадресован", "соединен с", "переключен на",
        "информация предоставлена", "предоставлена информация", "информирован", "предложено", "сообщено",
        "зарегистрировано", "зарегистрирован в", "уважаемый заявитель", "уважаемая заявительница",
        "по вашему сообщению", "по вашему обращению", "по результатам рассмотрения", "вам необходимо", "вам следует",
        "вам рекомендовано", "необходимо обратиться", "следует обратиться",
    ]

    /// The length, in characters, of the longest of ``answerStarts``.
    static let longestAnswerStart = answerStarts.map(\.count).max() ?? 0

    /// Lowercase abbreviations a full stop follows inside a sentence: addresses, money, units.
    public static let abbreviations: Set<String> = [
        "ул", "д", "кв", "г", "гг", "р", "руб", "коп", "пр", "просп", "им", "т", "тел", "корп", "стр", "пос", "обл",
        "мкр", "пер", "ш", "наб", "пл", "с", "п", "ст", "см", "напр", "др", "мин", "ч", "млн", "тыс", "кап", "е", "к",
    ]

    /// Words that name who called or wrote, by their start (lowercased, ё as е).
    static let reporterStarts = [
        "звонивш", "звонящ", "позвонивш", "заявител", "гражданин", "гражданка", "граждане", "абонент", "обративш",
        "жител", "собеседни", "клиент", "посетител", "пользовател", "автор",
    ]

    /// Reporting verbs, by their start (lowercased, ё as е).
    static let verbStarts = [
        "сообща", "сообщил", "жалует", "пожаловал", "интересует", "интересовал", "проси", "просил", "спрашива",
        "спросил", "уточня", "уточнил", "указыва", "указал", "обратил", "обращает", "выража", "выразил", "заявля",
        "заявил", "возмущ", "недовол", "хочет узнать", "поясня", "пояснил", "информиру", "информировал",
    ]

    /// Creates the rules.
    public init() {}

    /// The content of a text without answer sentences and operators' frames.
    ///
    /// Sentences are joined by a full stop and a space.
    ///
    /// - Parameter text: A record's text as stored.
    /// - Returns: The content; empty when every sentence was an answer.
    public func content(of text: String) -> String {
        sentences(of: text).filter { !isAnswer($0) }.map(strippingFrame).filter { !$0.isEmpty }
            .joined(separator: ". ")
    }

    /// Whether a sentence is an answer, a recommendation or a note of what was done («Рекомендовано обратиться…»).
    public func isAnswer(_ sentence: String) -> Bool {
        // Only the start can match: fold the first letters, not the whole sentence.
        let start = sentence.drop(while: { !$0.isLetter }).prefix(Self.longestAnswerStart)
        let folded = Self.folded(start)
        return Self.answerStarts.contains { folded.hasPrefix($0) }
    }

    /// The sentence without a leading reporter-and-verb frame, first letter capitalised; unchanged without one.
    public func strippingFrame(_ sentence: String) -> String {
        var words = sentence.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard !words.isEmpty else { return "" }
        var cut = 0
        if Self.matches(words[0], Self.reporterStarts) { cut = 1 }
        // «Заявитель Иванова сообщает», «Звонившая, мать ребёнка, сообщает»: up to two words between.
        var verbAt: Int?
        for index in cut..<min(words.count, cut + 3) where Self.matches(words[index], Self.verbStarts) {
            verbAt = index
            break
        }
        guard let verb = verbAt, cut == 1 || verb == 0 else { return Self.capitalized(sentence) }
        var verbWord = Self.folded(words[verb])
        var rest = Array(words[(verb + 1)...])
        // «хочет узнать» is two words.
        if verbWord.hasPrefix("хочет"), let next = rest.first, Self.folded(next).hasPrefix("узна") {
            rest.removeFirst()
            verbWord = "узнать"
        }
        // A reflexive past form after the verb («обратилась с жалобой на…»): drop «с жалобой», «с вопросом».
        if rest.count >= 2, Self.folded(rest[0]) == "с",
            ["жалоб", "вопрос", "просьб", "заявлен", "обращен"].contains(where: { Self.folded(rest[1]).hasPrefix($0) })
        {
            let last = rest[1]
            rest.removeFirst(2)
            if last.hasSuffix(","), rest.first.map({ Self.folded($0) == "что" }) == true { rest.removeFirst() }
        }
        words = rest
        if let first = words.first, first == "," || first == "—" || first == ":" { words.removeFirst() }
        guard let head = words.first else { return "" }
        let folded = Self.folded(head).trimmingCharacters(in: .punctuationCharacters)
        var result: [String]
        switch folded {
        case "что":
            result = Array(words.dropFirst())
        case "на":
            result = Self.nominative(Array(words.dropFirst()), from: .accusative)
        case "о", "об", "обо":
            result = Self.nominative(Array(words.dropFirst()), from: .prepositional, keepPreposition: head)
        case "по":
            // «по поводу X», «по вопросу X»: X is in the genitive, kept as a subject line «по поводу X».
            result = words
        default:
            result = verbWord.hasPrefix("интересу") ? Self.nominative(words, from: .instrumental) : words
        }
        let text = result.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        return Self.capitalized(
            text.hasPrefix(",") ? String(text.dropFirst()).trimmingCharacters(in: .whitespaces) : text
        )
    }

    // MARK: Cases

    enum Case { case accusative, prepositional, instrumental }

    /// Puts the leading noun phrase (an adjective and a noun at most) back into the nominative.
    static func nominative(_ words: [String], from grammaticalCase: Case, keepPreposition: String? = nil) -> [String] {
        guard let first = words.first else { return [] }
        let head = folded(first)
        if head.hasPrefix("отсутстви") { return ["нет"] + words.dropFirst() }
        if head.hasPrefix("невозможност") { return ["невозможно"] + words.dropFirst() }
        if head.hasPrefix("нехватк") || head.hasPrefix("недостат") && head.hasSuffix("ке") {
            return ["не хватает"] + words.dropFirst()
        }
        switch grammaticalCase {
        case .prepositional:
            // A subject line keeps its preposition: «О протечке кровли».
            return [keepPreposition ?? "о"] + words
        case .accusative, .instrumental:
            var result = words
            let phraseEnd = min(words.count, 2)
            for index in 0..<phraseEnd {
                let word = words[index]
                let core = word.trimmingCharacters(in: .punctuationCharacters)
                guard let converted = convert(core, grammaticalCase) else { break }
                result[index] = word.replacingOccurrences(of: core, with: converted)
                // Stop after the noun: an adjective is followed by its noun, a noun by its genitive.
                if !isAdjective(core, grammaticalCase) { break }
            }
            return result
        }
    }

    /// Whether a word in the given case ends like an adjective.
    static func isAdjective(_ word: String, _ grammaticalCase: Case) -> Bool {
        let lower = folded(word)
        switch grammaticalCase {
        case .accusative: return ["ую", "юю", "ый", "ий", "ое", "ее", "ые", "ие"].contains { lower.hasSuffix($0) }
        case .instrumental:
            return ["ной", "ской", "вой", "той", "ым", "им", "ыми", "ими"].contains { lower.hasSuffix($0) }
        case .prepositional: return false
        }
    }

    /// The nominative of a word in the accusative or instrumental, or `nil` when no rule applies.
    static func convert(_ word: String, _ grammaticalCase: Case) -> String? {
        let lower = folded(word)
        let rules: [(String, String)]
        switch grammaticalCase {
        case .accusative:
            rules = [("ую", "ая"), ("юю", "яя"), ("у", "а"), ("ю", "я")]
        case .instrumental:
            if lower == "порядком" { return preservingCase(word, "порядок") }
            rules = [
                ("ыми", "ые"), ("ими", "ие"), ("ием", "ие"), ("ями", "и"), ("ами", "ы"), ("ной", "ная"),
                ("ской", "ская"), ("вой", "вая"), ("той", "тая"), ("ым", "ый"), ("им", "ий"), ("ой", "а"),
                ("ей", "я"), ("ью", "ь"), ("ом", ""), ("ем", "ь"),
            ]
        case .prepositional:
            return nil
        }
        for (suffix, replacement) in rules where lower.hasSuffix(suffix) && lower.count > suffix.count + 1 {
            return String(word.dropLast(suffix.count)) + replacement
        }
        return grammaticalCase == .accusative ? word : nil
    }

    private static func preservingCase(_ original: String, _ replacement: String) -> String {
        original.first?.isUppercase == true ? capitalized(replacement) : replacement
    }

    // MARK: Text helpers

    /// Sentences split at `.`, `!`, `?`, `;` and line breaks, whitespace collapsed, empty ones dropped.
    ///
    /// A full stop right after one of ``abbreviations`` does not end a sentence: «ул. Кирова», «д. 5», «кв. 12»,
    /// «г. Елизово», «42 руб. за метр».
    public func sentences(of text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var word = ""
        func close() {
            let sentence = current.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !sentence.isEmpty { result.append(sentence) }
            current = ""
        }
        for character in text {
            if Self.endsSentence(character) {
                let isAbbreviation = character == "." && Self.abbreviations.contains(word)
                if isAbbreviation {
                    current.append(character)
                } else {
                    close()
                }
                word.removeAll(keepingCapacity: true)
            } else {
                current.append(character)
                if character.isLetter { word.append(character) } else { word.removeAll(keepingCapacity: true) }
            }
        }
        close()
        return result
    }

    /// Whether the character is one of `.`, `!`, `?`, `;`, `\n`, `\r` on its own (a `\r\n` pair is one
    /// `Character` and, as before, not one of them).
    static func endsSentence(_ character: Character) -> Bool {
        let utf8 = character.utf8
        guard utf8.count == 1, let byte = utf8.first else { return false }
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), 0x0A, 0x0D: return true
        default: return false
        }
    }

    static func matches(_ word: String, _ starts: [String]) -> Bool {
        let lower = trimmingPunctuation(folded(word))
        return starts.contains { lower.hasPrefix($0) }
    }

    /// Lowercased with ё as е.
    static func folded(_ text: some StringProtocol) -> String {
        let lower = text.lowercased()
        guard lower.contains(where: { $0 == "ё" }) else { return lower }
        return String(lower.map { $0 == "ё" ? "е" : $0 })
    }

    /// The text without leading and trailing punctuation (Unicode general category P).
    static func trimmingPunctuation(_ text: String) -> String {
        guard text.first?.isPunctuation == true || text.last?.isPunctuation == true else { return text }
        let head = text.drop(while: \.isPunctuation)
        return String(head.reversed().drop(while: \.isPunctuation).reversed())
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

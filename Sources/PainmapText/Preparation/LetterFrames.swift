/// Finds the frame of a letter to an authority — salutation, request formulae, closing and signature — in normalized
/// text, so that the words of the frame are not counted as the letter's subject.
///
/// Every letter opens with «Здравствуйте! Уважаемый Иван Иванович!», asks to «принять меры» and closes with «С
/// уважением, Петров П. П., тел. …»; counted as content, these words make all letters look alike, whatever they are
/// about. On ``TextNormalizer`` output (lower case, `е` for `ё`, digits gone, punctuation kept) the frame is:
/// - **opening**: greetings («здравствуйте», «добрый день», «доброго времени суток» …) at the start of the text, and an
///   address («уважаемый …», «глубокоуважаемая …») at the start up to its `!`, `,`, `.`, `:` or `?` within
///   ``maxAddressBytes`` (the addressee's name and office go with it), repeated while the text opens with one;
/// - **closing**: a sign-off («с уважением», «заранее спасибо», «спасибо за внимание» …) in the last part of the text
///   (its second half, or its last ``closingTailBytes``) — it and everything after it, the signature, go; earlier in
///   the text only the phrase goes;
/// - **formulae**: request and follow-up phrases that say nothing about the subject («прошу принять меры», «прошу
///   разобраться», «в установленный законом срок», «жду ответа», «обращаюсь к вам» …), wherever they are;
/// - **contacts**: «тел», «телефон для связи», «e-mail» … in the last third of the text.
///
/// Phrases match at the start of a word; one marked `*` in ``phrases`` matches any ending of its last word. The
/// lists hold general formulae of Russian official correspondence, not phrases of any one data set.
///
/// ```swift
/// let text = TextNormalizer().normalize("Здравствуйте! Нет света в подъезде. Прошу принять меры. С уважением, Иванов")
/// LetterFrames().excludedRanges(in: text)  // the greeting, «прошу принять меры» and «с уважением, иванов»
/// ```
public struct LetterFrames: Sendable {
    /// What a phrase is part of, which decides how much of the text it removes.
    enum Role: Sendable {
        /// A greeting at the start: the phrase goes.
        case greeting
        /// An address at the start: the phrase goes up to its punctuation.
        case address
        /// A sign-off: near the end, it and the rest go; earlier, the phrase goes.
        case signOff
        /// A request or follow-up formula: the phrase goes wherever it is.
        case formula
        /// A contact line's label: the phrase goes in the last third of the text.
        case contact
    }

    /// The phrases, normalized, with their role; `*` marks a last word matched by its beginning.
    static let phrases: [(String, Role)] = [
        ("здравствуйте", .greeting), ("здраствуйте", .greeting), ("здравствуй", .greeting),
        ("добрый день", .greeting), ("добрый вечер", .greeting), ("доброе утро", .greeting),
        ("доброго времени суток", .greeting), ("доброго дня", .greeting), ("доброго времени", .greeting),
        ("приветствую", .greeting), ("приветствую вас", .greeting),
        ("уважаем*", .address), ("глубокоуважаем*", .address), ("многоуважаем*", .address),
        ("с уважением", .signOff), ("с глубоким уважением", .signOff), ("с надеждой на*", .signOff),
        ("заранее спасибо", .signOff), ("заранее благодар*", .signOff), ("спасибо за внимание", .signOff),
        ("спасибо за понимание", .signOff), ("благодарю за внимание", .signOff), ("благодарю за понимание", .signOff),
        ("прошу принять меры", .formula), ("просим принять меры", .formula), ("прошу принять срочные меры", .formula),
        ("прошу принять", .formula), ("просим принять", .formula), ("примите меры", .formula),
        ("принять меры", .formula), ("прошу разобраться", .formula), ("просим разобраться", .formula),
        ("разберитесь", .formula), ("прошу помочь", .formula), ("просим помочь", .formula), ("помогите", .formula),
        ("прошу вас", .formula), ("просим вас", .formula), ("прошу рассмотреть", .formula),
        ("обращаюсь к вам", .formula), ("обращаемся к вам", .formula), ("обращаюсь с просьбой", .formula),
        ("обращаюсь повторно", .formula), ("повторно обращаюсь", .formula), ("не дождавшись ответа", .formula),
        ("в установленный законом срок", .formula), ("в установленные законом сроки", .formula),
        ("на личный контроль", .formula), ("взять на контроль", .formula), ("оказать содействие", .formula),
        ("жду ответ*", .formula), ("ждем ответ*", .formula), ("жду вашего ответ*", .formula),
        ("очень жду", .formula), ("надеюсь на", .formula), ("надеемся на", .formula),
        ("прошу дать ответ", .formula), ("прошу дать письменный ответ", .formula), ("письменный ответ", .formula),
        ("прошу ответить", .formula), ("прошу сообщить", .formula), ("прошу", .formula), ("просим", .formula),
        ("тел", .contact), ("телефон для связи", .contact), ("контактный телефон", .contact),
        ("мой телефон", .contact), ("моб", .contact), ("e-mail", .contact), ("email", .contact),
    ]

    /// How far an address at the start may run before its punctuation («Уважаемый Иван Иванович, глава …!»).
    static let maxAddressBytes = 160
    /// A sign-off this close to the end cuts the rest even in the first half of a short text.
    static let closingTailBytes = 300

    /// One phrase as bytes.
    private struct Phrase: Sendable {
        let bytes: [UInt8]
        let isPrefix: Bool
        let role: Role
    }

    /// Phrases by their first byte after the lead byte, longest first, so the longest match wins.
    private let phrasesByKey: [UInt16: [Phrase]]

    /// Whether request and follow-up formulae go wherever they are (not only the opening and the closing).
    public let includesFormulae: Bool

    /// Creates the finder.
    ///
    /// - Parameter includesFormulae: Also skip request and follow-up formulae inside the text (default `true`).
    public init(includesFormulae: Bool = true) {
        self.includesFormulae = includesFormulae
        var byKey: [UInt16: [Phrase]] = [:]
        for (text, role) in Self.phrases {
            let isPrefix = text.hasSuffix("*")
            let bytes = Array((isPrefix ? String(text.dropLast()) : text).utf8)
            byKey[Self.key(bytes[0], bytes[1]), default: []].append(
                Phrase(bytes: bytes, isPrefix: isPrefix, role: role)
            )
        }
        phrasesByKey = byKey.mapValues { $0.sorted { $0.bytes.count > $1.bytes.count } }
    }

    private static func key(_ first: UInt8, _ second: UInt8) -> UInt16 { UInt16(first) << 8 | UInt16(second) }

    /// The byte ranges of normalized text that belong to the frame, in order and disjoint.
    ///
    /// - Parameter text: ``TextNormalizer`` output.
    /// - Returns: The ranges to skip when counting words.
    public func excludedRanges(in text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { excludedRanges(in: $0) }
    }

    /// The byte ranges of normalized UTF-8 that belong to the frame, in order and disjoint.
    func excludedRanges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let count = bytes.count
        var ranges: [Range<Int>] = []
        var index = skipToWord(bytes, from: 0)
        // Opening: greetings and addresses, one after another.
        while index < count, let phrase = match(bytes, at: index), phrase.role == .greeting || phrase.role == .address {
            var end = wordEnd(bytes, from: index + phrase.bytes.count)
            if phrase.role == .address, let stop = punctuation(bytes, from: end, limit: index + Self.maxAddressBytes) {
                end = stop + 1
            }
            ranges.append(index..<end)
            index = skipToWord(bytes, from: end)
        }
        let bodyStart = index
        // The rest: formulae anywhere, sign-offs and contacts near the end.
        while index < count {
            guard isWordStart(bytes, index), let phrase = match(bytes, at: index) else {
                index += 1
                continue
            }
            let end = wordEnd(bytes, from: index + phrase.bytes.count)
            let nearEnd = index >= count / 2 || count - index <= Self.closingTailBytes
            switch phrase.role {
            case .signOff where nearEnd && index > bodyStart:
                ranges.append(index..<count)
                return ranges
            case .signOff:
                ranges.append(index..<end)
            case .formula where includesFormulae:
                ranges.append(index..<end)
            case .contact where index >= count * 2 / 3:
                ranges.append(index..<end)
            case .contact, .greeting, .address, .formula:
                break
            }
            index = end
        }
        return ranges
    }

    /// The longest phrase matching at a word start, with a word boundary after it unless it is a prefix.
    private func match(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Phrase? {
        guard index + 1 < bytes.count, let candidates = phrasesByKey[Self.key(bytes[index], bytes[index + 1])] else {
            return nil
        }
        for phrase in candidates where index + phrase.bytes.count <= bytes.count {
            var equal = true
            for offset in 0..<phrase.bytes.count where bytes[index + offset] != phrase.bytes[offset] {
                equal = false
                break
            }
            guard equal else { continue }
            let after = index + phrase.bytes.count
            if phrase.isPrefix || after == bytes.count || !Self.isWordByte(bytes[after]) { return phrase }
        }
        return nil
    }

    /// Whether a byte can be part of a word: a letter or digit (any non-ASCII byte counts), or a hyphen.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "-") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private func isWordStart(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        index == 0 || !Self.isWordByte(bytes[index - 1])
    }

    /// The end of the word that `index` is in (or `index` at a boundary).
    private func wordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var end = index
        while end < bytes.count, Self.isWordByte(bytes[end]) { end += 1 }
        return end
    }

    /// The first byte at or after `index` that can start a word.
    private func skipToWord(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var index = index
        while index < bytes.count, !Self.isWordByte(bytes[index]) { index += 1 }
        return index
    }

    /// The first `!`, `,`, `.`, `:` or `?` in `index ..< limit`.
    private func punctuation(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, limit: Int) -> Int? {
        var index = index
        while index < min(limit, bytes.count) {
            switch bytes[index] {
            case UInt8(ascii: "!"), UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "?"):
                return index
            default: index += 1
            }
        }
        return nil
    }
}

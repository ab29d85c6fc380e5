import PainmapCore

/// Finds dates of birth: a date next to a birth cue.
///
/// The date is «12.03.1985», «12/03/85», «5 марта 1985 г.», or a year alone before «г.р.»; the cue is — «дата рождения», «д.р.», «родился», «рождённый» within four words before it, or «г.р.», «года
/// рождения» right after it. Every other date (of an application, a visit, a law) stays.
struct BirthDateRecognizer {
    func find(in text: ScannedText, into candidates: inout [Candidate]) {
        let tokens = text.tokens
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            guard tokens[index].isNumber, let (end, full) = date(at: index, in: text) else { continue }
            var last = end
            let after = birthSuffix(after: end, in: text)
            if let after { last = after }
            // A year alone needs «г.р.» after it or a cue right before («родился в 1985 году»).
            guard after != nil || ((full || tokens[index].length == 4) && hasCue(before: index, in: text)) else {
                continue
            }
            candidates.append(Candidate(type: .birthDate, start: tokens[index].start, end: tokens[last].end))
            index = last
        }
    }

    /// The date starting at number token `index`: the index of its last token and whether it is a whole date (a year
    /// alone counts only before «г.р.»).
    private func date(at index: Int, in text: ScannedText) -> (Int, Bool)? {
        let tokens = text.tokens
        let first = tokens[index]
        if first.length == 4, (1900...2030).contains(value(of: first, in: text)) {
            return (yearTail(index, text), false)
        }
        guard first.length <= 2 else { return nil }
        // 12.03.1985, 12/03/85, 12-03-1985: separators glued to the numbers.
        if index + 4 < tokens.count, tokens[index + 1].isSymbol, tokens[index + 2].isNumber,
            tokens[index + 2].length <= 2, tokens[index + 3].isSymbol,
            tokens[index + 3].scalar == tokens[index + 1].scalar,
            tokens[index + 4].isNumber, tokens[index + 4].length == 2 || tokens[index + 4].length == 4,
            [".", "/", "-"].contains(tokens[index + 1].scalar)
        {
            return (yearTail(index + 4, text), true)
        }
        // 5 марта 1985 [г.|года]
        if let month = text.next(after: index), let word = text.word(month),
            BirthDateRecognizer.months.contains(word.key), let year = text.next(after: month), tokens[year].isNumber,
            tokens[year].length == 4
        {
            return (yearTail(year, text), true)
        }
        return nil
    }

    /// The last token of «1985», «1985 г.», «1985 года» (not «года рождения», which ``birthSuffix(after:in:)`` takes).
    private func yearTail(_ year: Int, _ text: ScannedText) -> Int {
        if birthSuffix(after: year, in: text) != nil { return year }
        guard let next = text.next(after: year), let word = text.word(next), !text.lineBreak(between: year, next) else {
            return year
        }
        if word.isWord(BirthDateRecognizer.yearShort) {
            if text.isSymbol(next + 1, "."),
                text.word(text.next(after: next + 1)).map({ $0.isWord(BirthDateRecognizer.r) }) != true
            {
                return next + 1
            }
            return text.word(text.next(after: next)).map { $0.isWord(BirthDateRecognizer.r) } == true ? year : next
        }
        if word.isWord(BirthDateRecognizer.yearWord),
            text.word(text.next(after: next)).map({ BirthDateRecognizer.isBirthWord($0.key) }) != true
        {
            return next
        }
        return year
    }

    /// The index of the last token of a birth suffix right after token `end`.
    ///
    /// The suffixes are «г. р.», «гр» and «года рождения».
    private func birthSuffix(after end: Int, in text: ScannedText) -> Int? {
        guard let next = text.next(after: end), let word = text.word(next), !text.lineBreak(between: end, next) else {
            return nil
        }
        if word.isWord(BirthDateRecognizer.gr) { return text.isSymbol(next + 1, ".") ? next + 1 : next }
        if word.isWord(BirthDateRecognizer.yearShort) || word.isWord(BirthDateRecognizer.yearWord) {
            var cursor = next
            if text.isSymbol(cursor + 1, ".") || text.isSymbol(cursor + 1, "/") { cursor += 1 }
            guard let birth = text.next(after: cursor), let word = text.word(birth),
                word.isWord(BirthDateRecognizer.r) || BirthDateRecognizer.isBirthWord(word.key)
            else { return nil }
            return text.isSymbol(birth + 1, ".") ? birth + 1 : birth
        }
        return nil
    }

    /// A birth cue within four words before token `index`, in the same sentence and line.
    private func hasCue(before index: Int, in text: ScannedText) -> Bool {
        var cursor = index - 1
        var words = 0
        while cursor >= 0, words < 4 {
            let token = text.tokens[cursor]
            if token.isWord {
                if BirthDateRecognizer.isBirthWord(token.key) { return true }
                // «д.р.», «д/р», «др»
                if token.isWord(BirthDateRecognizer.r), cursor >= 2,
                    text.isSymbol(cursor - 1, ".") || text.isSymbol(cursor - 1, "/"),
                    text.word(cursor - 2)?.isWord(BirthDateRecognizer.d) == true
                {
                    return true
                }
                if token.isWord(BirthDateRecognizer.dr) { return true }
                words += 1
            } else if token.hasLineBreak || token.isNumber || token.isPlaceholder {
                return false
            } else if token.isSymbol, token.isSymbol(";") || (text.endsSentence(cursor) && !token.isSymbol(".")) {
                return false
            }
            cursor -= 1
        }
        return false
    }

    /// The number a digit token spells.
    private func value(of token: Token, in text: ScannedText) -> Int {
        var value = 0
        for scalar in text.scalars[token.start..<token.end] { value = value * 10 + Int(scalar.value &- 48) }
        return value
    }

    /// Whether a word is a birth cue: «рождения», «рожд», «родился», «родилась», «рождённый».
    static func isBirthWord(_ key: WordKey) -> Bool {
        key.length >= 4 && (hasPrefix(key, rozhd) || hasPrefix(key, rodil))
    }

    private static func hasPrefix(_ key: WordKey, _ prefix: WordKey) -> Bool {
        guard key.length >= prefix.length else { return false }
        let mask: UInt64 = prefix.length >= 8 ? ~0 : (1 << UInt64(prefix.length * 8)) - 1
        return key.head0 & mask == prefix.head0
    }

    private static let rozhd = WordKey("рожд")
    private static let rodil = WordKey("родил")
    private static let yearShort = WordKey("г")
    private static let yearWord = WordKey("года")
    private static let gr = WordKey("гр")
    private static let r = WordKey("р")
    private static let d = WordKey("д")
    private static let dr = WordKey("др")
    static let months = WordSet([
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
        "декабря",
    ])
}

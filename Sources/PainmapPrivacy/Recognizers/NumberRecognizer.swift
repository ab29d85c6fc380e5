import PainmapCore

/// Finds phone numbers, СНИЛС, ИНН, ОГРН/ОГРНИП, passports and card numbers among digit groups.
///
/// Digit groups joined by spaces, hyphens, brackets or «№» form a chain (`+7 (912) 345-67-89`). A chain gets
/// its type from the nearest cue word before it («СНИЛС», «тел.», «паспорт», or a decoy such as «заявление»,
/// «ОКТМО»); without one, from its shape and control digits. A chain that fits nothing as a whole is tried in
/// parts, left to right, so a phone followed by a count is still found. A cue labels the list it opens: a number
/// listed after an identifier («тел. 8-913-123-45-67 или 223344», «СНИЛС 123-456-789 01, 234-567-890 12») takes
/// that identifier's type as its cue, and a placeholder stands for the identifier it replaced, so the redacted text
/// reads the same («тел. [ТЕЛЕФОН] или 223344»). A placeholder is never a cue itself and never part of a chain.
struct NumberRecognizer {
    /// Numbers never redacted; a chain that is one of them is skipped whole, never tried in parts.
    var publicNumbers = PublicNumbers(numbers: [], addresses: [])

    func find(in text: ScannedText, into candidates: inout [Candidate]) {
        let tokens = text.tokens
        var index = 0
        // The last group of the last chain part that got a type, and that type.
        var lastTyped: (group: Int, type: PersonalDataType)?
        while index < tokens.count {
            guard tokens[index].isNumber else {
                index += 1
                continue
            }
            // Gather the chain of groups starting here.
            var groups = [index]
            var cursor = index
            var parenthesised = false
            while true {
                var probe = cursor + 1
                var gap = 0
                var symbols = 0
                while probe < tokens.count, !tokens[probe].isNumber {
                    let token = tokens[probe]
                    if token.isSpace, !token.hasLineBreak {
                        gap += token.length
                    } else if token.isSymbol, NumberRecognizer.joiners.contains(token.scalar) {
                        gap += 1
                        symbols += 1
                        if token.scalar == "(" || token.scalar == ")" { parenthesised = true }
                    } else {
                        break
                    }
                    probe += 1
                }
                guard probe < tokens.count, tokens[probe].isNumber, gap <= 3, symbols <= 2,
                    probe > cursor + 1 || gap == 0
                else { break }
                // A glued letter ends a chain: «5а», «А123ВС».
                groups.append(probe)
                cursor = probe
            }
            if index > 0, text.isSymbol(index - 1, "(") || (index > 1 && text.isSymbol(index - 2, "(")) {
                parenthesised = true
            }
            let plus = NumberRecognizer.hasPlus(before: index, in: text)
            let suffixDecoy =
                text.word(text.next(after: groups[groups.count - 1])).map { NumberCue.isDecoySuffix($0.key) } ?? false
            var cue = cueBefore(index, in: text)
            // A СНИЛС spelled 3-3-3 2 with its control number, or twelve digits with both ИНН control digits, is the
            // citizen's even in a sentence about an application or an office («проверьте заявку по номеру
            // 112-233-445 95», «в МФЦ дали выписку, 500100732259»): no application number or phone is spelled so.
            // A number labelled by the application word itself («Заявление № …», «Лицевой счёт …») stays.
            if cue == .publicLine || cue == .decoy, let type = unmistakableIdentifier(groups, in: text),
                !isLabelledByDecoy(index, in: text), !isPublicChain(groups, in: text)
            {
                let last = groups[groups.count - 1]
                candidates.append(Candidate(type: type, start: tokens[index].start, end: tokens[last].end))
                lastTyped = (last, type)
                index = last + 1
                continue
            }
            // An organisation's line or a public number is skipped whole: its parts are no phones either.
            if cue == .publicLine || isPublicChain(groups, in: text) {
                index = groups[groups.count - 1] + 1
                continue
            }
            if cue == nil, !suffixDecoy, let listed = typeListed(before: index, in: text, lastTyped: lastTyped) {
                cue = NumberCue.of(listed)
            }
            var start = 0
            while start < groups.count {
                var matched = false
                var end = groups.count
                while end > start {
                    let slice = Array(groups[start..<end])
                    let isLast = end == groups.count
                    if let type = classify(
                        slice,
                        in: text,
                        plus: start == 0 && plus,
                        cue: start == 0 ? cue : nil,
                        parenthesised: parenthesised,
                        decoySuffix: isLast && suffixDecoy
                    ) {
                        var spanStart = tokens[slice[0]].start
                        if start == 0, plus { spanStart = NumberRecognizer.plusStart(before: index, in: text) }
                        var spanEnd = tokens[slice[slice.count - 1]].end
                        if parenthesised, type == .phone, slice.count > 0, spanStart > 0,
                            text.scalars[spanStart - 1] == "("
                        {
                            spanStart -= 1
                        }
                        if spanEnd < text.scalars.count, text.scalars[spanEnd] == ")" { spanEnd += 1 }
                        if type == .phone,
                            let extensionEnd = NumberRecognizer.phoneExtension(after: slice[slice.count - 1], in: text)
                        {
                            spanEnd = extensionEnd
                        }
                        candidates.append(Candidate(type: type, start: spanStart, end: spanEnd))
                        lastTyped = (slice[slice.count - 1], type)
                        start = end
                        matched = true
                        break
                    }
                    end -= 1
                }
                if !matched { start += 1 }
            }
            index = groups[groups.count - 1] + 1
        }
        findSplitPassports(in: text, into: &candidates)
    }

    /// The end of an extension right after a phone's last group, if any: «доб 123», «(доб 45)», «добавочный 123».
    static func phoneExtension(after group: Int, in text: ScannedText) -> Int? {
        var cursor = group + 1
        var opened = false
        while cursor < text.tokens.count,
            text.tokens[cursor].isSpace || text.tokens[cursor].isSymbol(",")
                || text.tokens[cursor].isSymbol("(")
        {
            if text.tokens[cursor].isSymbol("(") { opened = true }
            if text.tokens[cursor].hasLineBreak { return nil }
            cursor += 1
        }
        guard let word = text.word(cursor), extensionWords.contains(word.key) else { return nil }
        cursor += 1
        while cursor < text.tokens.count,
            text.tokens[cursor].isSpace || text.tokens[cursor].isSymbol(".")
                || text.tokens[cursor].isSymbol(":")
        {
            cursor += 1
        }
        guard cursor < text.tokens.count, text.tokens[cursor].isNumber, text.tokens[cursor].length <= 6 else {
            return nil
        }
        var end = text.tokens[cursor].end
        if opened, cursor + 1 < text.tokens.count, text.tokens[cursor + 1].isSymbol(")") { end += 1 }
        return end
    }

    private static let extensionWords = WordSet(["доб", "добавочный", "добавочного", "вн", "внутр", "ext", "extension"])

    /// Whether the chain's digits are a public number (8-800 …, or one of `Config/privacy.yaml`).
    private func isPublicChain(_ groups: [Int], in text: ScannedText) -> Bool {
        guard !publicNumbers.isEmpty else { return false }
        var number = PublicNumbers.Digits()
        for group in groups {
            for scalar in text.scalars[text.tokens[group].start..<text.tokens[group].end] { number.append(scalar) }
        }
        return publicNumbers.contains(number)
    }

    /// The type of a chain no other number is spelled like: a СНИЛС as `XXX-XXX-XXX YY` (or nine digits and two) with
    /// a valid control number, a solid 12-digit ИНН with both control digits valid; otherwise `nil`.
    func unmistakableIdentifier(_ groups: [Int], in text: ScannedText) -> PersonalDataType? {
        guard groups.count <= 4 else { return nil }
        var lengths: [Int] = []
        var digits: [UInt8] = []
        for group in groups {
            let token = text.tokens[group]
            lengths.append(token.length)
            for scalar in text.scalars[token.start..<token.end] {
                digits.append(UInt8(truncatingIfNeeded: scalar.value &- 48))
            }
        }
        if lengths == [3, 3, 3, 2] || lengths == [9, 2] {
            return IdentifierChecksums.isValidSNILS(digits) ? .snils : nil
        }
        if lengths == [12] { return IdentifierChecksums.isValidINN(digits) ? .inn : nil }
        return nil
    }

    /// Whether the chain at token `index` is labelled by the word or sign right before it as an application's,
    /// an account's or a code's number: «№», or a decoy cue word («заявки», «счёт», «код»), past a colon or a dot.
    func isLabelledByDecoy(_ index: Int, in text: ScannedText) -> Bool {
        var cursor = index - 1
        while cursor >= 0, cursor >= index - 5 {
            let token = text.tokens[cursor]
            if token.isSpace || token.isSymbol(":") || token.isSymbol(".") || token.isSymbol("-") {
                cursor -= 1
                continue
            }
            if token.isSymbol("№") || token.isSymbol("#") { return true }
            return token.isWord && NumberCue.of(token.key) == .decoy
        }
        return false
    }

    /// Words that join the items of a list: «8-913-123-45-67 или 223344».
    private static let listWords = WordSet(["или", "либо", "и"])

    /// The type of the identifier that the chain at token `index` is listed after — «X, N», «X или N», «X, или N» on
    /// one line, X being the chain part typed last (`lastTyped`, or its closing bracket) or a placeholder of a numeric
    /// type — or `nil`.
    func typeListed(before index: Int, in text: ScannedText, lastTyped: (group: Int, type: PersonalDataType)?)
        -> PersonalDataType?
    {
        func previous(_ cursor: Int) -> Int? {
            guard let before = text.previous(before: cursor), !text.lineBreak(between: before, cursor) else {
                return nil
            }
            return before
        }
        guard var cursor = previous(index) else { return nil }
        var joined = false
        if let word = text.word(cursor), NumberRecognizer.listWords.contains(word.key) {
            guard let before = previous(cursor) else { return nil }
            cursor = before
            joined = true
        }
        if text.isSymbol(cursor, ",") {
            guard let before = previous(cursor) else { return nil }
            cursor = before
            joined = true
        }
        guard joined else { return nil }
        let token = text.tokens[cursor]
        if token.isPlaceholder {
            return token.placeholder.flatMap { $0.isNumeric ? $0 : nil }
        }
        guard let lastTyped else { return nil }
        if token.isNumber, cursor == lastTyped.group { return lastTyped.type }
        if token.isSymbol(")"), cursor == lastTyped.group + 1 { return lastTyped.type }
        return nil
    }

    /// Words that make a number the writer's own: «мой», «мне», «личный».
    private static let personalWords = WordSet([
        "мой", "моя", "мое", "мои", "моего", "моему", "мне", "меня", "мною", "личный", "личного", "сотовый",
        "мобильный", "мобильного", "сотового", "перезвоните", "перезвонить", "свяжитесь", "связаться",
    ])

    private static let seriesWords = WordSet(["серия", "серии"])
    private static let numberWords = WordSet(["номер", "ном", "н", "n"])

    private static let joiners: Set<Unicode.Scalar> = ["-", "\u{2013}", "\u{2012}", "(", ")", "№", "/"]

    private static func hasPlus(before index: Int, in text: ScannedText) -> Bool {
        var cursor = index - 1
        while cursor >= 0, cursor >= index - 3 {
            let token = text.tokens[cursor]
            if token.isSymbol("+") { return true }
            if !(token.isSpace || token.isSymbol("(")) { return false }
            cursor -= 1
        }
        return false
    }

    private static func plusStart(before index: Int, in text: ScannedText) -> Int {
        var cursor = index - 1
        while cursor >= 0 {
            if text.tokens[cursor].isSymbol("+") { return text.tokens[cursor].start }
            cursor -= 1
        }
        return text.tokens[index].start
    }

    /// The cue of the nearest word within four words before token `index`, stopping at a line break, a
    /// sentence end or another number.
    func cueBefore(_ index: Int, in text: ScannedText) -> NumberCue? {
        var cursor = index - 1
        var words = 0
        var organisation = false
        var phone = false
        while cursor >= 0, words < 6 {
            let token = text.tokens[cursor]
            switch token.kind {
            case .word:
                // «ОГРН управляющей компании N», «ИНН МФЦ N»: an organisation's word is the cue only for a phone;
                // an identifier's cue further back still types the number. «в МФЦ по телефону N» is the office's
                // phone, «мой телефон N» the citizen's.
                if NumberRecognizer.personalWords.contains(token.key), phone || organisation {
                    return .phone
                }
                if let cue = NumberCue.of(token.key) {
                    if cue == .publicLine {
                        if phone { return .publicLine }
                        organisation = true
                    } else if cue == .phone {
                        if organisation { return .publicLine }
                        phone = true
                    } else if words < 4, !phone {
                        return cue == .decoy && organisation ? .publicLine : cue
                    }
                }
                words += 1
                if phone, words >= 3 { return .phone }
            case .number, .placeholder:
                // A placeholder reads like the number it replaced: the cue search stops there.
                return organisation ? .publicLine : phone ? .phone : nil
            case .space:
                if token.hasLineBreak { return organisation ? .publicLine : phone ? .phone : nil }
            case .symbol:
                // «Пасп. 5097630746»: an abbreviated cue's dot ends no sentence.
                let abbreviatedCue =
                    token.isSymbol(".") && cursor > 0 && text.tokens[cursor - 1].isWord
                    && text.tokens[cursor - 1].length <= 4
                    && NumberCue.of(text.tokens[cursor - 1].key).map { $0 != .publicLine && $0 != .decoy } ?? false
                if !abbreviatedCue, token.isSymbol(";") || text.endsSentence(cursor) {
                    return organisation ? .publicLine : phone ? .phone : nil
                }
            }
            cursor -= 1
        }
        return organisation ? .publicLine : phone ? .phone : nil
    }

    /// The type of a chain of digit groups, or `nil` when it is not personal data.
    private func classify(
        _ groups: [Int],
        in text: ScannedText,
        plus: Bool,
        cue: NumberCue?,
        parenthesised: Bool,
        decoySuffix: Bool
    ) -> PersonalDataType? {
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        var lengths: [Int] = []
        for group in groups {
            let token = text.tokens[group]
            lengths.append(token.length)
            for scalar in text.scalars[token.start..<token.end] {
                digits.append(UInt8(truncatingIfNeeded: scalar.value &- 48))
            }
        }
        let count = digits.count
        if count < 5 || count > 19 { return nil }
        // Labelled numbers: the label decides, within a digit or two of the right length (typos stay redacted).
        switch cue {
        case .snils?: if (9...13).contains(count) { return .snils }
        case .inn?:
            // An organisation's ИНН (10 digits) and ОГРН (13) are public registry data, not a person's.
            if count == 15, IdentifierChecksums.isValidOGRN(digits) { return .ogrn }
            if count == 13, IdentifierChecksums.isValidOGRN(digits) { return nil }
            if count == 10 || count == 9 { return nil }
            if (11...13).contains(count) { return .inn }
        case .ogrn?:
            if count <= 13 { return nil }
            if (14...16).contains(count) { return .ogrn }
        case .passport?: if (9...11).contains(count) { return .passport }
        case .card?: if (13...19).contains(count) { return .card }
        case .phone?:
            if (5...7).contains(count) || (10...12).contains(count) { return .phone }
        case .publicLine?:
            return nil
        case .decoy?:
            // An application or code number; only an unmistakable +7 phone overrides the label.
            if plus, count == 11, digits[0] == 7 { return .phone }
            return nil
        case nil: break
        }
        if decoySuffix, !plus { return nil }
        if plus {
            if count == 11, digits[0] == 7 { return .phone }
            if (10...15).contains(count) { return .phone }
        }
        let first = digits[0]
        switch count {
        case 11:
            if lengths == [3, 3, 3, 2] || lengths == [9, 2] { return .snils }
            if first == 7 || first == 8 {
                if digits[1] == 8, digits[2] == 0, digits[3] == 0 { return nil }  // 8-800: an organisation's line
                if digits[1] >= 3 { return .phone }
            }
            if lengths == [11], IdentifierChecksums.isValidSNILS(digits) { return .snils }
            return nil
        case 10:
            if lengths == [4, 6] || lengths == [2, 2, 6] { return .passport }
            if first == 9, lengths.count > 1 || parenthesised { return .phone }
            if first == 9, lengths == [10] { return .phone }
            if lengths == [10], IdentifierChecksums.isValidINN(digits) { return nil }  // an organisation's ИНН
            if parenthesised, first >= 3 { return .phone }
            return nil
        case 12:
            if lengths == [12], IdentifierChecksums.isValidINN(digits) { return .inn }
            return nil
        case 13, 15:
            if lengths == [count], IdentifierChecksums.isValidOGRN(digits) { return count == 15 ? .ogrn : nil }
            if count == 13, IdentifierChecksums.isValidLuhn(digits), IdentifierChecksums.hasCardPrefix(digits) {
                return .card
            }
            return nil
        case 14, 16...19:
            if IdentifierChecksums.isValidLuhn(digits), IdentifierChecksums.hasCardPrefix(digits) { return .card }
            if count == 16, lengths == [4, 4, 4, 4] { return .card }
            return nil
        default:
            return nil
        }
    }

    /// «серия 45 06 номер 123456», «серия 4506 № 123456»: the word between series and number breaks the chain.
    private func findSplitPassports(in text: ScannedText, into candidates: inout [Candidate]) {
        let tokens = text.tokens
        for index in tokens.indices
        where tokens[index].isWord && NumberRecognizer.seriesWords.contains(tokens[index].key) {
            guard var cursor = text.next(after: index) else { continue }
            if tokens[cursor].isSymbol(":") {
                guard let next = text.next(after: cursor) else { continue }
                cursor = next
            }
            var seriesDigits = 0
            let seriesStart = cursor
            var last = cursor
            while cursor < tokens.count, tokens[cursor].isNumber, seriesDigits < 4 {
                seriesDigits += tokens[cursor].length
                last = cursor
                guard let next = text.next(after: cursor) else { break }
                cursor = next
            }
            guard seriesDigits == 4, cursor < tokens.count else { continue }
            if tokens[cursor].isWord,
                NumberRecognizer.numberWords.contains(tokens[cursor].key) || tokens[cursor].isSymbol("№")
            {
                guard let next = text.next(after: cursor) else { continue }
                cursor = next
                if tokens[cursor].isSymbol(".") || tokens[cursor].isSymbol(":") || tokens[cursor].isSymbol("№") {
                    guard let after = text.next(after: cursor) else { continue }
                    cursor = after
                }
            }
            guard cursor < tokens.count, tokens[cursor].isNumber, (5...7).contains(tokens[cursor].length), cursor > last
            else { continue }
            candidates.append(Candidate(type: .passport, start: tokens[seriesStart].start, end: tokens[cursor].end))
        }
    }
}

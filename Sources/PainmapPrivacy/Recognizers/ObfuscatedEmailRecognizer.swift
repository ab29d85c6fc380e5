import PainmapCore

/// Finds e-mail addresses written to dodge robots: «ivanov (at) mail.ru», «ivanov собака mail точка ru»,
/// «ivanov[at]yandex[dot]ru», «ivanov@ya ru».
///
/// A Latin local part glued together, an «at» marker (`@`, `(at)`, `[at]`, «собака»), then domain labels joined by dots,
/// `(dot)`, «точка» or a space, ending in a top-level domain (`ru`, `рф`, `com` …).
struct ObfuscatedEmailRecognizer {
    func find(in text: ScannedText, into candidates: inout [Candidate]) {
        let tokens = text.tokens
        for index in tokens.indices where isAtMarker(index, text) {
            guard let start = localPartStart(before: index, text), let end = domainEnd(after: index, text) else {
                continue
            }
            guard !EmailRecognizer.isPublic(text.scalars[tokens[start].start..<tokens[end].end]),
                !EmailRecognizer.isOfficial(before: tokens[start].start, in: text)
            else { continue }
            candidates.append(Candidate(type: .email, start: tokens[start].start, end: tokens[end].end))
        }
    }

    @inline(__always)
    private func isAtMarker(_ index: Int, _ text: ScannedText) -> Bool {
        let token = text.tokens[index]
        if token.isSymbol("@") { return true }
        // «at», «собака», «собачка», «собаку»: two, six or seven letters.
        return token.isWord && (token.length == 2 || token.length == 6 || token.length == 7)
            && ObfuscatedEmailRecognizer.atWords.contains(token.key)
    }

    /// The first token of the glued Latin local part before the marker (skipping «(», «[» and one space).
    private func localPartStart(before marker: Int, _ text: ScannedText) -> Int? {
        let tokens = text.tokens
        var cursor = marker - 1
        if cursor >= 0, tokens[cursor].isSymbol("(") || tokens[cursor].isSymbol("[") { cursor -= 1 }
        if cursor >= 0, tokens[cursor].isSpace, !tokens[cursor].hasLineBreak, tokens[cursor].length <= 2 { cursor -= 1 }
        var start: Int?
        var letters = false
        while cursor >= 0 {
            let token = tokens[cursor]
            if token.isWord, ObfuscatedEmailRecognizer.isLatin(token, text) {
                letters = true
            } else if !(token.isNumber || token.isSymbol(".") || token.isSymbol("_") || token.isSymbol("-")) {
                break
            }
            start = cursor
            cursor -= 1
        }
        guard letters, var first = start else { return nil }
        while first < marker, tokens[first].isSymbol(".") || tokens[first].isSymbol("-") { first += 1 }
        return first < marker ? first : nil
    }

    /// The last token of the domain after the marker, ending in a top-level domain.
    private func domainEnd(after marker: Int, _ text: ScannedText) -> Int? {
        let tokens = text.tokens
        var cursor = marker + 1
        if cursor < tokens.count, tokens[cursor].isSymbol(")") || tokens[cursor].isSymbol("]") { cursor += 1 }
        if cursor < tokens.count, tokens[cursor].isSpace, !tokens[cursor].hasLineBreak, tokens[cursor].length <= 2 {
            cursor += 1
        }
        var labels = 0
        var last: Int?
        while cursor < tokens.count, labels < 5 {
            let token = tokens[cursor]
            guard token.isWord || token.isNumber,
                token.isNumber || ObfuscatedEmailRecognizer.isLatin(token, text)
                    || ObfuscatedEmailRecognizer.topLevel.contains(token.key)
            else { break }
            labels += 1
            if labels >= 2, ObfuscatedEmailRecognizer.topLevel.contains(token.key) { last = cursor }
            // A separator: «.», «(dot)», «[dot]», « точка », « dot », or a single space before the top-level domain.
            var next = cursor + 1
            if next < tokens.count, tokens[next].isSymbol(".") || tokens[next].isSymbol("-") {
                next += 1
            } else if next + 2 < tokens.count, tokens[next].isSpace, tokens[next].length == 1,
                tokens[next + 1].isSymbol("."),
                tokens[next + 2].isSpace, tokens[next + 2].length == 1
            {
                next += 3  // «yandex . ru»
            } else if next + 2 < tokens.count, tokens[next].isSymbol("(") || tokens[next].isSymbol("["),
                tokens[next + 1].isWord, ObfuscatedEmailRecognizer.dotWords.contains(tokens[next + 1].key)
            {
                next += 3
            } else if next + 1 < tokens.count, tokens[next].isSpace, tokens[next].length <= 2,
                !tokens[next].hasLineBreak
            {
                if tokens[next + 1].isWord, ObfuscatedEmailRecognizer.dotWords.contains(tokens[next + 1].key) {
                    next += 2
                    if next < tokens.count, tokens[next].isSpace, tokens[next].length <= 2 { next += 1 }
                } else if tokens[next + 1].isWord, ObfuscatedEmailRecognizer.topLevel.contains(tokens[next + 1].key) {
                    next += 1
                } else {
                    break
                }
            } else {
                break
            }
            cursor = next
        }
        return last
    }

    private static func isLatin(_ token: Token, _ text: ScannedText) -> Bool {
        text.scalars[token.start..<token.end].allSatisfy { $0.isASCII || $0 == "-" }
    }

    private static let atWords = WordSet(["at", "собака", "собачка", "собаку"])
    private static let dotWords = WordSet(["dot", "точка", "тчк"])
    private static let topLevel = WordSet([
        "ru", "com", "net", "org", "su", "info", "рф", "ру", "io", "me", "biz", "kz", "by", "ua", "uz", "online", "pro",
    ])
}

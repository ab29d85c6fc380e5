import PainmapCore

/// Finds e-mail addresses: a local part, «@», and a domain with a dot (`.рф` and Cyrillic domains included).
///
/// Handles without a dotted domain (`@gosuslugi`, `@mfc_bot`) are not addresses and stay.
struct EmailRecognizer {
    func find(in text: ScannedText, into candidates: inout [Candidate]) {
        let scalars = text.scalars
        for index in scalars.indices where scalars[index] == "@" {
            var start = index
            while start > 0, EmailRecognizer.isLocal(scalars[start - 1]) { start -= 1 }
            while start < index, scalars[start] == "." || scalars[start] == "-" { start += 1 }
            guard start < index else { continue }
            var end = index + 1
            var lastDot = -1
            while end < scalars.count, EmailRecognizer.isDomain(scalars[end]) {
                if scalars[end] == "." { lastDot = end }
                end += 1
            }
            while end > index + 1, scalars[end - 1] == "." || scalars[end - 1] == "-" {
                end -= 1
                if lastDot >= end { lastDot = -1 }
            }
            if lastDot < 0 {
                // The dot may have been trimmed; look again inside the kept domain.
                for probe in (index + 1)..<end where scalars[probe] == "." { lastDot = probe }
            }
            guard lastDot > index + 1, end - lastDot - 1 >= 2 else { continue }
            guard !EmailRecognizer.isPublic(scalars[start..<end]), !EmailRecognizer.isOfficial(before: start, in: text)
            else { continue }
            candidates.append(Candidate(type: .email, start: start, end: end))
        }
    }

    /// Whether an address is an organisation's role mailbox: «info@», «priem@», «mfc@».
    ///
    /// A person's address is personal data wherever it is hosted, so the domain alone never makes an address public.
    static func isPublic(_ address: some Collection<Unicode.Scalar>) -> Bool {
        var local = ""
        for scalar in address {
            if scalar == "@" || scalar == "(" || scalar == "[" || scalar == " " { break }
            local.unicodeScalars.append(ScannedText.folded(scalar))
        }
        return roleMailboxes.contains(local)
    }

    /// Whether an organisation's word comes within four words before the address: «на адрес учреждения …»,
    /// «официальная почта МФЦ …».
    static func isOfficial(before start: Int, in text: ScannedText) -> Bool {
        guard let first = text.tokens.firstIndex(where: { $0.end > start }) else { return false }
        var cursor = first - 1
        var words = 0
        while cursor >= 0, words < 4 {
            let token = text.tokens[cursor]
            if token.isWord {
                if officialWords.contains(token.key) { return true }
                words += 1
            } else if token.hasLineBreak || token.isPlaceholder || token.isNumber || text.endsSentence(cursor) {
                return false
            }
            cursor -= 1
        }
        return false
    }

    private static let officialWords = WordSet([
        "официальный", "официальная", "официальную", "официальной", "официального", "учреждения", "учреждение",
        "ведомства", "организации", "мфц", "приемной", "приемная", "администрации", "министерства", "министерство",
        "канцелярии", "канцелярию",
    ])

    private static let roleMailboxes: Set<String> = [
        "info", "mfc", "priem", "priemnaya", "pochta", "post", "office", "admin", "support", "hotline", "obr",
        "obrashcheniya", "obrasheniya", "kanc", "kancelyariya", "reception", "secretary", "sekretar", "press", "help",
        "noreply", "no-reply", "delo", "mail", "feedback", "zapros", "contact", "contacts", "mailbox", "general",
    ]

    private static func isLocal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "%", "+", "-": true
        default: scalar.value >= 0x410 && scalar.value <= 0x451
        }
    }

    private static func isDomain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", ".", "-": true
        default: scalar.value >= 0x410 && scalar.value <= 0x451
        }
    }
}

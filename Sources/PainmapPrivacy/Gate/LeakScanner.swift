import Foundation
public import PainmapCore

/// Finds personal data in rendered report text: every identifier the redactor recorded at ingest, and any structured
/// identifier (phone, e-mail, СНИЛС, personal ИНН, ОГРНИП, passport, card) that looks real even if nobody recorded it.
///
/// The zero-leak gate runs it on every report file before the file is renamed into place. Numbers are compared on
/// their digits (a phone on its last ten, so `8 (913) …` and `+7 913 …` are one number), across the usual separators;
/// texts (names, addresses, e-mails, plates) word by word after case folding and `ё` → `е`. Record references such
/// as `pos:318686095` are ignored by the pattern check: they are ids, not personal data.
///
/// ```swift
/// let scanner = LeakScanner(identifiers: try await store.redactedIdentifiers(region: "54", quarter: nil))
/// for leak in scanner.scan(visibleText) { print(leak.type, leak.recordID.map(String.init(describing:)) ?? "—") }
/// ```
public struct LeakScanner: Sendable {
    /// One hit.
    public struct Leak: Sendable, Hashable {
        /// The type of the identifier.
        public var type: PersonalDataType
        /// The record it was redacted from at ingest, or `nil` for a pattern hit nobody recorded.
        public var recordID: RecordID?
        /// The identifier with all but its last two characters masked, safe to print.
        public var masked: String
    }

    /// Numeric identifiers by length of their compared digits.
    private let numbers: [Int: [String: (type: PersonalDataType, record: RecordID)]]
    /// Text identifiers (word lists) by their first word.
    private let texts: [String: [(words: [String], type: PersonalDataType, record: RecordID)]]
    private let redactor: Redactor

    /// The shortest text identifier compared, in characters: shorter ones would match ordinary words.
    ///
    /// Names and
    /// addresses are compared only when they have at least two words.
    public static let minimumTextLength = 6

    /// Prepares the identifiers.
    ///
    /// - Parameters:
    ///   - identifiers: What the redactor recorded at ingest for the records a report may quote.
    ///   - redactor: Finds unrecorded structured identifiers.
    public init(identifiers: [RedactedIdentifier], redactor: Redactor = Redactor()) {
        var numbers: [Int: [String: (type: PersonalDataType, record: RecordID)]] = [:]
        var texts: [String: [(words: [String], type: PersonalDataType, record: RecordID)]] = [:]
        for identifier in identifiers {
            if identifier.type.isNumeric {
                let digits = Self.comparedDigits(identifier.normalized, type: identifier.type)
                guard digits.count >= 6 else { continue }
                if numbers[digits.count]?[digits] == nil {
                    numbers[digits.count, default: [:]][digits] = (identifier.type, identifier.recordID)
                }
            } else {
                let folded = Self.fold(identifier.normalized)
                guard folded.count >= Self.minimumTextLength else { continue }
                let words = Self.words(folded)
                // One word (a bare surname, or a word the redactor took for one) would match ordinary text.
                guard let first = words.first,
                    words.count >= 2 || identifier.type == .email || identifier.type == .vehiclePlate
                else { continue }
                texts[first, default: []].append((words, identifier.type, identifier.recordID))
            }
        }
        self.numbers = numbers
        self.texts = texts
        self.redactor = redactor
    }

    /// The leaks in a text, each identifier once, in the order found.
    ///
    /// - Parameters:
    ///   - text: What a reader of the report sees.
    ///   - references: Record ids the report quotes (`pos:318686095`, or the bare `318686095`): they are blanked
    ///     before the pattern check, so an id that happens to look like a phone number is not taken for one.
    /// - Returns: The leaks found.
    public func scan(_ text: String, ignoring references: Set<String> = []) -> [Leak] {
        var leaks: [Leak] = []
        var seen = Set<String>()
        func add(_ type: PersonalDataType, _ value: String, _ record: RecordID?) {
            let key =
                type.isNumeric
                ? "\(type.rawValue)|\(Self.comparedDigits(value, type: type))" : "\(type.rawValue)|\(value)"
            guard seen.insert(key).inserted else { return }
            leaks.append(Leak(type: type, recordID: record, masked: Self.mask(value)))
        }
        // Recorded numbers, across separators.
        if !numbers.isEmpty {
            for run in Self.digitRuns(text) {
                for (length, table) in numbers where run.count >= length {
                    let digits = Array(run.utf8)
                    for start in 0...(digits.count - length) {
                        let window = String(decoding: digits[start..<start + length], as: UTF8.self)
                        if let hit = table[window] { add(hit.type, window, hit.record) }
                    }
                }
            }
        }
        // Recorded texts, word by word.
        if !texts.isEmpty {
            let words = Self.words(Self.fold(text))
            for (index, word) in words.enumerated() {
                guard let candidates = texts[word] else { continue }
                for candidate in candidates where index + candidate.words.count <= words.count {
                    if Array(words[index..<index + candidate.words.count]) == candidate.words {
                        add(candidate.type, candidate.words.joined(separator: " "), candidate.record)
                    }
                }
            }
        }
        // Structured identifiers nobody recorded: every such type needs a digit or an «@».
        guard text.unicodeScalars.contains(where: { ("0"..."9").contains($0) || $0 == "@" }) else { return leaks }
        var scrubbed = Self.withoutRecordReferences(text)
        if !references.isEmpty { scrubbed = Self.blanking(references, in: scrubbed) }
        let scalars = Array(scrubbed.unicodeScalars)
        for span in redactor.find(in: scrubbed) where Self.isPersonalPattern(span) && Self.isConvincing(span) {
            var value = String.UnicodeScalarView()
            value.append(contentsOf: scalars[span.range])
            add(span.type, span.normalized.isEmpty ? String(value) : span.normalized, nil)
        }
        return leaks
    }

    /// Types that are personal by pattern alone: phones, e-mails, СНИЛС, passports, cards, ИНН of a person (12 digits)
    /// and ОГРНИП (15).
    ///
    /// Organisation ИНН/ОГРН and names or addresses without a record are left to the recorded list.
    static func isPersonalPattern(_ span: RedactedSpan) -> Bool {
        switch span.type {
        case .phone, .email, .snils, .passport, .card: true
        case .inn: span.normalized.count == 12
        case .ogrn: span.normalized.count == 15
        case .vehiclePlate, .address, .fullName, .birthDate: false
        }
    }

    /// A phone found by pattern alone must look like a whole number: 11 digits starting with 7 or 8, or a 10-digit
    /// mobile number (9xx).
    ///
    /// A bare 10-digit run is more often an id next to a count than a landline without its code.
    static func isConvincing(_ span: RedactedSpan) -> Bool {
        guard span.type == .phone else { return true }
        let digits = comparedDigits(span.normalized, type: .email)
        return (digits.count == 11 && (digits.hasPrefix("7") || digits.hasPrefix("8")))
            || (digits.count == 10 && digits.hasPrefix("9"))
    }

    /// Splits rendered text where no identifier continues: line breaks, table cells (`|`, `;`, tab) and quotes.
    ///
    /// The
    /// gate scans each distinct segment once, however many formats repeat it.
    public static func segments(_ text: String) -> [Substring] {
        scalarSegments(text)
    }

    /// ``segments(_:)`` as defined: split on the separator characters, whitespace-only parts dropped.
    static func characterSegments(_ text: String) -> [Substring] {
        characterSegments(text[...])
    }

    /// ``characterSegments(_:)`` of a part of a text, its segments sliced from the whole text.
    static func characterSegments(_ text: Substring) -> [Substring] {
        text.split(whereSeparator: { "\n\r|;\t\"«»".contains($0) }).filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// ``characterSegments(_:)`` scalar by scalar, or `nil` when the text holds a scalar that may join its neighbours
    /// into one character (a combining mark, a format control, an emoji, a script outside the list below).
    ///
    /// Where every scalar is a character of its own — the only pair that joins is CR LF, one character that is no
    /// separator — splitting scalars splits characters, at a fraction of the cost of finding character boundaries.
    static func simpleSegments(_ text: String) -> [Substring]? {
        var slow = false
        let result = scalarSegments(text) { _ in slow = true }
        return slow ? nil : result
    }

    /// ``characterSegments(_:)`` scalar by scalar, line by line: a line (a part between two line breaks or tabs, which
    /// are characters of their own and separators) that holds a scalar that may join its neighbours into one
    /// character (a combining mark, a format control, an emoji, a script outside ``isOwnCharacter(_:)``) is split
    /// by characters, the other lines by scalars.
    ///
    /// Where every scalar is a character of its own — the only pair that joins is CR LF, one character that is no
    /// separator — splitting scalars splits characters, at a fraction of the cost of finding character boundaries. A
    /// line break or tab always stands alone (a control breaks on both sides, CR LF aside), so one unusual scalar
    /// costs its own line only, not the whole page.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - split: Told each line split by characters (for tests).
    /// - Returns: The segments, as ``characterSegments(_:)`` gives them.
    static func scalarSegments(_ text: String, split: (Substring) -> Void = { _ in }) -> [Substring] {
        if let found = text.utf8.withContiguousStorageIfAvailable({ byteSegments(text, bytes: $0, split: split) }) {
            return found
        }
        var copy = text
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable { byteSegments(copy, bytes: $0, split: split) } ?? []
    }

    /// ``scalarSegments(_:split:)`` over the text's UTF-8 bytes: the separators are ASCII bytes and `«` `»`, and a
    /// scalar's value is decoded only where it is not ASCII.
    private static func byteSegments(
        _ text: String,
        bytes: UnsafeBufferPointer<UInt8>,
        split: (Substring) -> Void
    ) -> [Substring] {
        let base = text.utf8.startIndex
        func position(_ offset: Int) -> String.Index { text.utf8.index(base, offsetBy: offset) }
        var result: [Substring] = []
        let count = bytes.count
        var offset = 0
        var start = 0
        // The line being read: where it starts, how many segments came before it, whether it needs characters.
        var line = 0
        var before = 0
        var slow = false
        func cut(at end: Int) {
            guard !slow, start < end else { return }
            let part = text[position(start)..<position(end)]
            if !part.unicodeScalars.allSatisfy(\.properties.isWhitespace) { result.append(part) }
        }
        func endLine(at end: Int) {
            if slow {
                result.removeLast(result.count - before)
                let part = text[position(line)..<position(end)]
                split(part)
                result += characterSegments(part)
            } else {
                cut(at: end)
            }
        }
        var previous: Unicode.Scalar = "\n"
        while offset < count {
            let (scalar, length) = decode(bytes, at: offset)
            defer { previous = scalar }
            let next = offset + length
            if !slow, length > 1 {
                if (0x300...0x36F).contains(scalar.value) {
                    // A combining mark joins the character before it: harmless after a letter, digit or mark (the
                    // character stays no separator and no whitespace), undecided after anything else (or first).
                    let joinsHarmlessly =
                        offset > 0
                        && (previous.value > 0x7F || previous.properties.isAlphabetic || ("0"..."9").contains(previous))
                        && !previous.properties.isWhitespace && previous != "«" && previous != "»"
                    if !joinsHarmlessly { slow = true }
                } else if !isOwnCharacter(scalar) {
                    slow = true
                }
            }
            switch scalar {
            case "\r" where next < count && bytes[next] == UInt8(ascii: "\n"):
                offset = next + 1  // CR LF is one character, and not a separator
                continue
            case "\n", "\r", "\t":
                // A control of its own: the line ends here, whatever came before.
                endLine(at: offset)
                start = next
                line = next
                before = result.count
                slow = false
            case "|", ";", "\"", "«", "»":
                cut(at: offset)
                start = next
            default:
                break
            }
            offset = next
        }
        endLine(at: count)
        return result
    }

    /// The scalar whose UTF-8 encoding starts at `offset` of valid UTF-8, and its length in bytes.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[offset])
        let value: UInt32
        let length: Int
        switch lead {
        case 0..<0x80:
            return (Unicode.Scalar(UInt8(lead)), 1)
        case 0xC0..<0xE0:
            value = (lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F)
            length = 2
        case 0xE0..<0xF0:
            value = (lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
            length = 3
        default:
            value =
                (lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12 | UInt32(bytes[offset + 2] & 0x3F) << 6
                | UInt32(bytes[offset + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Scalars that never join a neighbour into one character (grapheme cluster break property Other, or an ASCII
    /// control, which always stands alone): ASCII, Latin-1 and Latin letters, Cyrillic letters (not its combining
    /// marks), Greek, spaces, general punctuation, super- and subscripts, currency, letterlike symbols, arrows,
    /// mathematical operators, box drawing and geometric shapes, the byte order mark.
    static func isOwnCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x7F, 0xA0...0xAC, 0xAE...0x2FF: true
        case 0x370...0x3FF, 0x400...0x482, 0x48A...0x52F: true
        case 0x2000...0x200A, 0x2010...0x2027, 0x202F...0x205F, 0x2070...0x209F: true
        case 0x20A0...0x20C0, 0x2100...0x214F, 0x2190...0x22FF, 0x2500...0x25FF: true
        case 0xFEFF: true  // a format control: a character of its own on both sides
        default: false
        }
    }

    /// The digits compared for a numeric identifier: a phone's last ten, other numbers whole.
    static func comparedDigits(_ normalized: String, type: PersonalDataType) -> String {
        let digits = String(normalized.unicodeScalars.filter { ("0"..."9").contains($0) })
        return type == .phone && digits.count > 10 ? String(digits.suffix(10)) : digits
    }

    /// Runs of digits joined by at most two separators in a row (space, no-break space, `-`, `(`, `)`, `+`, `.`, `/`),
    /// so `8 (913) 123-45-67` is one run; runs shorter than six digits are dropped.
    static func digitRuns(_ text: String) -> [String] {
        let separators: Set<Unicode.Scalar> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}", "-", "(", ")", "+", ".", "/"]
        var runs: [String] = []
        var current = String.UnicodeScalarView()
        var gap = 0
        func flush() {
            if current.count >= 6 { runs.append(String(current)) }
            current = String.UnicodeScalarView()
            gap = 0
        }
        for scalar in text.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                current.append(scalar)
                gap = 0
            } else if separators.contains(scalar), !current.isEmpty, gap < 2 {
                gap += 1
            } else {
                flush()
            }
        }
        flush()
        return runs
    }

    /// Lower case, `ё` → `е`, every run of whitespace one space.
    static func fold(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var space = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace {
                space = !result.isEmpty
                continue
            }
            if space { result.append(" ") }
            space = false
            result.append(scalar == "ё" ? "е" : scalar)
        }
        return String(result)
    }

    /// Words with the punctuation around them trimmed (a name before a comma is still the name).
    static func words(_ folded: String) -> [String] {
        folded.split(separator: " ").map { word in
            String(
                word.unicodeScalars.drop(while: isTrimmed).reversed().drop(while: isTrimmed).reversed().map(
                    Character.init
                )
            )
        }.filter { !$0.isEmpty }
    }

    private static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        !(scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "@")
    }

    /// The text with `source:id` and `#id` record references blanked.
    static func withoutRecordReferences(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var rest = Substring(text)
        let prefixes = ["pos:", "site:", "hotline:", "portal:", "survey:"]
        while let index = rest.firstIndex(where: { $0 == ":" || $0 == "#" }) {
            if rest[index] == "#" {
                output += rest[..<index]
                var after = rest.index(after: index)
                while after < rest.endIndex, rest[after].isNumber { after = rest.index(after: after) }
                output += " "
                rest = rest[after...]
                continue
            }
            let head = rest[..<index]
            if let prefix = prefixes.first(where: { head.hasSuffix($0.dropLast()) }) {
                output += head.dropLast(prefix.count - 1)
                var after = rest.index(after: index)
                while after < rest.endIndex, !" \t\n\r\"'<>,;|)".contains(rest[after]) {
                    after = rest.index(after: after)
                }
                output += " "
                rest = rest[after...]
            } else {
                output += rest[...index]
                rest = rest[rest.index(after: index)...]
            }
        }
        output += rest
        return output
    }

    /// The text with every whitespace-separated token that is one of `references` (punctuation around it aside)
    /// replaced by a space.
    static func blanking(_ references: Set<String>, in text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var changed = false
        for (index, token) in text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { output += " " }
            let core = token.drop(while: { ",.;:()«»\"'".contains($0) }).reversed().drop(while: {
                ",.;:()«»\"'".contains($0)
            }).reversed()
            if !core.isEmpty, references.contains(String(core)) {
                changed = true
                continue
            }
            output += token
        }
        return changed ? output : text
    }

    /// `+79131234567` → `*********67`.
    static func mask(_ value: String) -> String {
        String(repeating: "*", count: max(0, value.count - 2)) + value.suffix(2)
    }
}

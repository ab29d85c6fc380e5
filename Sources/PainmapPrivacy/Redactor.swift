public import Foundation
public import PainmapCore

/// Replaces personal data in free text with typed placeholders (`[ТЕЛЕФОН]`, `[ФИО]`, `[АДРЕС]` …).
///
/// The text is scanned once into tokens; recognizers for numbers (phones, СНИЛС, ИНН, ОГРН, passports, cards),
/// e-mails, plates, addresses and names propose spans, and the redactor keeps non-overlapping ones, preferring
/// structured identifiers and then longer spans. Format and context decide whether a span is personal data;
/// control digits only decide its type, so a mistyped СНИЛС after «СНИЛС» is still redacted.
///
/// ```swift
/// let result = Redactor().redact("Меня зовут Иванова Мария Петровна, тел. 8 (913) 123-45-67")
/// // result.text == "Меня зовут [ФИО], тел. [ТЕЛЕФОН]"
/// ```
///
/// Its output is a fixed point: redacting it again finds nothing (`redact(redact(x).text) == redact(x)`), which the
/// report gate relies on when it scans rendered text with ``find(in:)``. Placeholders are read as opaque tokens —
/// never a cue word, never part of a span, and for the number rules they stand for the identifier they replaced —
/// so one pass almost always settles it; where replacing a span changes what the recognizers see around it (a
/// longer candidate that shadowed a shorter one is gone, a public building's name now lies further away), the
/// redacted text is scanned again and the new spans join the first ones, until a pass finds nothing.
///
/// The redactor holds no mutable state and is safe to share between threads.
public struct Redactor: Sendable {
    private let publicNumbers: PublicNumbers

    /// Creates a redactor that keeps the standard public numbers (112, 122, 101–104, 8-800 …).
    public init() {
        self.init(privacy: .default)
    }

    /// Creates a redactor that keeps the public numbers and public offices' addresses of `privacy`.
    public init(privacy: PrivacyConfiguration) {
        publicNumbers = PublicNumbers(numbers: privacy.publicNumbers, addresses: privacy.publicAddresses)
    }

    /// Checks that the name lexicon (`painmap_PainmapPrivacy.resources`) is beside the program.
    ///
    /// Without it the redactor still runs but misses most names, so whatever stores or checks redacted text calls this
    /// first.
    /// - Throws: ``LocatedFailure`` with code ``FailureCode/lexiconMissing``: where the files were looked for and what
    ///   to copy there.
    public static func requireLexicon() throws(LocatedFailure) {
        if case .failure(let failure) = LexiconBundle.located { throw failure }
    }

    /// Checks that the name lexicon is in one of `directories` (as a `painmap_PainmapPrivacy.resources` bundle).
    /// - Parameter directories: Folders that may hold the bundle, searched in order.
    /// - Returns: The folder holding the lexicon files.
    /// - Throws: As ``requireLexicon()``, naming the first folder.
    @discardableResult
    public static func requireLexicon(searching directories: [URL]) throws(LocatedFailure) -> URL {
        try LexiconBundle.locate(in: directories).get()
    }

    /// Redacts `text`.
    /// - Parameter text: Any text; empty and placeholder-only texts come back unchanged.
    /// - Returns: The redacted text and the spans found in the original.
    public func redact(_ text: String) -> Redaction {
        let scanned = ScannedText(text)
        let spans = find(in: scanned)
        guard !spans.isEmpty else { return Redaction(text: text, spans: []) }
        return Redaction(text: Redactor.string(Redactor.replace(spans, in: scanned.scalars)), spans: spans)
    }

    /// The most passes ``find(in:)`` makes.
    ///
    /// A pass after the first runs only when the one before found spans, and it
    /// finds spans only outside placeholders, so the text left to read shrinks with every pass; the bound keeps a
    /// pathological text from costing one pass per span. Spans the last pass finds are kept, but no pass checks
    /// them; the fuzz target's strict property (FUZZING.md) would report a text that needs more.
    static let maxPasses = 4

    /// The spans of personal data in `text`, in text order, without redacting.
    ///
    /// Replacing them with placeholders gives a text in which this method finds nothing (within ``maxPasses``).
    /// Placeholders already in `text` are never part of a span.
    public func find(in text: String) -> [RedactedSpan] {
        find(in: ScannedText(text))
    }

    /// ``find(in:)`` over a text scanned already; later passes scan the redacted scalars, never a `String`.
    private func find(in scanned: ScannedText) -> [RedactedSpan] {
        var spans = findOnce(in: scanned)
        guard !spans.isEmpty else { return [] }
        var pass = 1
        while pass < Redactor.maxPasses {
            let further = findOnce(in: ScannedText(scalars: Redactor.replace(spans, in: scanned.scalars)))
            guard !further.isEmpty else { break }
            spans = Redactor.merge(further, into: spans)
            pass += 1
        }
        return spans
    }

    /// `scalars` with each span replaced by its placeholder.
    static func replace(_ spans: [RedactedSpan], in scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(scalars.count + 16 * spans.count)
        var cursor = 0
        for span in spans {
            output.append(contentsOf: scalars[cursor..<span.range.lowerBound])
            output.append(contentsOf: span.type.placeholderScalars)
            cursor = span.range.upperBound
        }
        output.append(contentsOf: scalars[cursor..<scalars.count])
        return output
    }

    /// The string of `scalars`, encoded to UTF-8 in one buffer.
    static func string(_ scalars: [Unicode.Scalar]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 2)
        for scalar in scalars {
            let value = scalar.value
            if value < 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: value))
            } else if value < 0x800 {
                bytes.append(UInt8(truncatingIfNeeded: 0xC0 | (value >> 6)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F)))
            } else if value < 0x10000 {
                bytes.append(UInt8(truncatingIfNeeded: 0xE0 | (value >> 12)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | ((value >> 6) & 0x3F)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F)))
            } else {
                bytes.append(UInt8(truncatingIfNeeded: 0xF0 | (value >> 18)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | ((value >> 12) & 0x3F)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | ((value >> 6) & 0x3F)))
                bytes.append(UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `spans` (in the original text) with `further` (found in the text `spans` redact, outside their placeholders)
    /// moved to the original's offsets and added, in text order.
    static func merge(_ further: [RedactedSpan], into spans: [RedactedSpan]) -> [RedactedSpan] {
        var merged: [RedactedSpan] = []
        merged.reserveCapacity(spans.count + further.count)
        var index = 0
        var shift = 0  // original offset − redacted offset, after the spans passed so far
        for var span in further {
            // Pass every first-pass span whose placeholder ends at or before this span.
            while index < spans.count {
                let first = spans[index]
                let placeholderEnd = first.range.lowerBound - shift + first.type.placeholderScalars.count
                guard placeholderEnd <= span.range.lowerBound else { break }
                merged.append(first)
                shift += first.range.count - first.type.placeholderScalars.count
                index += 1
            }
            span.range = (span.range.lowerBound + shift)..<(span.range.upperBound + shift)
            merged.append(span)
        }
        merged.append(contentsOf: spans[index...])
        return merged
    }

    /// One pass of the recognizers over `scanned`.
    private func findOnce(in scanned: ScannedText) -> [RedactedSpan] {
        guard Redactor.mayHoldPersonalData(scanned.scalars) else { return [] }
        var candidates: [Candidate] = []
        EmailRecognizer().find(in: scanned, into: &candidates)
        ObfuscatedEmailRecognizer().find(in: scanned, into: &candidates)
        NumberRecognizer(publicNumbers: publicNumbers).find(in: scanned, into: &candidates)
        BirthDateRecognizer().find(in: scanned, into: &candidates)
        PlateRecognizer().find(in: scanned, into: &candidates)
        AddressRecognizer().find(in: scanned, into: &candidates)
        NameRecognizer().find(in: scanned, into: &candidates)
        if scanned.hasPlaceholders { Redactor.removeCandidates(overlappingPlaceholdersIn: scanned, from: &candidates) }
        if !publicNumbers.isEmpty { removePublic(from: &candidates, in: scanned) }
        guard !candidates.isEmpty else { return [] }
        Redactor.addUnionsOfOverlappingNames(to: &candidates)
        // Highest priority first, then longest; keep what does not overlap a kept span.
        candidates.sort { lhs, rhs in
            if lhs.priority != rhs.priority { return lhs.priority > rhs.priority }
            if lhs.end - lhs.start != rhs.end - rhs.start { return lhs.end - lhs.start > rhs.end - rhs.start }
            return lhs.start < rhs.start
        }
        var kept: [Candidate] = []
        for candidate in candidates
        where !kept.contains(where: { $0.start < candidate.end && candidate.start < $0.end }) {
            kept.append(candidate)
        }
        kept.sort { $0.start < $1.start }
        return kept.map { candidate in
            RedactedSpan(
                type: candidate.type,
                range: candidate.start..<candidate.end,
                normalized: Redactor.normalize(scanned.scalars[candidate.start..<candidate.end], type: candidate.type)
            )
        }
    }

    /// Public numbers (phones, and numbers read as any identifier) and public offices' addresses are never redacted.
    private func removePublic(from candidates: inout [Candidate], in text: ScannedText) {
        candidates.removeAll { candidate in
            let scalars = text.scalars[candidate.start..<candidate.end]
            if candidate.type.isNumeric { return publicNumbers.containsNumber(scalars) }
            if candidate.type == .address { return publicNumbers.containsAddress(scalars) }
            return false
        }
    }

    /// A placeholder is never part of a span: candidates that reach into one are dropped.
    static func removeCandidates(overlappingPlaceholdersIn text: ScannedText, from candidates: inout [Candidate]) {
        let placeholders = text.tokens.filter(\.isPlaceholder)
        candidates.removeAll { candidate in
            placeholders.contains { $0.start < candidate.end && candidate.start < $0.end }
        }
    }

    /// Proposes one span over each run of overlapping name candidates.
    ///
    /// Two name rules may read one name differently (`Пишет Попов И.А.` and `И.А. Сертификат`): keeping only the longer
    /// reading would leave the rest of the name readable. Each run of overlapping name candidates is also proposed as
    /// one span covering all of them; being longest it wins, and if an address or identifier overlaps it, the separate
    /// readings still compete as before.
    static func addUnionsOfOverlappingNames(to candidates: inout [Candidate]) {
        var count = 0
        for candidate in candidates where candidate.type == .fullName {
            count += 1
            if count > 1 { break }
        }
        guard count > 1 else { return }
        let names = candidates.filter { $0.type == .fullName }.sorted { $0.start < $1.start }
        var union = names[0]
        var parts = 1
        for name in names.dropFirst() {
            if name.start < union.end {
                parts += 1
                union.end = max(union.end, name.end)
            } else {
                if parts > 1 { candidates.append(union) }
                union = name
                parts = 1
            }
        }
        if parts > 1 { candidates.append(union) }
    }

    /// Digits only for numeric types; the canonical plate; case-folded text with single spaces otherwise.
    static func normalize(_ scalars: ArraySlice<Unicode.Scalar>, type: PersonalDataType) -> String {
        var out = String.UnicodeScalarView()
        if type.isNumeric {
            for scalar in scalars where ScannedText.isDigit(scalar) { out.append(scalar) }
            return String(out)
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        if type == .vehiclePlate { return PlateRecognizer.normalize(String(text)) }
        var pendingSpace = false
        for scalar in scalars {
            if ScannedText.isSpace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(ScannedText.folded(scalar))
        }
        return String(out)
    }

    /// A cheap pre-check: texts without digits, «@», upper-case letters or a name/cue word cannot hold any of the
    /// recognized types, and most short comments skip the scan entirely.
    static func mayHoldPersonalData(_ scalars: [Unicode.Scalar]) -> Bool {
        for scalar in scalars {
            let value = scalar.value
            if value &- 48 < 10 || value == 64 { return true }  // digit or @
            if value &- 65 < 26 || (value >= 0x410 && value <= 0x42F) || value == 0x401 { return true }  // upper case
        }
        // All lower case, no digits: only a lower-case name can hide here («меня зовут иван петрович», «петров и и»),
        // and any word may be one; texts of symbols alone hold nothing.
        return scalars.contains { ScannedText.isLetter($0) }
    }
}

extension PersonalDataType {
    /// The placeholder's scalars.
    var placeholderScalars: [Unicode.Scalar] { Redactor.placeholderScalars[self] ?? Array(placeholder.unicodeScalars) }
}

extension Redactor {
    /// Every type's placeholder as scalars, made once.
    fileprivate static let placeholderScalars: [PersonalDataType: [Unicode.Scalar]] = Dictionary(
        uniqueKeysWithValues: PersonalDataType.allCases.map { ($0, Array($0.placeholder.unicodeScalars)) }
    )
}

import PainmapCore

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
/// The redactor holds no mutable state and is safe to share between threads.
public struct Redactor: Sendable {
    /// Creates a redactor.
    public init() {}

    /// Redacts `text`.
    /// - Parameter text: Any text; empty and placeholder-only texts come back unchanged.
    /// - Returns: The redacted text and the spans found in the original.
    public func redact(_ text: String) -> Redaction {
        let spans = find(in: text)
        guard !spans.isEmpty else { return Redaction(text: text, spans: []) }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var cursor = 0
        for span in spans {
            output.append(contentsOf: scalars[cursor..<span.range.lowerBound])
            output.append(contentsOf: span.type.placeholder.unicodeScalars)
            cursor = span.range.upperBound
        }
        output.append(contentsOf: scalars[cursor..<scalars.count])
        return Redaction(text: String(output), spans: spans)
    }

    /// The spans of personal data in `text`, in text order, without redacting.
    public func find(in text: String) -> [RedactedSpan] {
        guard Redactor.mayHoldPersonalData(text) else { return [] }
        let scanned = ScannedText(text)
        var candidates: [Candidate] = []
        EmailRecognizer().find(in: scanned, into: &candidates)
        NumberRecognizer().find(in: scanned, into: &candidates)
        PlateRecognizer().find(in: scanned, into: &candidates)
        AddressRecognizer().find(in: scanned, into: &candidates)
        NameRecognizer().find(in: scanned, into: &candidates)
        guard !candidates.isEmpty else { return [] }
        Redactor.addUnionsOfOverlappingNames(to: &candidates)
        // Highest priority first, then longest; keep what does not overlap a kept span.
        candidates.sort { lhs, rhs in
            if lhs.priority != rhs.priority { return lhs.priority > rhs.priority }
            if lhs.end - lhs.start != rhs.end - rhs.start { return lhs.end - lhs.start > rhs.end - rhs.start }
            return lhs.start < rhs.start
        }
        var kept: [Candidate] = []
        for candidate in candidates where !kept.contains(where: { $0.start < candidate.end && candidate.start < $0.end }) {
            kept.append(candidate)
        }
        kept.sort { $0.start < $1.start }
        return kept.map { candidate in
            RedactedSpan(
                type: candidate.type, range: candidate.start..<candidate.end,
                normalized: Redactor.normalize(scanned.scalars[candidate.start..<candidate.end], type: candidate.type))
        }
    }

    /// Two name rules may read one name differently («Пишет Попов И.А.» and «И.А. Сертификат»): keeping only the longer
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
    static func mayHoldPersonalData(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value &- 48 < 10 || value == 64 { return true }  // digit or @
            if value &- 65 < 26 || (value >= 0x410 && value <= 0x42F) || value == 0x401 { return true }  // upper case
        }
        // All lower case, no digits: only a lower-case name can hide here («меня зовут иван петрович»).
        return text.contains("зовут") || text.contains("ович") || text.contains("евич") || text.contains("овна") || text.contains("евна")
            || text.contains("ична")
    }
}

public import PainmapCore

/// Redacts a record's free-text fields (the citizen's text and the organisation's answer) at ingest.
///
/// The record's natural key and fingerprint are taken from the record as read, before redaction: the identity
/// of a record must not change when the redactor improves, or a later export of the same record would be
/// stored twice. Both are one-way digests, so they reveal nothing of the text.
public struct RecordRedactor: Sendable {
    private let redactor: Redactor
    private let keepOriginals: Bool

    /// Creates a record redactor.
    /// - Parameters:
    ///   - redactor: The text redactor.
    ///   - keepOriginals: Whether to hand the original texts to the store (`keep_originals` in `Config/privacy.yaml`).
    public init(redactor: Redactor = Redactor(), keepOriginals: Bool) {
        self.redactor = redactor
        self.keepOriginals = keepOriginals
    }

    /// Redacts `record`.
    /// - Returns: The redacted record with the original's key and fingerprint, the identifiers found (no
    ///   repeats, text before answer) and, when kept, the originals.
    public func redact(_ record: FeedbackRecord) -> RedactedRecord {
        var cache = RedactionCache(capacity: 0)
        return redact(record, cache: &cache)
    }

    /// Redacts `record`, taking repeated texts from `cache` (the result is the same as without it).
    /// - Returns: As ``redact(_:)``.
    public func redact(_ record: FeedbackRecord, cache: inout RedactionCache) -> RedactedRecord {
        let key = record.naturalKey
        let fingerprint = record.contentFingerprint
        var redacted = record
        var identifiers: [FoundIdentifier] = []
        var seen = Set<FoundIdentifier>()
        func collect(_ spans: [RedactedSpan]) {
            // A date of birth identifies no one alone and is not a recorded identifier type of the stores.
            for span in spans where span.type != .birthDate {
                let identifier = FoundIdentifier(type: span.type, normalized: span.normalized)
                if seen.insert(identifier).inserted { identifiers.append(identifier) }
            }
        }
        // A text without spans is kept as read (its own storage, not the cache's copy of the same bytes), and a text
        // with spans always changed: placeholders are never part of a span, so no span is its own placeholder.
        let text = cache.redaction(of: record.text, by: redactor)
        var changed = !text.spans.isEmpty
        if changed { redacted.text = text.text }
        collect(text.spans)
        if let answer = record.answerText {
            let result = cache.redaction(of: answer, by: redactor)
            if !result.spans.isEmpty {
                redacted.answerText = result.text
                changed = true
            }
            collect(result.spans)
        }
        return RedactedRecord(
            record: redacted,
            naturalKey: key,
            fingerprint: fingerprint,
            identifiers: identifiers,
            originals: keepOriginals && changed ? OriginalTexts(text: record.text, answerText: record.answerText) : nil
        )
    }
}

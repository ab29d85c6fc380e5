import Foundation
import PainmapCore
import PainmapPrivacy

/// Feeds bytes to the redactor that ingest applies to every free-text field (`Redactor.redact`), as the text a
/// reader would hand it: the bytes decoded as UTF-8, invalid sequences replaced.
///
/// Properties: no crash; the spans are in text order, disjoint, non-empty and inside the text; the output is the
/// input with each span replaced by its type's placeholder and nothing else changed (placeholders only where
/// spans were), compared scalar by scalar; it is valid UTF-8 and holds U+FFFD only if the input did.
///
/// Redacting the output again must change nothing (the output is a fixed point: placeholders are opaque tokens to
/// the recognizers, and `Redactor.find` re-scans its own output until no new span appears). Until that held, a
/// number after `[ТЕЛЕФОН]` was taken for a phone on the second pass (`тел04456g04456`, FUZZING.md).
/// `PAINMAP_FUZZ_REDACTOR_STRICT=0` checks only the weaker property instead — the second pass keeps every
/// placeholder and replaces further spans outside them — for fuzzing the other properties past a known failure.
struct RedactorTarget: FuzzTarget {
    private let redactor = Redactor()
    private let strict = ProcessInfo.processInfo.environment["PAINMAP_FUZZ_REDACTOR_STRICT"] != "0"

    func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let first = redactor.redact(text)
        let placeholders = Self.check(first, of: text)
        precondition(String(validating: Array(first.text.utf8), as: UTF8.self) != nil, "the output is not valid UTF-8")
        precondition(
            !first.text.unicodeScalars.contains("\u{FFFD}") || text.unicodeScalars.contains("\u{FFFD}"),
            "the output holds U+FFFD that the input did not"
        )
        let second = redactor.redact(first.text)
        if strict {
            precondition(
                second.text.unicodeScalars.elementsEqual(first.text.unicodeScalars),
                "redacting twice changed the text"
            )
            precondition(second.spans.isEmpty, "the second pass found spans")
        }
        _ = Self.check(second, of: first.text)
        for span in second.spans {
            precondition(
                !placeholders.contains { $0.overlaps(span.range) },
                "the second pass redacted over a placeholder"
            )
        }
    }

    /// Checks that `redaction` is `text` with each span replaced by its placeholder and nothing else changed;
    /// returns where the placeholders are in the output, in Unicode scalars.
    static func check(_ redaction: Redaction, of text: String) -> [Range<Int>] {
        let scalars = Array(text.unicodeScalars)
        var rebuilt = String.UnicodeScalarView()
        var placeholders: [Range<Int>] = []
        var cursor = 0
        var written = 0
        for span in redaction.spans {
            precondition(
                span.range.lowerBound >= cursor && span.range.upperBound <= scalars.count && !span.range.isEmpty,
                "span \(span.range) out of order, empty or outside 0..<\(scalars.count)"
            )
            rebuilt.append(contentsOf: scalars[cursor..<span.range.lowerBound])
            written += span.range.lowerBound - cursor
            let placeholder = span.type.placeholder.unicodeScalars
            rebuilt.append(contentsOf: placeholder)
            placeholders.append(written..<(written + placeholder.count))
            written += placeholder.count
            cursor = span.range.upperBound
        }
        rebuilt.append(contentsOf: scalars[cursor...])
        precondition(redaction.text.unicodeScalars.elementsEqual(rebuilt), "the output changed text outside the spans")
        return placeholders
    }
}

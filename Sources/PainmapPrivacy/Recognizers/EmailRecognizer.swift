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
            candidates.append(Candidate(type: .email, start: start, end: end))
        }
    }

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

import Foundation

/// Brings a citizen's text to the one form that tokenizing, stop words and stemming expect.
///
/// In order, it:
/// 1. applies Unicode NFKC (compatibility forms such as `ﬁ`, full-width letters and no-break spaces become plain
///    ones, a decomposed `й` is composed);
/// 2. deletes combining diacritics left after that (stress marks: «за́мок» is «замок»), soft hyphens and
///    zero-width characters, so they cannot split a word;
/// 3. lower-cases Cyrillic and Latin and writes `ё` as `е`;
/// 4. removes redaction placeholders (`[ТЕЛЕФОН]`, `[ФИО]`, `[EMAIL]`: brackets around upper-case Cyrillic or Latin
///    words), URLs, e-mail addresses, digits, `№` and `…`;
/// 5. replaces Latin look-alike letters (`a e o p c x y k m t b h`) with their Cyrillic twins inside a word that
///    has at least one Cyrillic letter and no other Latin letter («мoлоко» with a Latin `o` becomes «молоко»);
/// 6. turns control characters into spaces and collapses runs of whitespace into one space, trimmed at both ends.
///
/// Removed spans become a space, so they also separate words. The work is done on UTF-8 bytes in a few linear
/// passes; Foundation is called only for NFKC, once per text, and skipped when the text is ASCII and basic
/// Cyrillic only, which NFKC leaves unchanged.
///
/// ```swift
/// TextNormalizer().normalize("Ёлки, [ФИО] пишет: мoлоко 2 л. https://mos.ru/x")  // "елки, пишет: молоко л."
/// ```
public struct TextNormalizer: Sendable {
    /// Creates a normalizer.
    public init() {}

    /// Returns the normalized form of a text.
    ///
    /// - Parameter text: Any text; the result is defined for every string.
    /// - Returns: Lower-case text with single spaces between words and nothing removable left.
    public func normalize(_ text: String) -> String {
        withNormalizedUTF8(of: text) { String(validating: $0, as: UTF8.self) ?? "" }
    }

    /// Normalizes a text into a temporary buffer and passes its UTF-8 bytes to `body`.
    ///
    /// ``TextAnalyzer`` tokenizes straight from these bytes and never builds the normalized `String`.
    /// - Parameters:
    ///   - text: Any text.
    ///   - body: Reads the normalized bytes (valid UTF-8); they are gone when it returns.
    /// - Returns: What `body` returns.
    func withNormalizedUTF8<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        // Almost all Russian feedback is ASCII and basic Cyrillic, which NFKC leaves unchanged, and Foundation's
        // NFKC is the slowest step: so try without it, and only when the first pass meets a character that NFKC
        // could change, start again from the NFKC form.
        if let result = Self.withNormalizedUTF8(of: text, requiringStableText: true, body) {
            return result
        }
        // NFKC would spell № as «No», a word, and … as «...»; the byte pass blanks both, so they go first and
        // the result does not depend on which path a text took.
        let mapped = text.replacingOccurrences(of: "№", with: " ").replacingOccurrences(of: "…", with: " ")
            .precomposedStringWithCompatibilityMapping
        guard let result = Self.withNormalizedUTF8(of: mapped, requiringStableText: false, body) else {
            return body(UnsafeBufferPointer(start: nil, count: 0))  // unreachable: only the first attempt gives up
        }
        return result
    }

    /// Runs the byte passes over a text, or returns `nil` without calling `body` when `requiringStableText` is set
    /// and the text holds a character that NFKC could change.
    private static func withNormalizedUTF8<Result>(
        of text: String,
        requiringStableText: Bool,
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result? {
        var text = text
        return text.withUTF8 { bytes in
            // Passes 1-4 keep every byte offset (folding never changes a scalar's length), so the placeholder scan
            // of the original case and the URL scan of the folded copy share positions. `foldCase` writes every
            // byte; the last pass at most doubles the length (a Latin look-alike becomes a two-byte letter).
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { work in
                let work = UnsafeMutableBufferPointer(rebasing: work[..<bytes.count])
                let seen = foldCase(bytes, into: work)
                if requiringStableText && seen.mayChangeUnderNFKC {
                    return nil
                }
                if seen.bracket { blankPlaceholders(bytes, in: work) }
                if seen.dotOrColon { blankURLs(in: work) }
                if seen.at { blankEmails(in: work) }
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count * 2, 1)) { output in
                    let count = assemble(UnsafeBufferPointer(work), into: output)
                    return body(UnsafeBufferPointer(rebasing: output[..<count]))
                }
            }
        }
    }

    /// – — … (U+2013, U+2014, U+2026) and № (U+2116), by their last two UTF-8 bytes after 0xE2.
    @inline(__always)
    private static func isStableGeneralPunctuation(_ second: UInt8, _ third: UInt8) -> Bool {
        (second == 0x80 && (third == 0x93 || third == 0x94 || third == 0xA6)) || (second == 0x84 && third == 0x96)
    }

    /// Which bytes pass 1 met, so that passes with nothing to find are skipped.
    private struct Seen {
        var bracket = false
        /// A `:`, or a `.` right before a letter or digit: the only texts the URL pass can change.
        var dotOrColon = false
        var at = false
        /// Whether the text holds a character NFKC could change.
        ///
        /// That is any character but ASCII, U+0400…U+047F and « » – — … №: those have no compatibility mapping
        /// that matters here (… and № are blanked anyway), are their own composed form, and none combines with a
        /// neighbour.
        var mayChangeUnderNFKC = false
    }

    /// Marks a byte that the last pass drops: 0xFF never occurs in UTF-8.
    private static let deleted: UInt8 = 0xFF
    private static let space = UInt8(ascii: " ")

    // MARK: - Pass 1: case, ё, invisible characters

    /// Copies `source` into `work` lower-cased, with `ё` as `е` and invisible characters marked as deleted.
    private static func foldCase(
        _ source: UnsafeBufferPointer<UInt8>,
        into work: UnsafeMutableBufferPointer<UInt8>
    ) -> Seen {
        let count = source.count
        var seen = Seen()
        var index = 0
        while index < count {
            let byte = source[index]
            work[index] = byte
            if byte < 0x80 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): work[index] = byte | 0x20
                case 0x00..<0x20, 0x7F: work[index] = space  // NUL, tabs, line breaks and other controls
                case UInt8(ascii: "["): seen.bracket = true
                case UInt8(ascii: ":"): seen.dotOrColon = true
                case UInt8(ascii: "."):
                    // Only a dot before a letter or digit can be inside a host name («т.д» too); a sentence's
                    // final period, followed by a space, never is, and most texts have only those.
                    if index + 1 < count, Self.mayStartHost(source[index + 1]) { seen.dotOrColon = true }
                case UInt8(ascii: "@"): seen.at = true
                default: break
                }
                index += 1
                continue
            }
            guard index + 1 < count else { break }
            let trail = source[index + 1]
            work[index + 1] = trail
            if byte == 0xD0 && trail >= 0xB0 || byte == 0xD1 && trail != 0x91 {
                index += 2  // a lower-case Cyrillic letter other than ё, the common case, copied as is
                continue
            }
            if byte >= 0xC0 && byte & 0xFE != 0xD0 {
                let isStable =
                    (byte == 0xC2 && (trail == 0xAB || trail == 0xBB))
                    || (byte == 0xE2 && index + 2 < count && isStableGeneralPunctuation(trail, source[index + 2]))
                seen.mayChangeUnderNFKC = seen.mayChangeUnderNFKC || !isStable
            }
            switch (byte, trail) {
            case (0xD0, 0x81), (0xD1, 0x91):  // Ё, ё → е
                work[index] = 0xD0
                work[index + 1] = 0xB5
            case (0xD0, 0x90...0x9F):  // А…П → а…п
                work[index + 1] = trail + 0x20
            case (0xD0, 0xA0...0xAF):  // Р…Я → р…я
                work[index] = 0xD1
                work[index + 1] = trail - 0x20
            case (0xD0, 0x80...0x8F):  // Ѐ…Џ → ѐ…џ (Ukrainian, Belarusian, Serbian capitals)
                work[index] = 0xD1
                work[index + 1] = trail + 0x10
            case (0xC3, 0x80...0x9E) where trail != 0x97:  // À…Þ → à…þ, except ×
                work[index + 1] = trail + 0x20
            case (0xCC, 0x80...0xBF), (0xCD, 0x80...0xAF), (0xC2, 0xAD):
                // Combining diacritics U+0300…U+036F (stress marks) and the soft hyphen.
                work[index] = deleted
                work[index + 1] = deleted
            case (0xE2, 0x80) where index + 2 < count && (0x8B...0x8D).contains(source[index + 2]),
                (0xE2, 0x81) where index + 2 < count && source[index + 2] == 0xA0:
                // Zero-width space, non-joiner, joiner and word joiner.
                work[index] = deleted
                work[index + 1] = deleted
                work[index + 2] = deleted
                index += 3
                continue
            case (0xE2, 0x80) where index + 2 < count && source[index + 2] == 0xA6,
                (0xE2, 0x84) where index + 2 < count && source[index + 2] == 0x96:
                // … and № separate words; NFKC would have made them «...» and «No».
                work[index] = space
                work[index + 1] = space
                work[index + 2] = space
                index += 3
                continue
            case (0xE2, 0x80) where index + 2 < count && (0x90...0x91).contains(source[index + 2]):
                // The Unicode hyphens become the ASCII hyphen that joins «кто‐то».
                work[index] = UInt8(ascii: "-")
                work[index + 1] = deleted
                work[index + 2] = deleted
                index += 3
                continue
            case (0xEF, 0xBB) where index + 2 < count && source[index + 2] == 0xBF:  // byte order mark
                work[index] = deleted
                work[index + 1] = deleted
                work[index + 2] = deleted
                index += 3
                continue
            default:
                // Other scalars are copied byte by byte: a continuation byte never matches a case above.
                index += 1
                continue
            }
            index += 2
        }
        return seen
    }

    // MARK: - Pass 2: redaction placeholders

    /// Blanks `[…]` spans of upper-case Cyrillic or Latin words (with digits, `_`, `-` and spaces between).
    ///
    /// Read from the original case: «[фото]» written by a citizen is text, «[ФОТО]» inserted by redaction is not.
    private static func blankPlaceholders(
        _ source: UnsafeBufferPointer<UInt8>,
        in work: UnsafeMutableBufferPointer<UInt8>
    ) {
        let count = source.count
        var index = 0
        while index < count {
            guard source[index] == UInt8(ascii: "[") else {
                index += 1
                continue
            }
            var cursor = index + 1
            var letters = 0
            var closed = false
            scan: while cursor < count && cursor - index <= 96 {
                let byte = source[cursor]
                switch byte {
                case UInt8(ascii: "]"):
                    closed = true
                    break scan
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    letters += 1
                    cursor += 1
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), space:
                    cursor += 1
                case 0xD0 where cursor + 1 < count && (0x80...0xAF).contains(source[cursor + 1]):
                    letters += 1  // Ѐ…Я, the upper-case Cyrillic letters
                    cursor += 2
                default:
                    break scan
                }
            }
            if closed && letters > 0 {
                for position in index...cursor { work[position] = space }
                index = cursor + 1
            } else {
                index += 1
            }
        }
    }

    // MARK: - Pass 3: URLs

    /// Blanks URLs: `scheme://…`, `www.…`, and bare host names with a known top-level domain (`mos.ru/path`).
    private static func blankURLs(in work: UnsafeMutableBufferPointer<UInt8>) {
        let count = work.count
        var start = 0
        while start < count {
            // One chunk is a run of non-space bytes; a URL never contains a space.
            guard work[start] != space else {
                start += 1
                continue
            }
            // Only a chunk with `:` or an inner `.` before a letter or digit can hold a URL; a sentence's final
            // period cannot, and skipping those chunks keeps this pass cheap.
            var end = start
            var mayHoldURL = false
            while end < count && work[end] != space {
                let byte = work[end]
                if byte == UInt8(ascii: ":")
                    || (byte == UInt8(ascii: ".") && end + 1 < count && isHostStart(work[end + 1]))
                {
                    mayHoldURL = true
                }
                end += 1
            }
            if mayHoldURL { blankURL(in: work, chunk: start..<end) }
            start = end
        }
    }

    /// Blanks the URL inside one space-free chunk, if there is one.
    private static func blankURL(in work: UnsafeMutableBufferPointer<UInt8>, chunk: Range<Int>) {
        // A scheme: letters right before "://"; the URL runs to the end of the chunk.
        var index = chunk.lowerBound
        while index + 2 < chunk.upperBound {
            if work[index] == UInt8(ascii: ":") && work[index + 1] == UInt8(ascii: "/")
                && work[index + 2] == UInt8(ascii: "/")
            {
                var schemeStart = index
                while schemeStart > chunk.lowerBound && isSchemeByte(work[schemeStart - 1]) { schemeStart -= 1 }
                if schemeStart < index {
                    blank(work, schemeStart..<trimmedEnd(work, schemeStart..<chunk.upperBound))
                    return
                }
            }
            index += 1
        }
        // Otherwise a host name at the start of the chunk, after opening punctuation.
        var hostStart = chunk.lowerBound
        while hostStart < chunk.upperBound {
            if isOpeningPunctuation(work[hostStart]) {
                hostStart += 1
            } else if hostStart + 1 < chunk.upperBound && work[hostStart] == 0xC2 && work[hostStart + 1] == 0xAB {
                hostStart += 2  // «
            } else {
                break
            }
        }
        let end = trimmedEnd(work, hostStart..<chunk.upperBound)
        guard hostStart < end else { return }
        if startsWithWWW(work, hostStart..<end) || isHostWithKnownDomain(work, hostStart..<end) {
            blank(work, hostStart..<end)
        }
    }

    /// Whether a chunk starts with `www.` and something after it.
    private static func startsWithWWW(_ work: UnsafeMutableBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        range.count > 4 && work[range.lowerBound] == UInt8(ascii: "w")
            && work[range.lowerBound + 1] == UInt8(ascii: "w")
            && work[range.lowerBound + 2] == UInt8(ascii: "w") && work[range.lowerBound + 3] == UInt8(ascii: ".")
    }

    /// Whether a chunk is `label.label…tld[/…]` with a top-level domain from ``topLevelDomains``.
    ///
    /// A short list on purpose: «т.д.», «г.москва» and «ул.ленина» look like host names too, and must stay.
    private static func isHostWithKnownDomain(_ work: UnsafeMutableBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var labelStart = range.lowerBound
        var labels = 0
        var index = range.lowerBound
        while index <= range.upperBound {
            let atEnd =
                index == range.upperBound || work[index] == UInt8(ascii: "/") || work[index] == UInt8(ascii: "?")
                || work[index] == UInt8(ascii: "#") || work[index] == UInt8(ascii: ":")
            if atEnd || work[index] == UInt8(ascii: ".") {
                guard index > labelStart else { return false }  // empty label: "..", ".ru", "a."
                labels += 1
                if atEnd {
                    let tld = UnsafeBufferPointer(rebasing: work[labelStart..<index])
                    return labels >= 2 && topLevelDomains.contains { $0.elementsEqual(tld) }
                }
                labelStart = index + 1
                index += 1
                continue
            }
            let byte = work[index]
            let isASCIILabel =
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
            if isASCIILabel {
                index += 1
            } else if byte & 0xFE == 0xD0 && index + 1 < range.upperBound {
                index += 2  // Cyrillic labels, as in госуслуги.рф
            } else {
                return false
            }
        }
        return false
    }

    /// Top-level domains that citizens' texts actually link to; `xn--p1ai` is `рф` in punycode.
    private static let topLevelDomains: [[UInt8]] = [
        "ru", "su", "рф", "xn--p1ai", "com", "net", "org", "info", "biz", "gov", "edu", "io", "me", "online",
        "site", "pro", "by", "kz", "ua", "uk", "de", "рус",
    ].map { Array($0.utf8) }

    // MARK: - Pass 4: e-mail addresses

    /// Blanks `local@host.domain` spans around every `@`.
    private static func blankEmails(in work: UnsafeMutableBufferPointer<UInt8>) {
        let count = work.count
        var index = 0
        while index < count {
            guard work[index] == UInt8(ascii: "@") else {
                index += 1
                continue
            }
            var start = index
            while start > 0 {
                if isEmailLocalByte(work[start - 1]) {
                    start -= 1
                } else if start >= 2 && work[start - 2] & 0xFE == 0xD0 && work[start - 1] & 0xC0 == 0x80 {
                    start -= 2  // a Cyrillic letter: internationalized addresses such as адрес@почта.рф
                } else {
                    break
                }
            }
            var end = index + 1
            while end < count {
                let byte = work[end]
                if isHostByte(byte) || byte == UInt8(ascii: ".") {
                    end += 1
                } else if byte & 0xFE == 0xD0 && end + 1 < count {
                    end += 2
                } else {
                    break
                }
            }
            while end > index + 1 && (work[end - 1] == UInt8(ascii: ".") || work[end - 1] == UInt8(ascii: "-")) {
                end -= 1  // a sentence's final period is not part of the domain
            }
            var lastDot = end - 1
            while lastDot > index && work[lastDot] != UInt8(ascii: ".") { lastDot -= 1 }
            if start < index && lastDot > index + 1 && lastDot < end - 1 {
                blank(work, start..<end)
                index = end
            } else {
                index += 1
            }
        }
    }

    // MARK: - Pass 5: digits, look-alikes and spaces

    /// Writes the final text: digits blanked, look-alike letters replaced, deleted bytes dropped, whitespace collapsed.
    ///
    /// Every run of ASCII digits goes, also the digits glued to letters in «100руб» or «covid19»: a number makes
    /// each such token unique and tells nothing about the topic. Digits go only here, after the URL and e-mail
    /// passes have seen them.
    private static func assemble(
        _ work: UnsafeBufferPointer<UInt8>,
        into output: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        var written = 0
        var pendingSpace = false
        var index = 0
        while index < work.count {
            let byte = work[index]
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if byte == space || byte == deleted || isDigit {
                pendingSpace = pendingSpace || (byte != deleted && written > 0)
                index += 1
                continue
            }
            if pendingSpace {
                output[written] = space
                written += 1
                pendingSpace = false
            }
            guard isWordLetterStart(work, index) else {
                output[written] = byte
                written += 1
                index += 1
                continue
            }
            // A word of Latin and Cyrillic letters (deleted bytes inside it are transparent).
            var end = index
            var cyrillic = 0
            var foreignLatin = 0
            while end < work.count {
                let letter = work[end]
                if letter == deleted {
                    end += 1
                } else if letter & 0xFE == 0xD0 && end + 1 < work.count {
                    cyrillic += 1
                    end += 2
                } else if letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z") {
                    if lookAlike(letter) == nil { foreignLatin += 1 }
                    end += 1
                } else {
                    break
                }
            }
            let mapsLatin = cyrillic > 0 && foreignLatin == 0
            while index < end {
                let letter = work[index]
                if letter == deleted {
                    index += 1
                } else if letter < 0x80 {
                    if mapsLatin, let twin = lookAlike(letter) {
                        output[written] = twin.lead
                        output[written + 1] = twin.trail
                        written += 2
                    } else {
                        output[written] = letter
                        written += 1
                    }
                    index += 1
                } else {
                    output[written] = letter
                    output[written + 1] = work[index + 1]
                    written += 2
                    index += 2
                }
            }
        }
        return written
    }

    /// Whether a Latin or Cyrillic letter starts at `index` (the case already folded).
    @inline(__always)
    private static func isWordLetterStart(_ work: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = work[index]
        return (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte & 0xFE == 0xD0 && index + 1 < work.count)
    }

    /// The Cyrillic twin of a lower-case Latin look-alike, as its two UTF-8 bytes.
    @inline(__always)
    private static func lookAlike(_ byte: UInt8) -> (lead: UInt8, trail: UInt8)? {
        switch byte {
        case UInt8(ascii: "a"): (0xD0, 0xB0)  // а
        case UInt8(ascii: "b"): (0xD0, 0xB2)  // в (from the capital B)
        case UInt8(ascii: "c"): (0xD1, 0x81)  // с
        case UInt8(ascii: "e"): (0xD0, 0xB5)  // е
        case UInt8(ascii: "h"): (0xD0, 0xBD)  // н (from the capital H)
        case UInt8(ascii: "k"): (0xD0, 0xBA)  // к
        case UInt8(ascii: "m"): (0xD0, 0xBC)  // м
        case UInt8(ascii: "o"): (0xD0, 0xBE)  // о
        case UInt8(ascii: "p"): (0xD1, 0x80)  // р
        case UInt8(ascii: "t"): (0xD1, 0x82)  // т (from the capital T)
        case UInt8(ascii: "x"): (0xD1, 0x85)  // х
        case UInt8(ascii: "y"): (0xD1, 0x83)  // у
        default: nil
        }
    }

    // MARK: - Byte classes

    private static func blank(_ work: UnsafeMutableBufferPointer<UInt8>, _ range: Range<Int>) {
        for index in range { work[index] = space }
    }

    /// Drops closing punctuation from the end of a URL-like span.
    ///
    /// In «(см. mos.ru/x).» the URL is «mos.ru/x».
    private static func trimmedEnd(_ work: UnsafeMutableBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var end = range.upperBound
        while end > range.lowerBound {
            let byte = work[end - 1]
            if byte < 0x80 && Self.closingPunctuation.contains(byte) {
                end -= 1
            } else if end - 2 >= range.lowerBound && work[end - 2] == 0xC2 && byte == 0xBB {
                end -= 2  // »
            } else {
                break
            }
        }
        return end
    }

    private static let closingPunctuation: Set<UInt8> = Set(".,;:!?)]}\"'>".utf8)

    @inline(__always)
    private static func isOpeningPunctuation(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{")
            || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "<")
    }

    /// ``isHostStart(_:)`` before case folding: folding keeps a byte inside or outside that class.
    @inline(__always)
    private static func mayStartHost(_ byte: UInt8) -> Bool {
        isHostStart(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    /// Whether a byte can start a host-name label: an ASCII letter or digit, or a Cyrillic lead byte.
    @inline(__always)
    private static func isHostStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte & 0xFE == 0xD0
    }

    @inline(__always)
    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    @inline(__always)
    private static func isHostByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-")
    }

    @inline(__always)
    private static func isEmailLocalByte(_ byte: UInt8) -> Bool {
        isHostByte(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "%")
            || byte == UInt8(ascii: "+")
    }
}

/// Blanks the names in addresses — the street, avenue, district or village a message is about — so that the place does
/// not outweigh the problem.
///
/// Residents name where a problem is: «на ул. Карла Маркса не горят фонари», «яма на проспекте Победы», «в д.
/// Ивановка нет воды». Counted as words, a street name makes every report about that street one pain (rubbish at the
/// stop, grass, lighting and storm drains on one boulevard), while the problem words are rarer. The address marker
/// stays (it says nothing either way); the name after it goes:
/// - after an abbreviated marker («ул.», «пр-т», «пер.», «б-р», «мкр», «пл.», and with a dot only «д.», «г.», «с.»,
///   «п.», «пос.») the next word, whatever its case, and the capitalized words or numbers that follow;
/// - after a marker written in full («улица», «улице», «проспекте», «переулок», «бульвар», «микрорайон», «площадь»,
///   «шоссе», «проезд», «деревня», «село», «посёлок» …) only capitalized words or numbers («на улице темно» stays).
///
/// At most ``maxNameWords`` words go; a name ends at punctuation other than a hyphen or the dot of an initial («К.
/// Маркса»). Run on the text as written (case matters), before ``TextNormalizer``.
///
/// ```swift
/// PlaceNames().strip("Яма на ул. Карла Маркса, у дома")  // "Яма на ул.             , у дома"
/// ```
public struct PlaceNames: Sendable {
    /// Creates the stripper.
    public init() {}

    /// The most words of a name that go.
    static let maxNameWords = 4

    /// Markers after which the next word goes whatever its case (abbreviations); the bool: a dot must follow.
    private static let abbreviations: [String: Bool] = [
        "ул": false, "пр": false, "пр-т": false, "просп": false, "пер": false, "б-р": false, "бул": false,
        "мкр": false, "мкрн": false, "мкр-н": false, "пл": true, "ш": true, "д": true, "г": true, "с": true,
        "п": true, "пос": true, "пгт": false, "х": true,
    ]

    /// Markers written in full, after which only capitalized words or numbers go.
    private static let fullMarkers: Set<String> = [
        "улица", "улицы", "улице", "улицу", "улицей", "проспект", "проспекта", "проспекте", "проспектом",
        "переулок", "переулка", "переулке", "бульвар", "бульвара", "бульваре", "микрорайон", "микрорайона",
        "микрорайоне", "площадь", "площади", "шоссе", "проезд", "проезда", "проезде", "деревня", "деревни",
        "деревне", "деревню", "село", "села", "селе", "поселок", "поселка", "поселке", "посёлок", "посёлка",
        "посёлке", "город", "города", "городе", "хутор", "хутора", "хуторе", "район", "района", "районе",
    ]

    /// The first letters of all markers, both cases, as their two UTF-8 bytes: a quick test before lower-casing.
    private static let markerInitials: Set<UInt16> = {
        var initials = Set<UInt16>()
        for marker in Array(abbreviations.keys) + Array(fullMarkers) {
            for variant in [marker, marker.uppercased()] {
                let bytes = Array(variant.utf8)
                initials.insert(UInt16(bytes[0]) << 8 | UInt16(bytes[1]))
            }
        }
        return initials
    }()

    /// Returns the text with the names after address markers blanked (replaced by spaces, byte for byte).
    ///
    /// - Parameter text: A text as written.
    /// - Returns: The same text with names blanked.
    public func strip(_ text: String) -> String {
        var bytes = Array(text.utf8)
        let words = Self.words(in: bytes)
        guard words.count > 1 else { return text }
        var changed = false
        var index = 0
        while index < words.count - 1 {
            let word = words[index]
            guard word.count >= 2, word.count <= 20,
                Self.markerInitials.contains(UInt16(bytes[word.lowerBound]) << 8 | UInt16(bytes[word.lowerBound + 1]))
            else {
                index += 1
                continue
            }
            let lower = Self.lowercased(bytes[word])
            var takesAnyFirst = false
            if let needsDot = Self.abbreviations[lower] {
                let dot = word.upperBound < bytes.count && bytes[word.upperBound] == UInt8(ascii: ".")
                guard dot || !needsDot else {
                    index += 1
                    continue
                }
                takesAnyFirst = true
            } else if !Self.fullMarkers.contains(lower) {
                index += 1
                continue
            }
            var taken = 0
            var next = index + 1
            var previousEnd = word.upperBound
            var previousIsInitial = false
            while next < words.count, taken < Self.maxNameWords {
                let candidate = words[next]
                // A dot may follow an abbreviated marker («ул.») or an initial («К.»), not a name or a full word.
                let allowsDot = (next == index + 1 && takesAnyFirst) || previousIsInitial
                guard Self.onlySeparators(bytes[previousEnd..<candidate.lowerBound], allowingDot: allowsDot),
                    (taken == 0 && takesAnyFirst) || Self.isCapitalizedOrNumber(bytes, candidate)
                else { break }
                previousIsInitial = Self.isInitial(bytes[candidate])
                for position in candidate { bytes[position] = UInt8(ascii: " ") }
                changed = true
                taken += 1
                previousEnd = candidate.upperBound
                next += 1
            }
            index = max(next, index + 1)
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }

    /// Byte ranges of words: runs of ASCII letters and digits, Cyrillic letters and inner hyphens.
    private static func words(in bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = 0
        var start = -1
        while index < bytes.count {
            let byte = bytes[index]
            let width: Int
            if isASCIIAlphanumeric(byte) {
                width = 1
            } else if byte == 0xD0 || byte == 0xD1, index + 1 < bytes.count {
                width = 2
            } else if byte == UInt8(ascii: "-"), start >= 0, index + 1 < bytes.count,
                isASCIIAlphanumeric(bytes[index + 1]) || bytes[index + 1] == 0xD0 || bytes[index + 1] == 0xD1
            {
                width = 1
            } else {
                if start >= 0 { result.append(start..<index) }
                start = -1
                index += 1
                continue
            }
            if start < 0 { start = index }
            index += width
        }
        if start >= 0 { result.append(start..<bytes.count) }
        return result
    }

    /// Whether only spaces (and, if allowed, one dot) separate two words.
    private static func onlySeparators(_ gap: ArraySlice<UInt8>, allowingDot: Bool) -> Bool {
        var dots = 0
        for byte in gap {
            switch byte {
            case UInt8(ascii: " "), 0xC2, 0xA0: continue  // space, no-break space
            case UInt8(ascii: "."): dots += 1
            default: return false
            }
        }
        return dots == 0 || (allowingDot && dots == 1)
    }

    /// Whether a word is one letter (an initial).
    private static func isInitial(_ word: ArraySlice<UInt8>) -> Bool {
        word.count == 1 || (word.count == 2 && (word.first == 0xD0 || word.first == 0xD1))
    }

    /// Whether a word starts with an upper-case Cyrillic or Latin letter or a digit.
    private static func isCapitalizedOrNumber(_ bytes: [UInt8], _ word: Range<Int>) -> Bool {
        let first = bytes[word.lowerBound]
        if (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        {
            return true
        }
        guard first == 0xD0, word.count >= 2 else { return false }
        let second = bytes[word.lowerBound + 1]
        return (0x90...0xAF).contains(second) || second == 0x81
    }

    /// A word's lower-case form (Cyrillic and Latin), `ё` kept.
    private static func lowercased(_ word: ArraySlice<UInt8>) -> String {
        guard word.count <= 40 else { return "" }
        return String(decoding: word, as: UTF8.self).lowercased()
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

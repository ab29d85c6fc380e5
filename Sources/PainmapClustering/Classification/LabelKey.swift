/// A label folded for comparison: lower case, `ё` as `е`, every run of other characters than letters and digits one
/// space, trimmed.
///
/// Survey answers, category names and service names are matched with it, so «Оформление в детский сад»,
/// «оформление  в детский сад.» and «ОФОРМЛЕНИЕ В ДЕТСКИЙ САД» are the same label. Every record's category fields
/// are folded, so labels of ASCII and basic Cyrillic only (all real rubrics) take a byte path; anything else goes
/// through Unicode properties.
struct LabelKey: Hashable, Sendable {
    /// The folded text.
    let value: String

    /// Folds a label.
    ///
    /// - Parameter label: Any label.
    init(_ label: String) {
        value = Self.foldBasic(label) ?? Self.foldUnicode(label)
    }

    /// Whether nothing but separators was left.
    var isEmpty: Bool { value.isEmpty }

    /// The byte path: `nil` when the label holds a character other than ASCII and Cyrillic А–я, Ё, ё.
    private static func foldBasic(_ label: String) -> String? {
        var label = label
        return label.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            func emit(_ units: UInt8...) {
                if pendingSpace, !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(contentsOf: units)
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    switch byte {
                    case 0x41...0x5A: emit(byte + 0x20)
                    case 0x61...0x7A, 0x30...0x39: emit(byte)
                    default: pendingSpace = true
                    }
                    index += 1
                    continue
                }
                guard byte == 0xD0 || byte == 0xD1, index + 1 < bytes.count else { return nil }
                let scalar = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                switch scalar {
                case 0x0401, 0x0451: emit(0xD0, 0xB5)  // Ё, ё → е
                case 0x0410...0x042F:  // А–Я → а–я
                    let lower = scalar + 0x20
                    emit(UInt8(0xC0 | (lower >> 6)), UInt8(0x80 | (lower & 0x3F)))
                case 0x0430...0x044F: emit(byte, bytes[index + 1])
                default: return nil
                }
                index += 2
            }
            return String(validating: out, as: UTF8.self)  // valid by construction; nil would take the Unicode path
        }
    }

    /// The general path, for labels with other scripts, marks or symbols.
    private static func foldUnicode(_ label: String) -> String {
        var folded = ""
        folded.reserveCapacity(label.utf8.count)
        var pendingSpace = false
        for scalar in label.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingSpace, !folded.isEmpty { folded.append(" ") }
                pendingSpace = false
                folded.unicodeScalars.append(scalar == "ё" ? "е" : scalar)
            } else {
                pendingSpace = true
            }
        }
        return folded
    }
}

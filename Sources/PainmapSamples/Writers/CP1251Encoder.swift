import PainmapCore

/// Encodes text as Windows-1251 with an explicit byte table and fails loudly on characters the
/// code page cannot hold.
///
/// Foundation's `.windowsCP1251` conversion can substitute or drop characters; a sample file that
/// silently lost a character would test nothing, so this encoder throws instead.
struct CP1251Encoder: Sendable {
    /// A character with no Windows-1251 byte.
    struct UnmappableCharacter: Error, Sendable, CustomStringConvertible {
        /// The offending scalar, as `U+XXXX`.
        var scalar: String
        /// Offset of the scalar within the encoded text.
        var offset: Int

        var description: String { "символ \(scalar) (позиция \(offset)) нет в кодировке windows-1251" }
    }

    /// Encodes `text`.
    ///
    /// - Parameter text: Text made only of characters Windows-1251 holds.
    /// - Returns: The encoded bytes.
    /// - Throws: ``UnmappableCharacter`` for the first character without a byte.
    func encode(_ text: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            guard let byte = CP1251.byte(for: scalar) else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                throw UnmappableCharacter(
                    scalar: "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex,
                    offset: offset
                )
            }
            bytes.append(byte)
        }
        return bytes
    }
}

/// KOI8-R, only for the hostile «wrong encoding» sample.
enum KOI8REncoder {
    private static let lower = Array("юабцдефгхийклмнопярстужвьызшэщчъ")
    private static let upper = Array("ЮАБЦДЕФГХИЙКЛМНОПЯРСТУЖВЬЫЗШЭЩЧЪ")

    /// Encodes ASCII and Cyrillic letters; other characters become `?`.
    static func encode(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for char in text {
            if let ascii = char.asciiValue {
                bytes.append(ascii)
            } else if char == "ё" {
                bytes.append(0xA3)
            } else if char == "Ё" {
                bytes.append(0xB3)
            } else if let index = lower.firstIndex(of: char) {
                bytes.append(UInt8(0xC0 + index))
            } else if let index = upper.firstIndex(of: char) {
                bytes.append(UInt8(0xE0 + index))
            } else {
                bytes.append(UInt8(ascii: "?"))
            }
        }
        return bytes
    }
}

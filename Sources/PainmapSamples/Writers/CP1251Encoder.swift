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

    /// Unicode scalars of bytes 0x80…0xBF; 0x98 is undefined (0).
    static let upperHalf: [UInt32] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C,
        0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x0000, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C,
        0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD,
        0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405,
        0x0455, 0x0457,
    ]

    /// Returns the byte for a scalar, or `nil` when Windows-1251 has none.
    static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value < 0x80 { return UInt8(value) }
        if (0x0410...0x044F).contains(value) { return UInt8(value - 0x0410 + 0xC0) }
        guard let index = upperHalf.firstIndex(of: value), value != 0 else { return nil }
        return UInt8(0x80 + index)
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
            guard let byte = Self.byte(for: scalar) else {
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

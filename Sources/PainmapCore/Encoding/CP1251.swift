/// Windows-1251 with one table both ways, so an undefined byte or an unmappable character is an error instead of
/// a silent U+FFFD or `?`: readers decode with it, the sample generator encodes with it.
public enum CP1251 {
    /// Unicode scalars for bytes 0x80…0xBF; 0 marks the one undefined byte (0x98).
    ///
    /// 0xC0…0xFF are А…я in order.
    @usableFromInline static let high: [UInt32] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C,
        0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x0000, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C,
        0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD,
        0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405,
        0x0455, 0x0457,
    ]

    /// Decodes bytes, or returns `nil` if any byte is undefined in Windows-1251.
    ///
    /// - Parameter bytes: Windows-1251 bytes.
    /// - Returns: The text, or `nil` at the first undefined byte.
    @inlinable public static func decode(_ bytes: some Collection<UInt8>) -> String? {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if byte < 0x80 {
                scalars.append(Unicode.Scalar(byte))
            } else if byte >= 0xC0 {
                // А…я occupy 0xC0…0xFF in order, mapping to U+0410…U+044F.
                guard let scalar = Unicode.Scalar(UInt32(byte) - 0xC0 + 0x0410) else { return nil }
                scalars.append(scalar)
            } else {
                let code = high[Int(byte) - 0x80]
                guard code != 0, let scalar = Unicode.Scalar(code) else { return nil }
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// The byte for a scalar, or `nil` when Windows-1251 has none.
    ///
    /// - Parameter scalar: A Unicode scalar.
    /// - Returns: Its Windows-1251 byte.
    public static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value < 0x80 { return UInt8(value) }
        if (0x0410...0x044F).contains(value) { return UInt8(value - 0x0410 + 0xC0) }
        guard value != 0, let index = high.firstIndex(of: value) else { return nil }
        return UInt8(0x80 + index)
    }
}

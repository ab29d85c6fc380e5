/// A minimal ZIP writer (stored entries, no compression) for crafted hostile workbooks.
///
/// Real workbooks come from `XLSXWriter`; this one exists to write what no honest writer does: entry names that
/// leave the package (`../../evil`) and sizes that lie. Output is deterministic (fixed DOS timestamp).
struct StoredZipWriter {
    struct Entry {
        var name: String
        var bytes: [UInt8]
        /// The uncompressed size written in the headers; the real size when `nil`.
        var declaredSize: UInt32? = nil
    }

    static func archive(_ entries: [Entry]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let name = Array(entry.name.utf8)
            let crc = crc32(entry.bytes)
            let size = UInt32(entry.bytes.count)
            let declared = entry.declaredSize ?? size
            let offset = UInt32(out.count)
            // Local file header.
            out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x5C21)
            out += le32(crc) + le32(size) + le32(declared) + le16(UInt16(name.count)) + le16(0) + name
            out += entry.bytes
            // Central directory header.
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x5C21)
            central += le32(crc) + le32(size) + le32(declared) + le16(UInt16(name.count)) + le16(0) + le16(0)
            central += le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let centralOffset = UInt32(out.count)
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        out += le32(UInt32(central.count)) + le32(centralOffset) + le16(0)
        return out
    }

    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }

    private static let table: [UInt32] = (0..<256).map { index -> UInt32 in
        var c = UInt32(index)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}

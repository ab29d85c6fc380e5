/// A stem, or a pair of adjacent stems, as a 64-bit key: what the compiled phrase matcher and the learned model
/// compare instead of strings.
///
/// The key is FNV-1a over the stem's UTF-8 bytes, so it is the same in every process and on every machine (the
/// learned model's digest depends on it); 0 is never a stem's key and marks a segment boundary.
enum StemKey {
    /// The key that separates the text from the category, subcategory and service segments.
    static let boundary: UInt64 = 0

    /// The key of one stem.
    ///
    /// - Parameter stem: A stem as ``KeywordAnalyzer`` produces it.
    /// - Returns: A non-zero key.
    static func of(_ stem: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in stem.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash == boundary ? 1 : hash
    }

    /// The key of two adjacent stems, in order («убор подъезд» is not «подъезд убор»).
    ///
    /// - Parameters:
    ///   - first: The first stem's key.
    ///   - second: The second stem's key.
    /// - Returns: A non-zero key, distinct from single stems' keys in practice.
    static func pair(_ first: UInt64, _ second: UInt64) -> UInt64 {
        var hash = (first &* 0x9e37_79b9_7f4a_7c15) ^ (second &+ 0x632b_e59b_d9b4_e019)
        hash ^= hash >> 31
        hash = hash &* 0xbf58_476d_1ce4_e5b9
        hash ^= hash >> 29
        return hash == boundary ? 1 : hash
    }
}

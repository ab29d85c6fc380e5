/// One entry of a ZIP archive's central directory: what the package reader needs to find and decompress a part.
///
/// Values come from the central directory, which ZIP writers fill in after writing the data, so they are right
/// even when the local header defers them to a data descriptor (general-purpose flag bit 3).
struct ZIPEntry: Sendable, Hashable {
    /// What the entry stands for, as ZIP tools decide it from the host system and the external attributes.
    enum Kind: Sendable, Hashable {
        case file
        case directory
        case symbolicLink
    }

    /// Compression method 0: the bytes are stored as they are.
    static let stored: UInt16 = 0
    /// Compression method 8: a raw deflate stream (RFC 1951).
    static let deflated: UInt16 = 8

    /// The entry's name inside the archive (UTF-8 when it decodes as such, else each byte as one Latin-1 scalar).
    let path: String
    let kind: Kind
    /// The compression method number of the ZIP specification (APPNOTE 4.4.5).
    let method: UInt16
    /// General-purpose flag bit 0: the data is encrypted.
    let isEncrypted: Bool
    let crc32: UInt32
    let compressedSize: UInt64
    let uncompressedSize: UInt64
    /// Where the entry's local file header starts, from the start of the archive.
    let localHeaderOffset: UInt64
}

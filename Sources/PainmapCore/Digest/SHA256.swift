import Crypto

/// SHA-256 (FIPS 180-4), streaming, for file digests and record keys.
///
/// A thin value over swift-crypto's `SHA256` (BoringSSL on Linux, which runs the rounds as the processor's SHA
/// instructions where it has them): the project's callers keep one small API — byte collections in, a byte array or
/// lowercase hex out — and nobody hand-writes a hash function.
public struct SHA256: Sendable {
    private var hasher = Crypto.SHA256()

    /// Creates an empty hash state.
    public init() {}

    /// Adds bytes to the message.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
        }
        if done == nil {
            Array(bytes).withUnsafeBytes { hasher.update(bufferPointer: $0) }
        }
    }

    /// Adds the bytes of a raw buffer (fast path for file chunks).
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
    }

    /// Finishes the hash and returns the 32-byte digest.
    public func finalize() -> [UInt8] {
        Array(hasher.finalize())
    }

    /// The lowercase hex SHA-256 of some bytes.
    public static func hex(of bytes: some Collection<UInt8>) -> String {
        var hash = SHA256()
        hash.update(bytes)
        return hexString(hash.finalize())
    }

    /// Lowercase hex of a digest.
    public static func hexString(_ digest: [UInt8]) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(digest.count * 2)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)  // ASCII hex digits only, always valid
    }
}

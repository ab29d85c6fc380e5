import Testing

@testable import PainmapCore

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func matchesFIPSVectors(message: String, expected: String) {
        #expect(SHA256.hex(of: Array(message.utf8)) == expected)
    }

    @Test func streamingEqualsOneShot() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var hash = SHA256()
        bytes.withUnsafeBytes { raw in
            hash.update(UnsafeRawBufferPointer(rebasing: raw[0..<7]))
            hash.update(UnsafeRawBufferPointer(rebasing: raw[7..<700]))
        }
        hash.update(bytes[700...])
        #expect(SHA256.hexString(hash.finalize()) == SHA256.hex(of: bytes))
    }

    @Test func piecesAroundBlockBoundariesAgreeWithTheWhole() {
        // Lengths around block boundaries, fed whole, in uneven raw pieces and as a collection.
        let bytes = (0..<5_000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 7) }
        for length in [0, 1, 55, 56, 63, 64, 65, 119, 128, 129, 1_000, 4_097, 5_000] {
            var digests: Set<[UInt8]> = []
            var whole = SHA256()
            bytes[0..<length].withUnsafeBytes { whole.update($0) }
            digests.insert(whole.finalize())
            var pieces = SHA256()
            bytes[0..<length].withUnsafeBytes { raw in
                var start = 0
                for size in [3, 64, 200, 1, 129] where start < raw.count {
                    let end = min(raw.count, start + size)
                    pieces.update(UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                    start = end
                }
                pieces.update(UnsafeRawBufferPointer(rebasing: raw[start...]))
            }
            digests.insert(pieces.finalize())
            var collection = SHA256()
            collection.update(bytes[0..<length].lazy.map { $0 })  // not contiguous: the copying path
            digests.insert(collection.finalize())
            #expect(digests.count == 1, "length \(length)")
        }
    }

    @Test func millionAs() {
        #expect(
            SHA256.hex(of: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        )
    }
}

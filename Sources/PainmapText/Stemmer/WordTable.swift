/// A set of words keyed by their UTF-8 bytes, for lookups straight from a tokenizer's byte ranges.
///
/// `Set<String>` and `Dictionary` would need a `String` per token just to look it up, and hash Cyrillic strings
/// through Unicode normalization; this table hashes and compares raw bytes, so a word already seen costs one hash
/// and one byte comparison. Words get dense ids in insertion order, so callers keep values in parallel arrays and nothing
/// depends on hash order. Hashes are keyed per process (``hash(_:)``), so crafted input cannot aim at
/// collisions.
struct WordTable: Sendable {
    /// All words' bytes, back to back; word `id` is `bytes[starts[id]..<starts[id + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [Int] = []
    /// Open addressing with linear probing.
    ///
    /// Each slot holds a word id, or -1 when empty; the slot count is a power of two.
    private var slots: [Int32]

    /// Creates an empty table with room for `capacity` words before it grows.
    init(capacity: Int = 0) {
        var slotCount = 16
        while slotCount < capacity * 2 { slotCount <<= 1 }
        slots = [Int32](repeating: -1, count: slotCount)
    }

    /// How many words the table holds.
    var count: Int { hashes.count }

    /// The hash the table uses for a word; compute it once when looking the same word up in several tables.
    ///
    /// A keyed multiply-mix hash over 8-byte words (the construction of wyhash, which Go's runtime map also
    /// uses without AES): cheaper than `Hasher`'s SipHash on words of a few bytes (BENCHMARKS.md), which is what
    /// every token of every text costs. The key is drawn once per process, so crafted input cannot aim at
    /// collisions, and ids never depend on hash values.
    @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        let key = HashKey.shared
        let count = word.count
        var seed = key.seed ^ UInt64(truncatingIfNeeded: count) &* key.step
        guard let base = word.baseAddress, count > 0 else { return Int(truncatingIfNeeded: mix(seed, key.step)) }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while count - offset > 16 {
            seed = mix(
                raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ key.step,
                raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self) ^ seed
            )
            offset += 16
        }
        // The last 1…16 bytes as two words, assembled without reading past the buffer.
        var low: UInt64 = 0
        var high: UInt64 = 0
        let rest = count - offset
        if rest >= 8 {
            low = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            high = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        } else {
            for index in 0..<rest { low |= UInt64(base[offset + index]) << (8 * UInt64(index)) }
        }
        return Int(truncatingIfNeeded: mix(low ^ key.step, high ^ seed) ^ seed)
    }

    /// The 64 × 64 → 128-bit product folded to 64 bits.
    @inline(__always)
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// The per-process key of ``hash(_:)``.
    private struct HashKey: Sendable {
        let seed: UInt64
        let step: UInt64

        static let shared: HashKey = {
            var generator = SystemRandomNumberGenerator()
            // Odd multipliers with both halves populated keep the products well mixed.
            return HashKey(seed: generator.next(), step: generator.next() | 0x8000_0001_0000_0001)
        }()
    }

    /// Returns the id of a word, or `nil` when the table does not hold it.
    func id(of word: UnsafeBufferPointer<UInt8>, hash: Int) -> Int? {
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let id = Int(slots[slot])
            if id < 0 {
                return nil
            }
            if hashes[id] == hash && matches(id, word) {
                return id
            }
            slot = (slot + 1) & mask
        }
    }

    /// Adds a word the table does not hold yet and returns its id, the previous ``count``.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: Int) -> Int {
        let id = hashes.count
        bytes.append(contentsOf: word)
        starts.append(bytes.count)
        hashes.append(hash)
        if hashes.count * 2 > slots.count {
            rehash(slotCount: slots.count * 2)
        } else {
            place(id)
        }
        return id
    }

    private func matches(_ id: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id]
        let length = starts[id + 1] - start
        guard length == word.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            for offset in 0..<length where stored[start + offset] != word[offset] {
                return false
            }
            return true
        }
    }

    private mutating func place(_ id: Int) {
        let mask = slots.count - 1
        var slot = hashes[id] & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(truncatingIfNeeded: id)
    }

    private mutating func rehash(slotCount: Int) {
        slots = [Int32](repeating: -1, count: slotCount)
        for id in hashes.indices { place(id) }
    }
}

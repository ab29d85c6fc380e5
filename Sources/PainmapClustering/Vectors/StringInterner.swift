/// Numbers distinct strings `0, 1, 2, …` in first-seen order, hashing their UTF-8 bytes.
///
/// `Dictionary<String, _>` hashes through Unicode normalization, which dominated interning a million
/// tokens. Analyzer output is already normalized, so byte equality is the right equality here; an
/// open-addressing table over FNV-1a hashes of the bytes does the job faster.
struct StringInterner {
    /// The strings by id.
    private(set) var strings: [String] = []
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Slot → id + 1 (0 = empty); the size is a power of two, kept at most half full.
    private var slots: [Int32]

    init(minimumCapacity: Int = 1_024) {
        var size = 16
        while size < 2 * minimumCapacity { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
    }

    /// Number of distinct strings.
    var count: Int { strings.count }

    /// The id of `string`, adding it when new.
    mutating func intern(_ string: String) -> Int32 {
        if let id = string.utf8.withContiguousStorageIfAvailable({ intern(bytes: $0, string: string) }) {
            return id
        }
        return Array(string.utf8).withUnsafeBufferPointer { intern(bytes: $0, string: string) }
    }

    private mutating func intern(bytes key: UnsafeBufferPointer<UInt8>, string: String) -> Int32 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while slots[slot] != 0 {
            let id = Int(slots[slot] - 1)
            if hashes[id] == hash, equals(id, key) { return Int32(id) }
            slot = (slot + 1) & mask
        }
        let id = Int32(strings.count)
        slots[slot] = id + 1
        strings.append(string)
        hashes.append(hash)
        bytes.append(contentsOf: key)
        starts.append(bytes.count)
        if 2 * strings.count > slots.count { grow() }
        return id
    }

    private func equals(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id]
        guard starts[id + 1] - start == key.count else { return false }
        for index in 0..<key.count where bytes[start + index] != key[index] { return false }
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for id in 0..<strings.count {
            var slot = Int(truncatingIfNeeded: hashes[id] ^ (hashes[id] >> 29)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id + 1)
        }
    }
}

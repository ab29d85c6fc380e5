/// An open-addressing hash table from lexicon words (as ``WordKey``) to values: one multiply-shift hash and,
/// on average, one or two integer comparisons per lookup, with no allocation.
///
/// Built once from the lexicon's strings; read-only afterwards, so it is safe to share between threads.
struct WordTable<Value: Sendable>: Sendable {
    private var keys: [WordKey]
    private var values: [Value?]
    private let mask: Int

    /// Builds the table; a later entry for the same word replaces an earlier one.
    init(_ entries: [(String, Value)]) {
        self.init(keyed: entries.map { (WordKey($0.0), $0.1) })
    }

    /// Builds the table from keys already made (endings use ``WordKey/ending``).
    init(keyed entries: [(WordKey, Value)]) {
        var capacity = 16
        while capacity < entries.count * 3 { capacity <<= 1 }
        mask = capacity - 1
        keys = Array(repeating: WordKey(), count: capacity)
        values = Array(repeating: nil, count: capacity)
        for (key, value) in entries where key.isLexical && key.length > 0 {
            var slot = Int(truncatingIfNeeded: key.mixed >> 32) & mask
            while values[slot] != nil, !keys[slot].sameHead(key) { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }

    /// The value stored for `key`, if any.
    @inline(__always)
    subscript(_ key: WordKey) -> Value? {
        self[key, mixed: key.mixed]
    }

    /// The value stored for `key`, whose ``WordKey/mixed`` hash the caller has computed already.
    @inline(__always)
    subscript(_ key: WordKey, mixed mixed: UInt64) -> Value? {
        guard key.isLexical, key.length > 0 else { return nil }
        var slot = Int(truncatingIfNeeded: mixed >> 32) & mask
        while true {
            guard let value = values[slot] else { return nil }
            if keys[slot].sameHead(key) { return value }
            slot = (slot + 1) & mask
        }
    }
}

/// A set of lexicon words, or of word endings.
struct WordSet: Sendable {
    private let table: WordTable<Bool>
    /// For ending sets: the shortest and longest ending.
    private let lengths: ClosedRange<Int>

    /// A set of whole words.
    init(_ words: some Sequence<String>) {
        let keys = words.map { WordKey($0) }
        table = WordTable(keyed: keys.map { ($0, true) })
        lengths = (keys.map(\.length).min() ?? 0)...(keys.map(\.length).max() ?? 0)
    }

    /// A set of endings (at most 8 letters each), for ``containsEnding(of:lengths:)``.
    init(endings: some Sequence<String>) {
        let keys = endings.map { WordKey($0) }.filter { $0.length <= 8 }
        table = WordTable(keyed: keys.map { ($0.ending, true) })
        lengths = (keys.map(\.length).min() ?? 0)...(keys.map(\.length).max() ?? 0)
    }

    /// Whether the whole word is in the set.
    @inline(__always)
    func contains(_ key: WordKey) -> Bool { table[key] != nil }

    /// Whether the last `n` letters of the word, for some `n` in `lengths` (and at most the word's length), are one
    /// of the set's endings.
    func containsEnding(of key: WordKey, lengths: ClosedRange<Int>) -> Bool {
        let upper = min(lengths.upperBound, key.length, 8, self.lengths.upperBound)
        let lower = max(lengths.lowerBound, self.lengths.lowerBound, 1)
        guard lower <= upper else { return false }
        for count in lower...upper where table[key.suffix(count)] != nil { return true }
        return false
    }
}

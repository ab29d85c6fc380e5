import PainmapCore

/// The documents of a large batch that the engine clusters when the batch holds more distinct texts than
/// ``ClusterConfiguration/sampleAbove``: the distinct texts whose seeded hash is smallest, with all their copies.
///
/// A text is its sequence of stems (the unit ``DistinctRows`` collapses), hashed from the stems' bytes, so whether a
/// text is in the sample depends on the text and the seed alone — not on the order of the documents, the ids the
/// batch gave its words, or the thread count. Documents without a stem are never sampled (they are «без содержания»).
struct SampledBatch {
    /// Sampled document numbers, ascending.
    let documents: [Int]
    /// Distinct texts in the whole batch.
    let distinctTextCount: Int
    /// Distinct texts in the sample.
    let sampledTextCount: Int

    /// The sample of a batch, or `nil` when the batch is clustered whole (no threshold, or not more distinct texts
    /// than it).
    init?(documents: InternedDocuments, configuration: ClusterConfiguration) {
        // Text features rewrite the whole batch's stems before the vocabulary is built; the placement of the other
        // documents reads raw stems, so a batch with text features is always clustered whole.
        guard configuration.textFeatures.isPlain, let limit = configuration.sampleAbove, limit > 0,
            documents.count > limit
        else { return nil }
        let stemHashes = documents.stems.map { stem -> UInt64? in
            guard !stem.isEmpty else { return nil }
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in stem.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return hash
        }
        var keyed: [(key: UInt64, document: Int)] = []
        keyed.reserveCapacity(documents.count)
        for document in 0..<documents.count {
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
            var hasStem = false
            for word in documents.words(of: document) {
                guard let stemHash = stemHashes[Int(documents.stemOfWord[Int(word)])] else { continue }
                hash = Self.mix(hash ^ stemHash)
                hasStem = true
            }
            if hasStem { keyed.append((Self.mix(hash ^ configuration.seed), document)) }
        }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.document < $1.document }
        var distinct = 0
        var sampled: [Int] = []
        var sampledTexts = 0
        var previous: UInt64?
        for (key, document) in keyed {
            if key != previous {
                distinct += 1
                previous = key
            }
            if distinct <= limit {
                sampled.append(document)
                sampledTexts = distinct
            }
        }
        guard distinct > limit else { return nil }
        sampled.sort()
        self.documents = sampled
        distinctTextCount = distinct
        sampledTextCount = sampledTexts
    }

    /// SplitMix64's first output seeded with `value`: its finalizer over `value` plus the golden-ratio step.
    static func mix(_ value: UInt64) -> UInt64 {
        var generator = SplitMix64(seed: value)
        return generator.next()
    }
}

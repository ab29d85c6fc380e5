#if Workspace
    import PainmapCore
    import PainmapText

    /// The records of each stored pain of one region-quarter, found again from the pains' centroids.
    ///
    /// The store keeps each pain's centroid (stems and stem pairs with weights), not its members; a record belongs to
    /// the pain of its life situation whose centroid is nearest (cosine over the same terms). Records nearest to no
    /// pain (no shared term) are left out.
    struct PainRecordIndex: Sendable {
        /// The stored pains the index was built from (ids and counts), to notice a rerun.
        let signature: String
        private let records: [String: [ClassifiedRecord]]

        /// Builds the index (CPU work: analyzes every record's text once).
        init(pains: [StoredPain], records classified: [ClassifiedRecord]) {
            signature = Self.signature(pains)
            var centroids: [String: [(id: String, weights: [String: Float], norm: Float)]] = [:]
            for pain in pains {
                let norm = pain.centroid.values.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
                guard norm > 0 else { continue }
                centroids[pain.lifeSituation, default: []].append((pain.id, pain.centroid, norm))
            }
            let analyzer = TextAnalyzer()
            var cache = StemCache()
            var byPain: [String: [ClassifiedRecord]] = [:]
            for item in classified {
                guard let situation = item.classification.lifeSituation, let candidates = centroids[situation] else {
                    continue
                }
                let stems = analyzer.analyze(item.record.text, cache: &cache).map(\.stem)
                var terms: [String: Float] = [:]
                for (index, stem) in stems.enumerated() {
                    terms[stem, default: 0] += 1
                    if index + 1 < stems.count { terms[stem + " " + stems[index + 1], default: 0] += 1 }
                }
                var best: (id: String, score: Float)?
                for candidate in candidates {
                    var dot: Float = 0
                    for (term, weight) in terms { dot += weight * (candidate.weights[term] ?? 0) }
                    let score = dot / candidate.norm
                    if score > 0, score > best?.score ?? 0 { best = (candidate.id, score) }
                }
                if let best { byPain[Self.key(situation, best.id), default: []].append(item) }
            }
            records = byPain.mapValues { $0.sorted { ($0.record.receivedAt, $0.id) > ($1.record.receivedAt, $1.id) } }
        }

        /// The pain's records, newest first.
        func records(situation: String, pain: String) -> [ClassifiedRecord] {
            records[Self.key(situation, pain)] ?? []
        }

        static func signature(_ pains: [StoredPain]) -> String {
            pains.map { "\($0.lifeSituation)/\($0.id):\($0.count)" }.joined(separator: ",")
        }

        private static func key(_ situation: String, _ pain: String) -> String { situation + "/" + pain }
    }
#endif

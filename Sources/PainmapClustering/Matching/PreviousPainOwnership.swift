import Foundation

/// Finds again which stored pain each record of the previous period belonged to, from the pains' centroids.
///
/// A store keeps each pain's centroid, not its members. A record belongs to the pain whose centroid is most similar to
/// it: the record's terms (stems and pairs of adjacent stems, as the engine forms them) weighted by sublinear term
/// frequency, dotted with each unit centroid (ties: the lower pain). A record that shares no term with any centroid
/// belongs to none. The same input always gives the same owners.
///
/// ```swift
/// let owners = PreviousPainOwnership(previous: stored).owners(of: documents, in: currentCount..<documents.count)
/// ```
public struct PreviousPainOwnership: Sendable {
    /// Unit centroid weights per pain, keyed by term.
    private let centroids: [[String: Double]]

    /// Prepares the centroids of the previous period's pains.
    ///
    /// - Parameter previous: The stored pains of the previous period.
    public init(previous: [PreviousPain]) {
        centroids = previous.map { pain in
            var squares: Double = 0
            for term in pain.centroid.keys.sorted() {
                let weight = Double(pain.centroid[term] ?? 0)
                squares += weight * weight
            }
            guard squares > 0 else { return [:] }
            let scale = 1 / squares.squareRoot()
            return pain.centroid.mapValues { Double($0) * scale }
        }
    }

    /// The owning pain (an index into `previous`) of each document in `range`, or `nil`.
    ///
    /// - Parameters:
    ///   - documents: The analyzed documents.
    ///   - range: The documents of the previous period.
    /// - Returns: One entry per document of `range`, in order.
    public func owners(of documents: InternedDocuments, in range: Range<Int>) -> [Int?] {
        guard centroids.contains(where: { !$0.isEmpty }) else { return range.map { _ in nil } }
        // Every term the centroids name, looked up once per stem id and stem pair: records are then read as integers.
        var postingsOfTerm: [String: [(pain: Int, weight: Double)]] = [:]
        for (pain, centroid) in centroids.enumerated() {
            for term in centroid.keys.sorted() { postingsOfTerm[term, default: []].append((pain, centroid[term] ?? 0)) }
        }
        var stemID: [String: Int32] = [:]
        for (id, stem) in documents.stems.enumerated() where !stem.isEmpty { stemID[stem] = Int32(id) }
        var unigram = [Int](repeating: -1, count: documents.stems.count)
        var bigram: [UInt64: Int] = [:]
        var postings: [[(pain: Int, weight: Double)]] = []
        for term in postingsOfTerm.keys.sorted() {
            let parts = term.split(separator: " ", omittingEmptySubsequences: false)
            if parts.count == 1, let id = stemID[term] {
                unigram[Int(id)] = postings.count
            } else if parts.count == 2, let first = stemID[String(parts[0])], let second = stemID[String(parts[1])] {
                bigram[Self.pair(first, second)] = postings.count
            } else {
                continue
            }
            postings.append(postingsOfTerm[term] ?? [])
        }
        var counts: [Int: Int] = [:]
        var scores = [Double](repeating: 0, count: centroids.count)
        return range.map { document in
            counts.removeAll(keepingCapacity: true)
            var previous: Int32 = -1
            for word in documents.words(of: document) {
                let stem = documents.stemOfWord[Int(word)]
                guard !documents.stems[Int(stem)].isEmpty else { continue }
                let term = unigram[Int(stem)]
                if term >= 0 { counts[term, default: 0] += 1 }
                if previous >= 0, let pair = bigram[Self.pair(previous, stem)] { counts[pair, default: 0] += 1 }
                previous = stem
            }
            guard !counts.isEmpty else { return nil }
            for index in scores.indices { scores[index] = 0 }
            for term in counts.keys.sorted() {
                let weight = 1 + log(Double(counts[term] ?? 1))
                for posting in postings[term] { scores[posting.pain] += weight * posting.weight }
            }
            var best: Int?
            for (pain, score) in scores.enumerated() where score > 0 && score > best.map({ scores[$0] }) ?? 0 {
                best = pain
            }
            return best
        }
    }

    private static func pair(_ first: Int32, _ second: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
    }
}

import Foundation
import PainmapCore

/// A multinomial naive Bayes text classifier over stems and adjacent stem pairs, trained on the store's records
/// whose situation is certain; it places records no rule decides.
///
/// Classes are the catalog's situations plus one last class, «other»: records whose source category maps to no
/// situation and whose keywords name none (roads, transport, healthcare in a real ПОС export). A text's features
/// are its distinct stems and distinct pairs of adjacent stems (``StemKey``), each counted once per record. A
/// feature seen in fewer than ``minimumDocuments`` training records is dropped (it cannot generalise, and a rare
/// word never becomes evidence). Probabilities use additive smoothing; the prior is the training distribution.
///
/// Training and prediction are deterministic: counts are integers summed in any order, the vocabulary is sorted by
/// key, and the ``digest`` names exactly the counts, so the same certain records give the same model and digest in
/// every run, on any number of threads.
public struct LearnedSituationModel: Sendable {
    /// Names the training and prediction algorithm: bump it when a change here should train the models again on a
    /// store whose records are all classified (`ClassificationModelStore` keys the last training by it).
    public static let version = "painmap-learned/1"
    /// Features seen in fewer training records than this are dropped.
    public static let minimumDocuments = 2
    /// The additive smoothing of feature probabilities.
    public static let smoothing = 0.5

    /// Training counts: accumulate per task with ``add(_:to:)``, combine with ``merge(_:)``.
    public struct Training: Sendable {
        /// The number of classes: situations plus «other».
        public let classCount: Int
        /// Training records per class.
        public private(set) var documents: [Int]
        var rows: [UInt64: Int32] = [:]
        var keys: [UInt64] = []
        /// `row * classCount + class` → records of the class with the feature.
        var counts: [Int32] = []

        /// Creates empty counts.
        ///
        /// - Parameter classCount: Situations plus one.
        public init(classCount: Int) {
            self.classCount = classCount
            documents = [Int](repeating: 0, count: classCount)
        }

        /// Counts one training record.
        ///
        /// - Parameters:
        ///   - features: The record's distinct features (see ``LearnedSituationModel/features(of:into:)``).
        ///   - label: Its class.
        mutating func add(_ features: [UInt64], to label: Int) {
            documents[label] += 1
            for key in features {
                let row: Int32
                if let existing = rows[key] {
                    row = existing
                } else {
                    row = Int32(keys.count)
                    rows[key] = row
                    keys.append(key)
                    counts.append(contentsOf: repeatElement(0, count: classCount))
                }
                counts[Int(row) * classCount + label] += 1
            }
        }

        /// Adds another task's counts.
        ///
        /// - Parameter other: Counts over the same classes.
        public mutating func merge(_ other: Training) {
            for label in 0..<classCount { documents[label] += other.documents[label] }
            for (index, key) in other.keys.enumerated() {
                let row: Int
                if let existing = rows[key] {
                    row = Int(existing)
                } else {
                    row = keys.count
                    rows[key] = Int32(row)
                    keys.append(key)
                    counts.append(contentsOf: repeatElement(0, count: classCount))
                }
                for label in 0..<classCount {
                    counts[row * classCount + label] += other.counts[index * classCount + label]
                }
            }
        }
    }

    /// What the model says about one text.
    struct Prediction: Sendable {
        /// The most probable class.
        var label: Int
        /// Its posterior probability, 0…1.
        var confidence: Double
        /// The known features of the text that favour ``label`` over every other class, strongest first.
        var evidence: [UInt64]
        /// The text's distinct stems the model knows.
        var knownWords: Int
        /// The text's distinct stems.
        var words: Int
    }

    /// The number of classes: situations plus «other» (the last).
    public let classCount: Int
    /// Training records per class.
    public let documents: [Int]
    /// SHA-256 (hex) of the counts the model was built from.
    public let digest: String
    private let rows: [UInt64: Int32]
    /// `row * classCount + class` → log P(feature | class).
    private let weights: [Double]
    private let logPrior: [Double]

    /// The number of features kept.
    public var featureCount: Int { rows.count }
    /// All training records.
    public var trainingRecords: Int { documents.reduce(0, +) }

    /// Builds the model from merged counts.
    ///
    /// - Parameter training: Every task's counts, merged.
    public init(_ training: Training) {
        let classCount = training.classCount
        self.classCount = classCount
        documents = training.documents
        // Keep features seen in enough records, sorted by key so that rows, totals and the digest do not depend on
        // the order records were read in.
        var kept: [(key: UInt64, row: Int)] = []
        for (row, key) in training.keys.enumerated() {
            var seen = 0
            for label in 0..<classCount { seen += Int(training.counts[row * classCount + label]) }
            if seen >= Self.minimumDocuments { kept.append((key, row)) }
        }
        kept.sort { $0.key < $1.key }
        var totals = [Double](repeating: 0, count: classCount)
        var digestBytes: [UInt8] = []
        digestBytes.reserveCapacity(16 + kept.count * (8 + 4 * classCount))
        func append(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { digestBytes.append(contentsOf: $0) } }
        append(UInt64(classCount))
        for count in training.documents { append(UInt64(count)) }
        for (key, row) in kept {
            append(key)
            for label in 0..<classCount {
                let count = training.counts[row * classCount + label]
                totals[label] += Double(count)
                withUnsafeBytes(of: UInt32(bitPattern: count).littleEndian) { digestBytes.append(contentsOf: $0) }
            }
        }
        digest = SHA256.hex(of: digestBytes)
        let vocabulary = Double(max(kept.count, 1))
        var rows: [UInt64: Int32] = [:]
        rows.reserveCapacity(kept.count)
        var weights = [Double](repeating: 0, count: kept.count * classCount)
        let denominators = totals.map { log($0 + Self.smoothing * vocabulary) }
        for (index, item) in kept.enumerated() {
            rows[item.key] = Int32(index)
            for label in 0..<classCount {
                let count = Double(training.counts[item.row * classCount + label])
                weights[index * classCount + label] = log(count + Self.smoothing) - denominators[label]
            }
        }
        self.rows = rows
        self.weights = weights
        let all = Double(training.documents.reduce(0, +))
        logPrior = training.documents.map { log((Double($0) + 1) / (all + Double(classCount))) }
    }

    /// The features of a text: its distinct stems and distinct adjacent stem pairs, up to the first segment boundary.
    ///
    /// - Parameters:
    ///   - keys: The text's stem keys (``KeywordAnalyzer/appendKeys(_:scratch:to:)``).
    ///   - features: Emptied, then filled in first-seen order.
    static func features(of keys: ArraySlice<UInt64>, into features: inout [UInt64]) {
        features.removeAll(keepingCapacity: true)
        var previous: UInt64?
        for key in keys {
            if key == StemKey.boundary { break }
            if !features.contains(key) { features.append(key) }
            if let previous {
                let pair = StemKey.pair(previous, key)
                if !features.contains(pair) { features.append(pair) }
            }
            previous = key
        }
    }

    /// Classifies a text by its features.
    ///
    /// - Parameters:
    ///   - features: The text's distinct features.
    ///   - words: How many of them are single stems (the rest are pairs).
    /// - Returns: The most probable class, its posterior and the deciding features; `nil` when the text has no
    ///   feature the model knows.
    func predict(_ features: [UInt64], words: Set<UInt64>) -> Prediction? {
        var known: [(key: UInt64, row: Int)] = []
        var knownWords = 0
        for key in features {
            if let row = rows[key] {
                known.append((key, Int(row)))
                if words.contains(key) { knownWords += 1 }
            }
        }
        guard !known.isEmpty, trainingRecords > 0 else { return nil }
        var scores = logPrior
        for item in known {
            for label in 0..<classCount { scores[label] += weights[item.row * classCount + label] }
        }
        var best = 0
        for label in 1..<classCount where scores[label] > scores[best] { best = label }
        var sum = 0.0
        for label in 0..<classCount { sum += exp(scores[label] - scores[best]) }
        // A feature is evidence when it favours the chosen class over every other class; the strongest first.
        var evidence: [(key: UInt64, lead: Double)] = []
        for item in known {
            var lead = Double.infinity
            for label in 0..<classCount where label != best {
                lead = min(lead, weights[item.row * classCount + best] - weights[item.row * classCount + label])
            }
            if lead > 0 { evidence.append((item.key, lead)) }
        }
        evidence.sort { $0.lead != $1.lead ? $0.lead > $1.lead : $0.key < $1.key }
        return Prediction(
            label: best,
            confidence: 1 / sum,
            evidence: evidence.map(\.key),
            knownWords: knownWords,
            words: words.count
        )
    }
}

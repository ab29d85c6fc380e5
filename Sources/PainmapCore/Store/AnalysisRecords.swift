import Foundation

/// A region-quarter's classified records as region analysis reads them, held column by column.
///
/// A ``ClassifiedRecord`` is about half a kilobyte before its text (twenty optional strings, dates, the classification's
/// evidence); a region of a million records held that way needs half a gigabyte for fields analysis never reads. Here
/// each record costs its text and about 80 bytes: ids, times, the channel, the id in its channel, the organization,
/// ratings, life situation, stage and rules, with repeated strings (organizations, situations, stages, the digest) kept
/// once. The subscript gives a ``ClassifiedRecord`` with exactly those fields; every other field is empty (feed `""`,
/// raw region `""`, no answer text, no evidence) and must not be read.
public struct AnalysisRecords: RandomAccessCollection, Sendable {
    /// The region of every record.
    public let region: String
    /// The quarter of every record.
    public let quarter: Quarter
    private var ids: [Int64] = []
    private var fingerprints: [UInt64] = []
    private var sources: [SourceKind] = []
    private var received: [Double] = []
    /// `nan` for none.
    private var answered: [Double] = []
    /// `nan` for none.
    private var deadlines: [Double] = []
    private var texts: [String] = []
    private var sourceRecordIDs: [String?] = []
    /// Indices into ``strings``, `-1` for none.
    private var organizations: [Int32] = []
    private var ratings: [[CriterionScore]] = []
    /// Indices into ``strings``, `-1` for none.
    private var situations: [Int32] = []
    private var stages: [Int32] = []
    private var rules: [ClassificationRule] = []
    private var stageRules: [StageRule] = []
    private var digests: [Int32] = []
    private var strings: [String] = []
    private var stringIDs: [String: Int32] = [:]

    /// An empty list of one region and quarter.
    public init(region: String, quarter: Quarter) {
        self.region = region
        self.quarter = quarter
    }

    /// The analysis fields of full records (a store without a lean read).
    ///
    /// - Parameters:
    ///   - records: Classified records of the region and quarter, in store order.
    ///   - region: Their region.
    ///   - quarter: Their quarter.
    public init(_ records: [ClassifiedRecord], region: String, quarter: Quarter) {
        self.init(region: region, quarter: quarter)
        reserveCapacity(records.count)
        for item in records {
            let record = item.record
            let classification = item.classification
            append(
                id: item.id,
                fingerprint: item.fingerprint,
                source: record.source,
                sourceRecordID: record.sourceRecordID,
                receivedAt: record.receivedAt.timeIntervalSince1970,
                answeredAt: record.answeredAt?.timeIntervalSince1970,
                deadlineAt: record.deadlineAt?.timeIntervalSince1970,
                organization: record.organization,
                text: record.text,
                ratings: record.ratings,
                lifeSituation: classification.lifeSituation,
                stage: classification.stage,
                rule: classification.rule,
                stageRule: classification.stageRule,
                configDigest: item.configDigest
            )
        }
    }

    /// Reserves room for a number of records.
    public mutating func reserveCapacity(_ count: Int) {
        ids.reserveCapacity(count)
        fingerprints.reserveCapacity(count)
        sources.reserveCapacity(count)
        received.reserveCapacity(count)
        answered.reserveCapacity(count)
        deadlines.reserveCapacity(count)
        texts.reserveCapacity(count)
        sourceRecordIDs.reserveCapacity(count)
        organizations.reserveCapacity(count)
        ratings.reserveCapacity(count)
        situations.reserveCapacity(count)
        stages.reserveCapacity(count)
        rules.reserveCapacity(count)
        stageRules.reserveCapacity(count)
        digests.reserveCapacity(count)
    }

    /// Appends one record (times in seconds since 1970).
    public mutating func append(
        id: RecordID,
        fingerprint: UInt64,
        source: SourceKind,
        sourceRecordID: String?,
        receivedAt: Double,
        answeredAt: Double?,
        deadlineAt: Double?,
        organization: String?,
        text: String,
        ratings: [CriterionScore],
        lifeSituation: String?,
        stage: String,
        rule: ClassificationRule,
        stageRule: StageRule,
        configDigest: String
    ) {
        ids.append(id.rawValue)
        fingerprints.append(fingerprint)
        sources.append(source)
        sourceRecordIDs.append(sourceRecordID)
        received.append(receivedAt)
        answered.append(answeredAt ?? .nan)
        deadlines.append(deadlineAt ?? .nan)
        organizations.append(intern(organization))
        texts.append(text)
        self.ratings.append(ratings)
        situations.append(intern(lifeSituation))
        stages.append(intern(stage))
        rules.append(rule)
        stageRules.append(stageRule)
        digests.append(intern(configDigest))
    }

    private mutating func intern(_ value: String?) -> Int32 {
        guard let value else { return -1 }
        if let id = stringIDs[value] { return id }
        let id = Int32(strings.count)
        stringIDs[value] = id
        strings.append(value)
        return id
    }

    private func string(_ id: Int32) -> String? { id < 0 ? nil : strings[Int(id)] }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ids.count }

    /// The record at a position, with the analysis fields only.
    public subscript(position: Int) -> ClassifiedRecord {
        var record = FeedbackRecord(
            source: sources[position],
            feed: "",
            receivedAt: Date(timeIntervalSince1970: received[position]),
            region: region,
            regionRaw: "",
            regionCodeSystem: .okato,
            quarter: quarter,
            text: texts[position]
        )
        record.sourceRecordID = sourceRecordIDs[position]
        if !answered[position].isNaN { record.answeredAt = Date(timeIntervalSince1970: answered[position]) }
        if !deadlines[position].isNaN { record.deadlineAt = Date(timeIntervalSince1970: deadlines[position]) }
        record.organization = string(organizations[position])
        record.ratings = ratings[position]
        return ClassifiedRecord(
            id: RecordID(rawValue: ids[position]),
            fingerprint: fingerprints[position],
            record: record,
            classification: RecordClassification(
                lifeSituation: string(situations[position]),
                stage: string(stages[position]) ?? "",
                rule: rules[position],
                evidence: "",
                stageRule: stageRules[position],
                stageEvidence: ""
            ),
            configDigest: string(digests[position]) ?? ""
        )
    }

    /// The id of the record at a position.
    public func id(at position: Int) -> RecordID { RecordID(rawValue: ids[position]) }
    /// The channel of the record at a position.
    public func source(at position: Int) -> SourceKind { sources[position] }
    /// The text of the record at a position.
    public func text(at position: Int) -> String { texts[position] }
    /// When the record at a position was received, in seconds since 1970.
    public func receivedTime(at position: Int) -> Double { received[position] }
    /// The life situation of the record at a position, `nil` when none was found.
    public func lifeSituation(at position: Int) -> String? { string(situations[position]) }
}

/// A store that hands region analysis only the fields it reads, streamed from a cursor into ``AnalysisRecords``, so that
/// a region-quarter of a million records is held neither twice (as rows and as records) nor with every column.
///
/// `StoredRegionAnalysis` uses it when the store offers it and ``FeedbackStore/classifiedRecords(region:quarter:)``
/// otherwise; both give the same reports.
public protocol AnalysisRecordStore: Sendable {
    /// The classified records of one region and quarter with the fields analysis reads, in
    /// ``FeedbackStore/records(region:quarter:)`` order (source, received time, key); records never classified are
    /// left out.
    ///
    /// See ``AnalysisRecords`` for the fields kept.
    /// - Parameters:
    ///   - region: The 2-digit region.
    ///   - quarter: The quarter.
    /// - Returns: The records.
    /// - Throws: A ``PainmapFailure`` when the store cannot be read.
    func analysisRecords(region: String, quarter: Quarter) async throws -> AnalysisRecords
}

public import Foundation
public import PainmapCore

/// Reads hotline call logs (122 and agency hotlines): CSV or XLSX with the operator's summary as text.
///
/// No public schema exists; every layout is a column map in `Config/feeds.yaml`, and callers' names
/// and phone numbers are listed under `drop` so they are never stored.
public struct HotlineAdapter: IngestAdapter {
    /// Always ``SourceKind/hotline``.
    public var kind: SourceKind { .hotline }
    private let tabular: TabularFeedReader

    /// Creates the adapter.
    public init(regions: RegionDirectory, now: Date = Date()) {
        tabular = TabularFeedReader(regions: regions, now: now)
    }

    /// Opens a CSV or XLSX call log.
    public func open(_ file: FeedFile) throws -> any RowReader {
        try tabular.open(file, step: TextRequiredStep())
    }
}

public import Foundation
public import PainmapCore

/// Reads Платформа обратной связи exports: CSV (`;` or `,`, UTF-8 or CP1251) and JSON.
///
/// No official export schema is public; the default column map in `Config/feeds.yaml` uses the
/// headers seen in regional exports and can be overridden per layout.
public struct POSAdapter: IngestAdapter {
    /// Always ``SourceKind/pos``.
    public var kind: SourceKind { .pos }
    private let regions: RegionDirectory
    private let now: Date

    /// Creates the adapter.
    /// - Parameters:
    ///   - regions: The region table used to resolve region codes.
    ///   - now: The ingest time; received dates after it (plus a day) are quarantined.
    public init(regions: RegionDirectory, now: Date = Date()) {
        self.regions = regions
        self.now = now
    }

    /// Opens a CSV or JSON export.
    public func open(_ file: FeedFile) throws -> any RowReader {
        switch file.feed.format {
        case .json:
            return try POSJSONReader(regions: regions, now: now).open(file)
        case .csv, .xlsx:
            return try TabularFeedReader(regions: regions, now: now).open(file, step: TextRequiredStep())
        case .xml:
            throw LocatedFailure.unusableFile(
                .malformedXML,
                at: SourceLocation(path: file.displayPath),
                message: "ПОС не выгружается в XML; укажите format: csv или json"
            )
        }
    }
}

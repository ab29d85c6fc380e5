import Foundation
public import PainmapReports

/// What a run computed for a region-quarter before any decision: its reports and index, kept in the store so
/// `painmap render` re-renders with new decisions without clustering again.
public struct AnalysisSnapshot: Sendable, Hashable, Codable {
    /// The reports, one per life situation, before decisions.
    public var reports: [PainMapReport]
    /// The region's index, before decisions.
    public var index: RegionIndex

    /// Creates a snapshot.
    public init(reports: [PainMapReport], index: RegionIndex) {
        self.reports = reports
        self.index = index
    }

    /// The stored form: JSON with sorted keys (doubles round-trip exactly).
    public func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Reads a stored snapshot.
    public init(decoding body: String) throws {
        self = try JSONDecoder().decode(Self.self, from: Data(body.utf8))
    }
}

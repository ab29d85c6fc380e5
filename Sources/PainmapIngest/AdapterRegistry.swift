public import Foundation
public import PainmapCore

/// Picks the adapter for a source kind, built from the configuration it needs.
public struct AdapterRegistry: Sendable {
    private let configuration: PainmapConfiguration
    private let now: Date

    /// Creates the registry.
    /// - Parameters:
    ///   - configuration: The loaded configuration (regions, questionnaires, rating forms).
    ///   - now: The ingest time, for date sanity checks.
    public init(configuration: PainmapConfiguration, now: Date = Date()) {
        self.configuration = configuration
        self.now = now
    }

    /// The adapter for `kind`.
    public func adapter(for kind: SourceKind) -> any IngestAdapter {
        let regions = configuration.regions
        switch kind {
        case .pos: return POSAdapter(regions: regions, now: now)
        case .site: return SiteAdapter(regions: regions, now: now)
        case .hotline: return HotlineAdapter(regions: regions, now: now)
        case .portal: return PortalAdapter(regions: regions, forms: configuration.ratingForms, now: now)
        case .survey: return SurveyAdapter(regions: regions, questionnaires: configuration.questionnaires, now: now)
        }
    }
}

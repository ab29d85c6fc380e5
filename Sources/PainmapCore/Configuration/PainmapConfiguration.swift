public import Foundation

/// The whole configuration tree, loaded from `Config/` and validated before any work starts.
public struct PainmapConfiguration: Sendable {
    /// The directory the configuration was read from.
    public var directory: URL
    /// The directory feed globs are relative to.
    public var root: URL
    /// Feed layouts, in file order.
    public var feeds: [FeedConfiguration]
    /// The region table.
    public var regions: RegionDirectory
    /// Survey questionnaires by id.
    public var questionnaires: [String: Questionnaire]
    /// «Ваш контроль» form definitions by version.
    public var ratingForms: [String: RatingForm]
    /// Life situations and journey stages (`Config/life-situations.yaml`); ``LifeSituationCatalog/empty`` without it.
    public var lifeSituations: LifeSituationCatalog
    /// How pains are ranked (`Config/priority.yaml`); ``PriorityConfiguration/builtIn`` without it.
    public var priority: PriorityConfiguration
    /// How reports cluster records (`Config/analysis.yaml`); ``AnalysisConfiguration/builtIn`` without it.
    public var analysis: AnalysisConfiguration
    /// Personal-data handling at ingest (`Config/privacy.yaml`); ``PrivacyConfiguration/default`` without it.
    public var privacy: PrivacyConfiguration
    /// Bodies a pain may be assigned to (`Config/responsible-bodies.yaml`); ``ResponsibleBodyDirectory/empty`` without it.
    public var responsibleBodies: ResponsibleBodyDirectory

    /// Creates a configuration from its parts.
    public init(
        directory: URL,
        root: URL,
        feeds: [FeedConfiguration],
        regions: RegionDirectory,
        questionnaires: [String: Questionnaire],
        ratingForms: [String: RatingForm],
        lifeSituations: LifeSituationCatalog = .empty,
        priority: PriorityConfiguration = .builtIn,
        analysis: AnalysisConfiguration = .builtIn,
        privacy: PrivacyConfiguration = .default,
        responsibleBodies: ResponsibleBodyDirectory = .empty
    ) {
        self.directory = directory
        self.root = root
        self.feeds = feeds
        self.regions = regions
        self.questionnaires = questionnaires
        self.ratingForms = ratingForms
        self.lifeSituations = lifeSituations
        self.priority = priority
        self.analysis = analysis
        self.privacy = privacy
        self.responsibleBodies = responsibleBodies
    }

    /// The layout with a name.
    public func feed(named name: String) -> FeedConfiguration? { feeds.first { $0.name == name } }
}

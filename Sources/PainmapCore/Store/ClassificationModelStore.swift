/// A store that remembers which learned models classified it, so that a run with nothing to classify does not train
/// them again.
///
/// The configuration digest of a classification names the catalog's rules and the learned models, and the models are
/// trained on every record of the store whose situation or stage is certain. Records are never deleted, and a record
/// whose content changes no longer matches its classification; so when every record of the store is classified under
/// the last digest saved here, from its current content, and the store holds as many records as that training read,
/// training again on the same rules would read the same records and give the same digest.
public protocol ClassificationModelStore: Sendable {
    /// Remembers the digest a classification run saved, with what its training read.
    ///
    /// - Parameter model: The digest, the rules and models' versions and the records the training read.
    /// - Throws: A ``PainmapFailure`` when the store cannot be written.
    func saveClassificationModel(_ model: ClassificationModelState) async throws

    /// The digest every record of the store is classified under, when training again would give it.
    ///
    /// - Parameter rules: The rules digest and model version of the classifier about to run.
    /// - Returns: The saved digest when it was saved with `rules`, the store holds as many records as its training
    ///   read and every record is classified under it from its current content; otherwise `nil` (train).
    /// - Throws: A ``PainmapFailure`` when the store cannot be read.
    func currentClassificationDigest(rules: String) async throws -> String?
}

/// What a classification run trained and saved: the key of ``ClassificationModelStore``.
public struct ClassificationModelState: Sendable, Hashable {
    /// The configuration digest the run saved its classifications under.
    public var configDigest: String
    /// The classifier's rules digest and the learned models' version: training depends on nothing else but the
    /// records.
    public var rules: String
    /// The records the training pass read: every record of the store.
    public var records: Int

    /// Creates a state.
    ///
    /// - Parameters:
    ///   - configDigest: The configuration digest saved.
    ///   - rules: The rules digest and model version.
    ///   - records: The records training read.
    public init(configDigest: String, rules: String, records: Int) {
        self.configDigest = configDigest
        self.rules = rules
        self.records = records
    }
}

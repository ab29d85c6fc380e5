/// The learned models' training counts: situations (plus «other») and stages, filled per task with
/// ``LifeSituationClassifier/addTraining(_:to:scratch:)`` and combined with ``merge(_:)``.
public struct ClassifierTraining: Sendable {
    /// Counts for the situation model.
    public var situations: LearnedSituationModel.Training
    /// Counts for the stage model.
    public var stages: LearnedSituationModel.Training

    /// Adds another task's counts.
    ///
    /// - Parameter other: Counts made by the same classifier.
    public mutating func merge(_ other: ClassifierTraining) {
        situations.merge(other.situations)
        stages.merge(other.stages)
    }
}

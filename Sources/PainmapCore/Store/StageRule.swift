/// What decided a record's journey stage.
///
/// The raw values are stored with each classification and printed in JSON output.
public enum StageRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// Low scores pointed at one or more stages and the text chose among them.
    case criteriaText = "criteria_text"
    /// Low scores pointed at the stage and the text named none of the candidates: the criterion's first stage.
    case criteria
    /// Stage keywords in the text decided (no low score, or the text named a stage the scores did not).
    case text
    /// No score and no stage keyword decided; the model learned from records whose stage is certain (low scores on a
    /// criterion that points at one stage) placed the text confidently.
    case learned
    /// Neither scores nor text pointed anywhere: the catalog's default stage.
    case `default`
}

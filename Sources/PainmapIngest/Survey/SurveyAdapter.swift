public import Foundation
public import PainmapCore

/// Reads questionnaire results (CSV or XLSX) with a questionnaire definition from `Config/surveys.yaml`.
///
/// Likert answers become ``CriterionScore`` values; free-text answers are joined into the record's
/// text. A questionnaire without any free text is still stored: its scores feed dissatisfaction.
public struct SurveyAdapter: IngestAdapter {
    /// Always ``SourceKind/survey``.
    public var kind: SourceKind { .survey }
    private let regions: RegionDirectory
    private let questionnaires: [String: Questionnaire]
    private let now: Date

    /// Creates the adapter.
    public init(regions: RegionDirectory, questionnaires: [String: Questionnaire], now: Date = Date()) {
        self.regions = regions
        self.questionnaires = questionnaires
        self.now = now
    }

    /// Opens a survey export.
    public func open(_ file: FeedFile) throws -> any RowReader {
        let location = SourceLocation(path: file.displayPath)
        guard let id = file.feed.questionnaire, let questionnaire = questionnaires[id] else {
            throw LocatedFailure.unusableFile(
                .missingColumns,
                at: location,
                message:
                    "для макета «\(file.feed.name)» не найдена анкета «\(file.feed.questionnaire ?? "")»; задайте questionnaire и опишите её в Config/surveys.yaml"
            )
        }
        return try TabularFeedReader(regions: regions, now: now).open(
            file,
            step: SurveyStep(questionnaire: questionnaire)
        )
    }
}

/// Reads the questionnaire's own columns.
struct SurveyStep: TabularRowStep {
    let questionnaire: Questionnaire

    func prepare(header: [String], location: SourceLocation) throws -> Prepared {
        let keys = header.map(RowMapper.headerKey)
        func index(_ column: String) -> Int? { keys.firstIndex(of: RowMapper.headerKey(column)) }
        let likert = questionnaire.likert.map { ($0, index($0.column)) }
        let freeText = questionnaire.freeText.map { ($0, index($0)) }
        let missing = likert.filter { $0.1 == nil }.map(\.0.column) + freeText.filter { $0.1 == nil }.map(\.0)
        if !missing.isEmpty {
            throw LocatedFailure.unusableFile(
                .missingColumns,
                at: location,
                message:
                    "нет столбцов анкеты «\(questionnaire.id)»: \(missing.map { "«\($0)»" }.joined(separator: ", ")); найдены: \(header.prefix(40).map { "«\($0)»" }.joined(separator: ", "))"
            )
        }
        return Prepared(
            questionnaire: questionnaire,
            likert: likert.compactMap { question, index in index.map { (question, $0) } },
            freeText: freeText.compactMap(\.1),
            lifeSituation: questionnaire.lifeSituationColumn.flatMap(index),
            service: questionnaire.serviceColumn.flatMap(index),
            organization: questionnaire.organizationColumn.flatMap(index)
        )
    }

    struct Prepared: PreparedRowStep {
        let questionnaire: Questionnaire
        let likert: [(Questionnaire.LikertQuestion, Int)]
        let freeText: [Int]
        let lifeSituation: Int?
        let service: Int?
        let organization: Int?

        var extraColumns: [String] {
            questionnaire.likert.map(\.column) + questionnaire.freeText
                + [questionnaire.lifeSituationColumn, questionnaire.serviceColumn, questionnaire.organizationColumn]
                .compactMap { $0 }
        }

        func complete(_ record: inout FeedbackRecord, cells: [CellValue], line: Int, raw: [UInt8]) -> QuarantinedRow? {
            func text(_ index: Int?) -> String? {
                guard let index, index < cells.count else { return nil }
                let value = cells[index].text.trimmedCell
                return value.isEmpty ? nil : value
            }
            var scores: [CriterionScore] = []
            for (question, index) in likert {
                guard let answer = text(index) else { continue }
                guard
                    let number = Int(answer)
                        ?? Double(answer.replacingOccurrences(of: ",", with: ".")).flatMap({
                            $0 == $0.rounded() ? Int($0) : nil
                        }),
                    let normalized = questionnaire.normalizedScore(number),
                    let score = CriterionScore(criterion: question.criterion, score: normalized)
                else {
                    return QuarantinedRow(
                        line: line,
                        column: question.column,
                        reason: .badScore,
                        message:
                            "ответ в «\(question.column)» не число на шкале \(questionnaire.scale.lowerBound)–\(questionnaire.scale.upperBound)",
                        raw: raw
                    )
                }
                scores.append(score)
            }
            record.ratings = scores
            record.text = freeText.compactMap(text).joined(separator: "\n")
            record.lifeSituationHint = text(lifeSituation) ?? record.lifeSituationHint
            record.serviceName = text(service) ?? record.serviceName
            record.organization = text(organization) ?? record.organization
            record.channel = record.channel ?? "survey"
            return nil
        }
    }
}

public import PainmapCore

extension FailureCode {
    /// The report model holds a value the format cannot carry, such as a NaN score (70: the pipeline built an
    /// invalid model, so this is a bug there, not a data problem).
    public static let reportUnencodable = FailureCode(rawValue: "report.unencodable")
}

extension LocatedFailure {
    /// A report the renderer cannot write, printed as `ошибка: отчёт: pains[2].priority.score: …`.
    ///
    /// - Parameters:
    ///   - field: The field, as a JSON path such as `pains[2].priority.score`.
    ///   - message: What is wrong with it, in Russian.
    /// - Returns: A failure with code ``FailureCode/reportUnencodable`` and ``ExitStatus/software``.
    static func unencodableReport(field: String, message: String) -> LocatedFailure {
        LocatedFailure(.reportUnencodable, message: "отчёт: \(field): \(message)", status: .software)
    }
}

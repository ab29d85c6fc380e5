public import PainmapCore

/// Why a report could not be rendered: the model holds a value the format cannot carry.
///
/// The model is built by the pipeline, so this is a bug there, not a data problem; the message names the field.
public struct ReportRenderError: PainmapFailure, Hashable {
    /// The field, as a JSON path such as `pains[2].priority.score`.
    public var field: String
    /// What is wrong with it, in Russian.
    public var message: String

    /// Creates the error.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// `ошибка: отчёт: pains[2].priority.score: …`.
    public var description: String { "ошибка: отчёт: \(field): \(message)" }
    /// Always ``ExitStatus/software``: the pipeline built an invalid model.
    public var exitStatus: ExitStatus { .software }
}

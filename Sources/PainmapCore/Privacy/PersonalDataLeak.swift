/// Reports were not written because they would have shown personal data (exit 65).
public struct PersonalDataLeak: PainmapFailure {
    /// One identifier in one file that would have been written.
    public struct Finding: Sendable, Hashable {
        /// The file, relative to the output directory.
        public var file: String
        /// The identifier's type.
        public var type: PersonalDataType
        /// The record it was redacted from at ingest; `nil` when only its pattern gave it away.
        public var recordID: RecordID?
        /// The identifier masked but for its last two characters.
        public var masked: String

        /// Creates a finding.
        ///
        /// - Parameters:
        ///   - file: The file, relative to the output directory.
        ///   - type: The identifier's type.
        ///   - recordID: The record it was redacted from at ingest, if known.
        ///   - masked: The identifier masked but for its last two characters.
        public init(file: String, type: PersonalDataType, recordID: RecordID?, masked: String) {
            self.file = file
            self.type = type
            self.recordID = recordID
            self.masked = masked
        }
    }

    /// Every finding, in file order.
    public var findings: [Finding]

    /// Creates the failure.
    public init(findings: [Finding]) {
        self.findings = findings
    }

    public var description: String {
        var lines = [
            "ошибка: отчёты не записаны: в них попали бы персональные данные (152-ФЗ); прежние версии отчётов не тронуты"
        ]
        for finding in findings.prefix(20) {
            let origin =
                finding.recordID.map {
                    "из записи #\($0.rawValue) (номер в хранилище; в ней они были скрыты при загрузке)"
                }
                ?? "не найдено среди скрытых при загрузке — вероятно, в поле, которое не проходит обезличивание"
            lines.append("  \(finding.file): \(finding.type.russianName) \(finding.masked) — \(origin)")
        }
        if findings.count > 20 { lines.append("  … и ещё \(findings.count - 20)") }
        lines.append(
            "Проверьте, какие поля выгрузки попадают в отчёт (ведомство, категория), уберите из них персональные данные "
                + "или добавьте поле в drop в Config/feeds.yaml, загрузите выгрузку заново и повторите painmap run."
        )
        return lines.joined(separator: "\n")
    }

    public var exitStatus: ExitStatus { .dataError }
}

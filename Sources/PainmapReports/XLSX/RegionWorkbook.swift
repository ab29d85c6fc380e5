/// The sheets of a region's workbook: a summary of every life situation, then one sheet per situation with the
/// pain table of ``PainTable``.
///
/// Sheets follow the index's situation order (reports it does not list come after, by id). Sheet names are the
/// situations' Russian names, made valid and unique by ``XLSXWriter/sanitizedSheetNames(_:)``.
struct RegionWorkbook {
    /// The summary sheet's name.
    static let summaryName = "Сводка"

    let reports: [PainMapReport]
    let index: RegionIndex

    /// The sheets in tab order.
    func sheets() -> [XLSXSheet] {
        [summary()] + ordered().map(situationSheet)
    }

    private func ordered() -> [PainMapReport] {
        let position = Dictionary(
            index.situations.enumerated().map { ($0.element.lifeSituation.id, $0.offset) },
            uniquingKeysWith: { first, _ in first }
        )
        return reports.sorted { left, right in
            let leftPosition = position[left.lifeSituation.id] ?? Int.max
            let rightPosition = position[right.lifeSituation.id] ?? Int.max
            if leftPosition != rightPosition { return leftPosition < rightPosition }
            return left.lifeSituation.id < right.lifeSituation.id
        }
    }

    private func summary() -> XLSXSheet {
        var rows: [[XLSXValue]] = [
            [
                .text("Жизненная ситуация"), .text("Обращений"), .text("Прошлый квартал"), .text("Δ"), .text("Δ, %"),
                .text("Болей"), .text("Боль №1"), .text("Боль №2"), .text("Боль №3"),
            ]
        ]
        for entry in index.situations {
            var row: [XLSXValue] = [
                .text(entry.lifeSituation.name), .integer(entry.count), .integer(entry.previousCount),
                .integer(entry.delta.absolute),
                entry.delta.relative.map { .number(RussianNumberFormat.rounded($0 * 100, places: 1)) }
                    ?? .text(RussianNumberFormat.dash),
                .integer(entry.painCount),
            ]
            for pain in entry.topPains.prefix(3) {
                row.append(.text("\(pain.title) (\(pain.count), \(pain.status.russianName))"))
            }
            rows.append(row)
        }
        rows.append([])
        rows.append([
            .text("Всего по региону \(index.region.name) (\(index.region.code)), \(index.quarter)"),
            .integer(index.count), .integer(index.previousCount),
            .integer(index.count - index.previousCount),
        ])
        rows.append([.text("Не отнесено к ЖС"), .integer(index.unassignedCount)])
        return XLSXSheet(name: Self.summaryName, rows: rows, columnWidths: [44, 12, 16, 8, 8, 8, 48, 48, 48])
    }

    private func situationSheet(_ report: PainMapReport) -> XLSXSheet {
        let table = PainTable(report)
        var rows: [[XLSXValue]] = [table.headers.map { .text($0) }]
        for row in table.rows { rows.append(row.map(Self.value)) }
        let widths = table.headers.map { header -> Double in
            switch header {
            case "Боль": 48
            case "Ключевые слова", "Ведомства": 32
            case "Цитата 1", "Цитата 2", "Цитата 3": 60
            case "Предлагаемое решение", "Ответственный": 40
            case "Статус разбора": 24
            case "Этап", "Класс тяжести": 22
            default: max(8, min(16, Double(header.count) + 2))
            }
        }
        return XLSXSheet(name: report.lifeSituation.name, rows: rows, columnWidths: widths)
    }

    private static func value(_ cell: TableCell) -> XLSXValue {
        switch cell {
        case .text(let text): .text(text)
        case .integer(let value): .integer(value)
        case .decimal(let value, let places):
            value.isFinite
                ? .number(RussianNumberFormat.rounded(value, places: places)) : .text(RussianNumberFormat.dash)
        case .percent(let fraction):
            if let fraction, fraction.isFinite {
                .number(RussianNumberFormat.rounded(fraction * 100, places: 1))
            } else {
                .text(fraction == nil ? RussianNumberFormat.noData : RussianNumberFormat.dash)
            }
        case .empty: .empty
        }
    }
}

/// The pain table of a report flattened to one row per pain with Russian column headers.
///
/// CSV files and the region workbook's sheets share these columns, so a spreadsheet user sees the same table
/// whichever file they open. Channel columns follow the report's channel list; vanished pains come last, with no
/// rank.
struct PainTable {
    /// The column headers.
    let headers: [String]
    /// One row per pain, in the report's order.
    let rows: [[TableCell]]

    /// Flattens `report`.
    init(_ report: PainMapReport) {
        let channels = report.totals.byChannel
        var headers = ["Ранг", "ID боли", "Боль", "Ключевые слова", "Этап", "Всего", "Доля в ЖС, %"]
        headers += channels.map(\.name)
        headers += [
            "Прошлый квартал", "Δ", "Δ, %", "Статус", "Сигнал", "Неудовлетворённость, %", "Оценок 1–2",
            "Оценок", "Просрочка, %", "Просрочено", "Со сроком", "Ведомства", "Приоритет", "Объём ln(1+n)", "Рост",
            "Тяжесть",
            "Класс тяжести", "Множитель неудовлетворённости", "Цитата 1", "Цитата 2", "Цитата 3",
            "Статус разбора", "Ответственный", "Срок", "Предлагаемое решение",
        ]
        self.headers = headers
        rows = report.pains.map { Self.row($0, channels: channels) }
    }

    private static func row(_ pain: ReportPain, channels: [ChannelCount]) -> [TableCell] {
        var cells: [TableCell] = [
            pain.rank.map(TableCell.integer) ?? .empty, .text(pain.id), .text(pain.title),
            .text(pain.keywords.joined(separator: ", ")), .text(pain.stage.name), .integer(pain.count),
            .percent(pain.share),
        ]
        for channel in channels {
            cells.append(.integer(pain.byChannel.first { $0.channel == channel.channel }?.count ?? 0))
        }
        let components = pain.priority.components
        cells += [
            .integer(pain.previousCount), .integer(pain.delta.absolute),
            pain.delta.relative.map { .percent($0) } ?? .text(RussianNumberFormat.dash),
            .text(pain.status.russianName), .text(pain.isSignal ? "сигнал" : ""),
            .percent(pain.dissatisfaction.share), .integer(pain.dissatisfaction.count),
            .integer(pain.dissatisfaction.base), .percent(pain.overdue.share), .integer(pain.overdue.count),
            .integer(pain.overdue.base),
            .text(pain.organizations.map { "\($0.name) (\($0.count))" }.joined(separator: "; ")),
            .decimal(pain.priority.score, places: 2), .decimal(components.volume, places: 2),
            .decimal(components.growth, places: 2), .decimal(components.severity, places: 2),
            .text(components.severityName), .decimal(components.dissatisfaction, places: 2),
        ]
        for position in 0..<3 {
            cells.append(position < pain.quotes.count ? .text(quote(pain.quotes[position])) : .empty)
        }
        cells += [
            .text(pain.review.map(Self.reviewStatus) ?? ""), .text(pain.review?.responsibleBody ?? ""),
            .text(pain.review?.dueDate ?? ""), .text(pain.proposedSolution),
        ]
        return cells
    }

    /// «в работе», with «вернулась», «предложено: не боль» and what was merged in.
    static func reviewStatus(_ review: PainReview) -> String {
        var parts = [review.statusName]
        if review.returned { parts.append("вернулась") }
        if review.proposedJunk { parts.append("предложено: не боль") }
        if !review.merged.isEmpty { parts.append("объединена с " + review.merged.joined(separator: ", ")) }
        if let quarter = review.carriedFrom { parts.append("решение из \(quarter)") }
        return parts.joined(separator: "; ")
    }

    /// `«text» — № id, channel, dd.mm.yyyy`.
    static func quote(_ quote: ReportQuote) -> String {
        "«\(quote.text)» — № \(quote.recordID), \(quote.channelName), \(RussianDateFormat.date(quote.date))"
    }
}

/// The counts of the top pains over the last quarters as a line chart with a legend.
enum SVGTrendChart {
    private static let width = 640.0
    private static let height = 260.0
    private static let left = 46.0
    private static let right = 40.0
    private static let top = 14.0
    private static let bottom = 30.0

    /// Writes the chart as a `<figure>`, or a short note when there is nothing to draw.
    static func write(_ trend: ReportTrend, into html: inout HTMLText) {
        guard !trend.quarters.isEmpty, !trend.series.isEmpty else {
            html.raw("<p class=\"empty\">Нет данных о динамике: болей за прошлые кварталы не найдено.</p>\n")
            return
        }
        let largest = trend.series.flatMap(\.counts).max() ?? 0
        let ceiling = Double(SVGNumber.niceCeiling(max(largest, 1)))
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ index: Int) -> Double {
            trend.quarters.count == 1
                ? left + plotWidth / 2
                : left + plotWidth * Double(index) / Double(trend.quarters.count - 1)
        }
        func y(_ value: Int) -> Double { top + plotHeight * (1 - Double(max(0, value)) / ceiling) }

        html.raw("<figure class=\"chart trend-chart\"><svg viewBox=\"0 0 \(SVGNumber.text(width)) ")
        html.raw("\(SVGNumber.text(height))\" role=\"img\"")
        html.attribute("aria-label", "Динамика главных болей по кварталам")
        html.raw("><title>Динамика главных болей по кварталам</title>")
        for step in 0...4 {
            let value = ceiling * Double(step) / 4
            let lineY = top + plotHeight * (1 - Double(step) / 4)
            html.raw("<line class=\"axis\" x1=\"\(SVGNumber.text(left))\" x2=\"\(SVGNumber.text(width - right))\"")
            html.raw(" y1=\"\(SVGNumber.text(lineY))\" y2=\"\(SVGNumber.text(lineY))\"/>")
            html.raw("<text x=\"\(SVGNumber.text(left - 6))\" y=\"\(SVGNumber.text(lineY + 4))\" text-anchor=\"end\">")
            html.text(RussianNumberFormat.decimal(value, places: value == value.rounded() ? 0 : 1))
            html.raw("</text>")
        }
        for (index, quarter) in trend.quarters.enumerated() {
            html.raw("<text x=\"\(SVGNumber.text(x(index)))\" y=\"\(SVGNumber.text(height - 8))\"")
            html.raw(" text-anchor=\"middle\">")
            html.text(RussianDateFormat.shortQuarter(quarter))
            html.raw("</text>")
        }
        for (seriesIndex, series) in trend.series.enumerated() {
            let color = HTMLStyle.palette[seriesIndex % HTMLStyle.palette.count]
            let points = series.counts.prefix(trend.quarters.count).enumerated()
                .map { "\(SVGNumber.text(x($0.offset))),\(SVGNumber.text(y($0.element)))" }
            html.raw("<g><title>")
            html.text(series.title)
            html.raw("</title>")
            if points.count > 1 {
                html.raw("<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.5\" stroke-linejoin=\"round\"")
                html.raw(" points=\"\(points.joined(separator: " "))\"/>")
            }
            for (index, count) in series.counts.prefix(trend.quarters.count).enumerated() {
                html.raw("<circle cx=\"\(SVGNumber.text(x(index)))\" cy=\"\(SVGNumber.text(y(count)))\" r=\"3.5\"")
                html.raw(" fill=\"\(color)\"/>")
            }
            if let last = series.counts.prefix(trend.quarters.count).last {
                let lastIndex = min(series.counts.count, trend.quarters.count) - 1
                html.raw("<text class=\"value\" x=\"\(SVGNumber.text(x(lastIndex) + 7))\"")
                html.raw(" y=\"\(SVGNumber.text(y(last) + 4))\">")
                html.text(RussianNumberFormat.integer(last))
                html.raw("</text>")
            }
            html.raw("</g>")
        }
        html.raw("</svg><ul class=\"legend\">")
        for (seriesIndex, series) in trend.series.enumerated() {
            let color = HTMLStyle.palette[seriesIndex % HTMLStyle.palette.count]
            html.raw("<li><span class=\"swatch\" style=\"background:\(color)\"></span>")
            html.text(series.title)
            html.raw("</li>")
        }
        html.raw("</ul><figcaption>Обращений по каждой из главных болей за последние кварталы.</figcaption>")
        html.raw("</figure>\n")
    }
}

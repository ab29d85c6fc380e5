/// The stage breakdown as horizontal bars: records per journey stage, with the number of pains beside each.
enum SVGStageChart {
    private static let width = 640.0
    private static let rowHeight = 30.0
    private static let labelWidth = 210.0
    private static let valueWidth = 130.0

    /// Writes the chart as a `<figure>`; stages in the order given (journey order).
    static func write(_ stages: [ReportStage], into html: inout HTMLText) {
        let height = max(1, Double(stages.count)) * rowHeight + 8
        let largest = max(1, stages.map(\.records).max() ?? 0)
        let barSpace = width - labelWidth - valueWidth
        html.raw("<figure class=\"chart stage-chart\"><svg viewBox=\"0 0 \(SVGNumber.text(width)) ")
        html.raw("\(SVGNumber.text(height))\" role=\"img\"")
        html.attribute("aria-label", "Обращения и боли по этапам пути")
        html.raw("><title>Обращения и боли по этапам пути</title>")
        for (index, stage) in stages.enumerated() {
            let y = Double(index) * rowHeight + 4
            let barWidth = barSpace * Double(max(0, stage.records)) / Double(largest)
            html.raw("<text class=\"label\" x=\"0\" y=\"\(SVGNumber.text(y + 18))\">")
            html.text("\(stage.stage.order). \(stage.stage.name)")
            html.raw("</text><rect x=\"\(SVGNumber.text(labelWidth))\" y=\"\(SVGNumber.text(y + 5))\"")
            html.raw(" width=\"\(SVGNumber.text(max(barWidth, 1)))\" height=\"18\" rx=\"2\"")
            html.raw(" fill=\"\(stage.records > 0 ? "#93b4f5" : "#e5e7eb")\"/>")
            html.raw("<text x=\"\(SVGNumber.text(labelWidth + barWidth + 8))\" y=\"\(SVGNumber.text(y + 18))\">")
            html.raw("<tspan class=\"value\">")
            html.text(RussianNumberFormat.integer(stage.records))
            html.raw("</tspan>")
            html.text(" · болей: \(stage.pains)")
            html.raw("</text>")
        }
        html.raw("</svg><figcaption>Обращения по этапам пути; рядом — число болей, для которых этап основной.")
        html.raw("</figcaption></figure>\n")
    }
}

/// Small pieces several pages share: status flags, the «сигнал» badge, changes coloured by direction.
enum HTMLFragments {
    /// `<span class="badge st-new">новая</span>` and its siblings.
    static func statusBadge(_ status: PainStatus, into html: inout HTMLText) {
        html.raw("<span class=\"badge st-\(status.rawValue)\">")
        html.text(status.russianName)
        html.raw("</span>")
    }

    /// The «сигнал» badge, with the reason as a tooltip.
    static func signalBadge(into html: inout HTMLText) {
        html.raw("<span class=\"badge signal\" title=\"Мало обращений или боль появилась только сейчас: ")
        html.raw("требует подтверждения в следующем квартале\">сигнал</span>")
    }

    /// A change such as `+12 (+25,0 %)`, red when it grows, green when it falls.
    static func delta(_ delta: ReportDelta, into html: inout HTMLText) {
        html.raw("<span class=\"\(directionClass(delta.absolute))\">")
        html.text(text(delta))
        html.raw("</span>")
    }

    /// `+12 (+25,0 %)`; without a previous count only the absolute change.
    static func text(_ delta: ReportDelta) -> String {
        let absolute = RussianNumberFormat.signedInteger(delta.absolute)
        guard let relative = delta.relative else { return absolute }
        return "\(absolute) (\(RussianNumberFormat.signedPercent(relative)))"
    }

    /// `up` for growth (bad news in a pain map), `down` for decline, `flat` otherwise.
    static func directionClass(_ change: Int) -> String {
        change > 0 ? "up" : change < 0 ? "down" : "flat"
    }
}

/// The channel mix of a report as one stacked horizontal bar with an HTML legend.
enum SVGChannelBar {
    /// Writes the bar and its legend (channel, count, share); channels with no records stay in the legend.
    static func write(_ channels: [ChannelCount], into html: inout HTMLText) {
        let total = channels.reduce(0) { $0 + max(0, $1.count) }
        html.raw("<div class=\"channels\">")
        html.raw("<svg viewBox=\"0 0 1000 18\" preserveAspectRatio=\"none\" role=\"img\"")
        html.attribute("aria-label", "Доли каналов")
        html.raw(">")
        if total > 0 {
            var x = 0.0
            for (index, channel) in channels.enumerated() where channel.count > 0 {
                let width = 1000 * Double(channel.count) / Double(total)
                html.raw("<rect x=\"\(SVGNumber.text(x))\" y=\"0\" width=\"\(SVGNumber.text(width))\" height=\"18\"")
                html.raw(" fill=\"\(color(index))\"><title>")
                html.text("\(channel.name): \(RussianNumberFormat.integer(channel.count))")
                html.raw("</title></rect>")
                x += width
            }
        } else {
            html.raw("<rect x=\"0\" y=\"0\" width=\"1000\" height=\"18\" fill=\"#eef0f3\"/>")
        }
        html.raw("</svg>\n<ul class=\"legend\">")
        for (index, channel) in channels.enumerated() {
            html.raw("<li><span class=\"swatch\" style=\"background:\(color(index))\"></span>")
            html.text(channel.name)
            html.raw(" <b>")
            html.text(RussianNumberFormat.integer(channel.count))
            html.raw("</b> <span class=\"flat\">")
            html.text(RussianNumberFormat.percent(channel.share))
            html.raw("</span></li>")
        }
        html.raw("</ul></div>\n")
    }

    private static func color(_ index: Int) -> String {
        HTMLStyle.palette[index % HTMLStyle.palette.count]
    }
}

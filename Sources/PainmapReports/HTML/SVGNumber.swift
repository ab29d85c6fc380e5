/// Coordinates for SVG attributes: a dot decimal separator and at most one decimal, the same on every machine.
enum SVGNumber {
    /// `12.345` → `12.3`, `40.0` → `40`.
    static func text(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded(.toNearestOrAwayFromZero))
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// The smallest of 1, 2, 5 × 10ⁿ (n ≥ 0) that is at least `value`, and at least 1: a readable axis maximum.
    static func niceCeiling(_ value: Int) -> Int {
        var scale = 1
        while true {
            for step in [1, 2, 5] where step * scale >= value { return step * scale }
            scale *= 10
        }
    }
}

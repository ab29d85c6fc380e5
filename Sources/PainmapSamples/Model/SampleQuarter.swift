/// A calendar quarter such as `2026Q2`.
struct SampleQuarter: Sendable, Hashable, Comparable {
    var year: Int
    var index: Int

    /// The two quarters the sample tree covers.
    static let q2 = SampleQuarter(year: 2026, index: 2)
    static let q3 = SampleQuarter(year: 2026, index: 3)

    /// Parses `2026Q2`, `2026q2` or `2026-Q2`.
    init?(parsing text: String) {
        let cleaned = String(text.uppercased().filter { $0 != "-" })
        let parts = cleaned.split(separator: "Q")
        guard parts.count == 2, let year = Int(parts[0]), let index = Int(parts[1]), (1...4).contains(index),
            (1900...2999).contains(year)
        else { return nil }
        self.init(year: year, index: index)
    }

    init(year: Int, index: Int) {
        self.year = year
        self.index = index
    }

    static func < (lhs: SampleQuarter, rhs: SampleQuarter) -> Bool {
        (lhs.year, lhs.index) < (rhs.year, rhs.index)
    }

    var months: [Int] { [(index - 1) * 3 + 1, (index - 1) * 3 + 2, (index - 1) * 3 + 3] }

    /// `2026Q2`.
    var label: String { "\(year)Q\(index)" }

    /// `2026q2`, as used in file names.
    var fileLabel: String { "\(year)q\(index)" }

    /// The moment the export of this quarter was taken: the 5th day after the quarter, 09:00.
    var exportMoment: LocalDateTime {
        let lastMonth = months[2]
        return lastMonth == 12
            ? LocalDateTime(year: year + 1, month: 1, day: 5, hour: 9)
            : LocalDateTime(year: year, month: lastMonth + 1, day: 5, hour: 9)
    }
}

import Foundation

/// A calendar quarter such as `2026Q3`.
///
/// Quarters are derived from a record's received date in the region's own time zone, so a message
/// sent at 23:30 on 30 June in Камчатка belongs to Q2 even though it is already 1 July in UTC+12… and
/// the other way round for UTC.
public struct Quarter: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The calendar year.
    public let year: Int
    /// The quarter number, 1 to 4.
    public let number: Int

    /// Creates a quarter; returns `nil` unless `number` is 1…4 and `year` is 1900…9999.
    public init?(year: Int, number: Int) {
        guard (1...4).contains(number), (1900...9999).contains(year) else { return nil }
        self.year = year
        self.number = number
    }

    /// Parses `2026Q3` (also `2026q3` and `2026-Q3`).
    public init?(_ text: String) {
        let upper = text.uppercased().replacingOccurrences(of: "-", with: "")
        let parts = upper.split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 1,
            let year = Int(parts[0]), let number = Int(parts[1])
        else { return nil }
        self.init(year: year, number: number)
    }

    /// The quarter containing a local calendar month (1–12).
    public init?(year: Int, month: Int) {
        guard (1...12).contains(month) else { return nil }
        self.init(year: year, number: (month - 1) / 3 + 1)
    }

    /// The canonical spelling, `2026Q3`.
    public var description: String { "\(year)Q\(number)" }

    /// The quarter before this one.
    public var previous: Quarter {
        number == 1 ? Quarter(uncheckedYear: year - 1, number: 4) : Quarter(uncheckedYear: year, number: number - 1)
    }

    /// The quarter after this one.
    public var next: Quarter {
        number == 4 ? Quarter(uncheckedYear: year + 1, number: 1) : Quarter(uncheckedYear: year, number: number + 1)
    }

    /// The Russian label used in reports, for example «III квартал 2026 г.».
    public var russianName: String {
        let roman = ["I", "II", "III", "IV"][number - 1]
        return "\(roman) квартал \(year) г."
    }

    /// The first and last local calendar months of the quarter.
    public var months: ClosedRange<Int> { (number - 1) * 3 + 1...number * 3 }

    private init(uncheckedYear: Int, number: Int) {
        self.year = uncheckedYear
        self.number = number
    }

    /// Orders quarters chronologically.
    public static func < (lhs: Quarter, rhs: Quarter) -> Bool {
        (lhs.year, lhs.number) < (rhs.year, rhs.number)
    }

    /// Decodes from the `2026Q3` spelling.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let quarter = Quarter(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected a quarter like 2026Q3")
            )
        }
        self = quarter
    }

    /// Encodes as the `2026Q3` spelling.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Quarters and dates as Russian readers write them, parsed from the model's fixed ASCII forms.
enum RussianDateFormat {
    private static let romanQuarters = ["I", "II", "III", "IV"]

    /// `2026Q3` → «III квартал 2026»; any other text is returned as is.
    static func quarter(_ quarter: String) -> String {
        guard let (year, number) = parseQuarter(quarter) else { return quarter }
        return "\(romanQuarters[number - 1]) квартал \(year)"
    }

    /// The short label of a quarter, `2026Q3` → `III кв. 2026`; any other text is returned as is.
    static func shortQuarter(_ quarter: String) -> String {
        guard let (year, number) = parseQuarter(quarter) else { return quarter }
        return "\(romanQuarters[number - 1])\u{00A0}кв.\u{00A0}\(year)"
    }

    /// `2026-07-03` → `03.07.2026`; any other text is returned as is.
    static func date(_ isoDate: String) -> String {
        let parts = isoDate.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return isoDate }
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }

    /// `2026-10-05T03:00:00Z` → `05.10.2026 03:00 UTC`; any other text is returned as is.
    static func timestamp(_ iso: String) -> String {
        let parts = iso.split(separator: "T", maxSplits: 1)
        guard parts.count == 2, parts[1].hasSuffix("Z"), parts[1].count >= 6 else { return iso }
        let day = date(String(parts[0]))
        guard day != String(parts[0]) else { return iso }
        return "\(day) \(parts[1].prefix(5)) UTC"
    }

    private static func parseQuarter(_ text: String) -> (String, Int)? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 6, scalars[4] == "Q" || scalars[4] == "q",
            scalars[0..<4].allSatisfy({ ("0"..."9").contains($0) }),
            let number = Int(String(scalars[5])), (1...4).contains(number)
        else { return nil }
        return (String(text.prefix(4)), number)
    }
}

/// One cell of a tabular export after decoding.
enum CellValue: Sendable, Equatable {
    /// Text (CSV fields are always text).
    case text(String)
    /// An XLSX cell styled as a date: an Excel serial day number in the 1900 system.
    case excelDate(Double)

    /// The cell as text; dates as `yyyy-MM-ddTHH:mm:ss`, a form the date parser always accepts.
    var text: String {
        switch self {
        case .text(let value): return value
        case .excelDate(let serial): return CellValue.isoLocal(serial: serial) ?? ""
        }
    }

    /// Formats an Excel serial as local wall-clock ISO text (no offset).
    static func isoLocal(serial: Double) -> String? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        // Serial 25569 is 1970-01-01; serials after 60 already include Excel's fictitious 1900-02-29.
        let seconds = Int(((serial - 25_569) * 86_400).rounded())
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = DateParser.civilFromDays(days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return
            "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))"
    }
}

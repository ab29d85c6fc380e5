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
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return
            "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))"
    }
}

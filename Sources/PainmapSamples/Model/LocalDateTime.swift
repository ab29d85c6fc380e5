/// A wall-clock date and time in a region's local time, without a time zone.
///
/// The generator never reads the clock and never goes through `Calendar`: every timestamp is
/// computed from the seed with plain integer arithmetic, so the output is the same everywhere.
struct LocalDateTime: Sendable, Hashable, Comparable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int

    /// Days since 1970-01-01 of the date part (proleptic Gregorian, Howard Hinnant's algorithm).
    var daysSinceEpoch: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Minutes since 1970-01-01 00:00 of this wall-clock time (as if it were UTC).
    var minutesSinceEpoch: Int { (daysSinceEpoch * 24 + hour) * 60 + minute }

    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// Builds a wall-clock time from minutes since the epoch.
    init(minutesSinceEpoch minutes: Int) {
        let days = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440
        let minuteOfDay = minutes - days * 1440
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day, hour: minuteOfDay / 60, minute: minuteOfDay % 60)
    }

    static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        lhs.minutesSinceEpoch < rhs.minutesSinceEpoch
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    func adding(minutes: Int) -> LocalDateTime {
        LocalDateTime(minutesSinceEpoch: minutesSinceEpoch + minutes)
    }

    func adding(days: Int) -> LocalDateTime {
        adding(minutes: days * 1440)
    }

    /// `dd.MM.yyyy HH:mm`, the layout of the CSV and XLSX exports.
    var russianDateTime: String {
        "\(Self.two(day)).\(Self.two(month)).\(year) \(Self.two(hour)):\(Self.two(minute))"
    }

    /// `dd.MM.yyyy`.
    var russianDate: String {
        "\(Self.two(day)).\(Self.two(month)).\(year)"
    }

    /// ISO 8601 with seconds and the region's offset, such as `2026-04-05T10:20:00+07:00`.
    func iso8601(offsetHours: Int) -> String {
        let sign = offsetHours >= 0 ? "+" : "-"
        return "\(year)-\(Self.two(month))-\(Self.two(day))T\(Self.two(hour)):\(Self.two(minute)):00"
            + "\(sign)\(Self.two(abs(offsetHours))):00"
    }

    /// Seconds since 1970 of this wall-clock time read as UTC, for spreadsheet cells.
    ///
    /// A spreadsheet date has no zone: the cell must show the local wall-clock time, so the
    /// value is the local time's components taken as UTC.
    var wallClockSecondsSince1970: Double { Double(minutesSinceEpoch) * 60 }

    static func two(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

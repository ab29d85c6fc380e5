public import Foundation

extension XLSXReader {
    /// Converts an Excel serial date (1900 date system) to the moment it denotes in a time zone.
    ///
    /// Spreadsheets store wall-clock time without a zone: serial `46173.5` is 2026-05-31 12:00 wherever the file is
    /// opened. `timeZone` says where that wall clock hangs (for exports from a Russian region, its zone). The
    /// integer part counts days from 1899-12-30, except that Excel, copying Lotus 1-2-3, treats 1900 as a leap year:
    /// serials 1–59 are 1900-01-01 to 1900-02-28 (counted from 1899-12-31), serial 60 is the fictitious
    /// 1900-02-29, and everything from 61 on (1900-03-01) is exact. The fraction is the time of day, rounded to the
    /// millisecond. ``XLSXCell/date(_:)`` values are already in the 1900 system, even from 1904 workbooks.
    ///
    /// ```swift
    /// XLSXReader.date(fromSerial: 46173.5, timeZone: TimeZone(identifier: "Europe/Moscow")!)
    /// // 2026-05-31 09:00:00 UTC
    /// ```
    ///
    /// - Parameters:
    ///   - serial: Days since 1899-12-30 with the time as a fraction, as ``XLSXCell/date(_:)`` carries it.
    ///   - timeZone: The zone of the wall-clock time the serial encodes.
    /// - Returns: The moment, or `nil` for serial 60 (1900-02-29 does not exist), negative serials, serials past
    ///   9999-12-31 and non-finite values.
    public static func date(fromSerial serial: Double, timeZone: TimeZone) -> Date? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let day = serial.rounded(.down)
        guard day != 60 else { return nil }
        let epochSerial: Double = day < 60 ? 25_568 : 25_569  // the serial of 1970-01-01
        let wallMilliseconds = ((serial - epochSerial) * 86_400_000).rounded()
        let wallClock = Date(timeIntervalSince1970: wallMilliseconds / 1_000)

        var utc = Calendar(identifier: .gregorian)
        guard let zeroOffset = TimeZone(secondsFromGMT: 0) else { return nil }
        utc.timeZone = zeroOffset
        var components = utc.dateComponents(
            [.year, .month, .day, .hour, .minute, .second, .nanosecond],
            from: wallClock
        )
        var local = Calendar(identifier: .gregorian)
        local.timeZone = timeZone
        components.timeZone = timeZone
        return local.date(from: components)
    }
}

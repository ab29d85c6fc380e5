import Foundation

/// Parses dates with patterns such as `dd.MM.yyyy HH:mm` or `yyyy-MM-dd'T'HH:mm:ssXXX`, fast and strictly.
///
/// `DateFormatter` costs microseconds per call on Linux, which dominates a million-row ingest; these
/// patterns need only digits, literals and an optional offset. A value without an offset is local
/// time in the region's zone (Russian zones keep a fixed offset, so no zone rules are needed).
struct DateParser: Sendable {
    private enum Token: Sendable, Equatable {
        case year, shortYear, month, day, hour, minute, second, fraction, offset
        case literal(UInt8)
    }

    private let patterns: [[Token]]

    /// Compiles the patterns; unknown letters are treated as literals.
    init(formats: [String]) {
        patterns = formats.map(DateParser.compile)
    }

    private static func compile(_ format: String) -> [Token] {
        var tokens: [Token] = []
        let bytes = Array(format.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "'") {
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "'") {
                    tokens.append(.literal(bytes[index]))
                    index += 1
                }
                index += 1
                continue
            }
            var run = 1
            while index + run < bytes.count, bytes[index + run] == byte { run += 1 }
            switch byte {
            // `yy` (LibreOffice's default short date in ru-RU, «15.07.26») is a year of this century.
            case UInt8(ascii: "y"): tokens.append(run == 2 ? .shortYear : .year)
            case UInt8(ascii: "M"): tokens.append(.month)
            case UInt8(ascii: "d"): tokens.append(.day)
            case UInt8(ascii: "H"): tokens.append(.hour)
            case UInt8(ascii: "m"): tokens.append(.minute)
            case UInt8(ascii: "s"): tokens.append(.second)
            case UInt8(ascii: "S"): tokens.append(.fraction)
            case UInt8(ascii: "X"), UInt8(ascii: "Z"): tokens.append(.offset)
            default:
                for _ in 0..<run { tokens.append(.literal(byte)) }
            }
            index += run
        }
        return tokens
    }

    /// Parses `text` with the first pattern that matches it completely.
    /// - Parameter utcOffsetHours: the offset assumed when the value carries none.
    func parse(_ text: String, utcOffsetHours: Int) -> Date? {
        let bytes = Array(text.utf8)
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 { end -= 1 }
        let slice = bytes[start..<end]
        for pattern in patterns {
            if let date = DateParser.match(pattern, slice, utcOffsetHours: utcOffsetHours) { return date }
        }
        // Always accept the ISO form the XLSX reader and JSON exports produce.
        return DateParser.match(DateParser.isoFallback, slice, utcOffsetHours: utcOffsetHours)
            ?? DateParser.match(DateParser.isoNoOffset, slice, utcOffsetHours: utcOffsetHours)
    }

    private static let isoFallback = compile("yyyy-MM-dd'T'HH:mm:ssXXX")
    private static let isoNoOffset = compile("yyyy-MM-dd'T'HH:mm:ss")

    private static func match(_ pattern: [Token], _ bytes: ArraySlice<UInt8>, utcOffsetHours: Int) -> Date? {
        var index = bytes.startIndex
        var year = 0
        var month = 1
        var day = 1
        var hour = 0
        var minute = 0
        var second = 0
        var offsetSeconds = utcOffsetHours * 3600
        func digits(_ minCount: Int, _ maxCount: Int) -> Int? {
            var value = 0
            var count = 0
            while count < maxCount, index < bytes.endIndex, (0x30...0x39).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
                count += 1
            }
            return count >= minCount ? value : nil
        }
        for token in pattern {
            switch token {
            case .year:
                guard let v = digits(4, 4) else { return nil }
                year = v
            case .shortYear:
                guard let v = digits(2, 2) else { return nil }
                year = 2000 + v
            case .month:
                guard let v = digits(1, 2) else { return nil }
                month = v
            case .day:
                guard let v = digits(1, 2) else { return nil }
                day = v
            case .hour:
                guard let v = digits(1, 2) else { return nil }
                hour = v
            case .minute:
                guard let v = digits(2, 2) else { return nil }
                minute = v
            case .second:
                guard let v = digits(2, 2) else { return nil }
                second = v
            case .fraction: guard digits(1, 9) != nil else { return nil }
            case .literal(let byte):
                guard index < bytes.endIndex, bytes[index] == byte else { return nil }
                index += 1
            case .offset:
                guard index < bytes.endIndex else { return nil }
                if bytes[index] == UInt8(ascii: "Z") {
                    offsetSeconds = 0
                    index += 1
                } else {
                    let sign: Int
                    switch bytes[index] {
                    case UInt8(ascii: "+"): sign = 1
                    case UInt8(ascii: "-"): sign = -1
                    default: return nil
                    }
                    index += 1
                    guard let hours = digits(2, 2) else { return nil }
                    if index < bytes.endIndex, bytes[index] == UInt8(ascii: ":") { index += 1 }
                    let minutes = digits(2, 2) ?? 0
                    offsetSeconds = sign * (hours * 3600 + minutes * 60)
                }
            }
        }
        guard index == bytes.endIndex else { return nil }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day), hour < 24, minute < 60,
            second < 61
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The local calendar year and month of an instant at a fixed UTC offset.
    static func localYearMonth(_ date: Date, utcOffsetHours: Int) -> (year: Int, month: Int) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + utcOffsetHours * 3600
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        // Inverse of daysFromCivil.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month)
    }
}

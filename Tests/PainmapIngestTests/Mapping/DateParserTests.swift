import Foundation
import Testing

@testable import PainmapIngest

@Suite struct DateParserTests {
    @Test func localTimeUsesTheRegionOffset() throws {
        let parser = DateParser(formats: ["dd.MM.yyyy HH:mm"])
        let date = try #require(parser.parse("01.07.2026 00:30", utcOffsetHours: 12))
        // 00:30 in UTC+12 is 12:30 the previous day in UTC.
        #expect(date.timeIntervalSince1970 == 1_782_822_600)
        #expect(DateParser.localYearMonth(date, utcOffsetHours: 12) == (2026, 7))
        #expect(DateParser.localYearMonth(date, utcOffsetHours: 0) == (2026, 6))
    }

    @Test func isoWithOffsetOverridesTheRegion() throws {
        let parser = DateParser(formats: ["yyyy-MM-dd'T'HH:mm:ssXXX"])
        let date = try #require(parser.parse("2026-04-05T10:20:00+07:00", utcOffsetHours: 12))
        #expect(date == Date(timeIntervalSince1970: 1_775_359_200))
    }

    @Test(arguments: [
        "31.13.2026 10:20", "32.01.2026", "29.02.2026 10:00", "05.04.2026 25:00", "вчера", "", "05.04.26",
    ])
    func rejectsImpossibleDates(text: String) {
        #expect(DateParser(formats: ["dd.MM.yyyy HH:mm", "dd.MM.yyyy"]).parse(text, utcOffsetHours: 3) == nil)
    }

    @Test func agreesWithDateFormatterOverAYear() throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "dd.MM.yyyy HH:mm"
        formatter.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        let parser = DateParser(formats: ["dd.MM.yyyy HH:mm"])
        var date = Date(timeIntervalSince1970: 1_767_200_400)  // 2026-01-01 00:00 UTC+7
        for _ in 0..<400 {
            let text = formatter.string(from: date)
            #expect(parser.parse(text, utcOffsetHours: 7) == date, "\(text)")
            date += 86_400 + 3_660
        }
    }
}

import Testing

@testable import PainmapReports

@Suite struct RussianNumberFormatTests {
    @Test func integersGroupFromTenThousand() {
        #expect(RussianNumberFormat.integer(0) == "0")
        #expect(RussianNumberFormat.integer(9_412) == "9412")
        #expect(RussianNumberFormat.integer(12_345) == "12\u{00A0}345")
        #expect(RussianNumberFormat.integer(-1_234_567) == "\u{2212}1\u{00A0}234\u{00A0}567")
        #expect(RussianNumberFormat.signedInteger(12) == "+12")
        #expect(RussianNumberFormat.signedInteger(-3) == "\u{2212}3")
        #expect(RussianNumberFormat.signedInteger(0) == "0")
    }

    @Test func sharesUseDecimalCommaAndNoBreakSpace() {
        #expect(RussianNumberFormat.percent(0.125) == "12,5\u{00A0}%")
        #expect(RussianNumberFormat.percent(0.12549) == "12,5\u{00A0}%")
        #expect(RussianNumberFormat.percent(0.12551) == "12,6\u{00A0}%")
        #expect(RussianNumberFormat.percent(1) == "100,0\u{00A0}%")
        #expect(RussianNumberFormat.percent(nil) == "нет данных")
        #expect(RussianNumberFormat.percent(.nan) == "—")
        #expect(RussianNumberFormat.signedPercent(0.25) == "+25,0\u{00A0}%")
        #expect(RussianNumberFormat.signedPercent(-0.0861) == "\u{2212}8,6\u{00A0}%")
        #expect(RussianNumberFormat.signedPercent(-0.00001) == "0,0\u{00A0}%")
        #expect(RussianNumberFormat.signedPercent(nil) == "—")
    }

    @Test func decimalsAreFixedAndRoundHalfAwayFromZero() {
        #expect(RussianNumberFormat.decimal(3.14159, places: 2) == "3,14")
        #expect(RussianNumberFormat.decimal(2.5, places: 0) == "3")
        #expect(RussianNumberFormat.decimal(0.005, places: 2) == "0,01")
        #expect(RussianNumberFormat.decimal(-0.004, places: 2) == "0,00")
        #expect(RussianNumberFormat.decimal(12_345.678, places: 1) == "12\u{00A0}345,7")
        #expect(RussianNumberFormat.plainDecimal(-1234.5, places: 1) == "-1234,5")
        #expect(RussianNumberFormat.rounded(0.123456, places: 4) == 0.1235)
        #expect(RussianNumberFormat.rounded(-0.00001, places: 4).sign == .plus)
    }

    @Test func quartersAndDates() {
        #expect(RussianDateFormat.quarter("2026Q3") == "III квартал 2026")
        #expect(RussianDateFormat.shortQuarter("2025Q4") == "IV\u{00A0}кв.\u{00A0}2025")
        #expect(RussianDateFormat.quarter("2026Q5") == "2026Q5")
        #expect(RussianDateFormat.date("2026-07-03") == "03.07.2026")
        #expect(RussianDateFormat.date("вчера") == "вчера")
        #expect(RussianDateFormat.timestamp("2026-10-05T03:00:00Z") == "05.10.2026 03:00 UTC")
    }

    @Test func spreadsheetNeutraliserCoversEveryTrigger() {
        for trigger in ["=1+1", "+7", "-2", "@SUM(A1)", "\tx", "\rx", "\u{0}x"] {
            #expect(SpreadsheetText.neutralized(trigger) == "'" + trigger)
        }
        #expect(SpreadsheetText.neutralized("Очередь") == "Очередь")
        #expect(SpreadsheetText.neutralized("") == "")
    }
}

/// Numbers, shares and changes as Russian readers expect them, independent of the machine's locale.
///
/// Decimal comma, a no-break space (U+00A0) between thousands groups from 10 000 on and before «%», a true
/// minus sign (U+2212) for negatives and an explicit plus for growth: `12 345`, `12,5 %`, `+25,0 %`, `−3`.
/// Everything is computed with integer arithmetic on the rounded value, so the text is the same on every
/// machine and run.
enum RussianNumberFormat {
    /// The no-break space between digit groups and before the percent sign.
    static let space = "\u{00A0}"
    /// The minus sign.
    static let minus = "\u{2212}"
    /// What a share without a base prints.
    static let noData = "нет данных"
    /// What a value that cannot be shown prints (a non-finite number, a change from zero).
    static let dash = "—"

    /// `1234` → `1234`, `12345` → `12 345`, `-12345` → `−12 345`.
    static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        let grouped = digits.count >= 5 ? group(digits) : digits
        return value < 0 ? minus + grouped : grouped
    }

    /// `12` → `+12`, `-3` → `−3`, `0` → `0`.
    static func signedInteger(_ value: Int) -> String {
        value > 0 ? "+" + integer(value) : integer(value)
    }

    /// `3.14159` with 2 places → `3,14`; non-finite → `—`.
    static func decimal(_ value: Double, places: Int) -> String {
        guard let (negative, whole, fraction) = split(value, places: places) else { return dash }
        let wholeText = whole >= 10_000 ? group(String(whole)) : String(whole)
        let text = places > 0 ? wholeText + "," + fraction : wholeText
        return negative ? minus + text : text
    }

    /// A fraction as a percentage: `0.125` → `12,5 %`; `nil` → «нет данных».
    static func percent(_ fraction: Double?, places: Int = 1) -> String {
        guard let fraction else { return noData }
        guard fraction.isFinite else { return dash }
        return decimal(fraction * 100, places: places) + space + "%"
    }

    /// A share with its base: `100,0 % (1 из 1)`; «нет данных» when the base is 0.
    static func shareWithBase(_ share: RateShare) -> String {
        guard share.base > 0 else { return noData }
        return percent(share.share) + " (" + integer(share.count) + " из " + integer(share.base) + ")"
    }

    /// A relative change: `0.25` → `+25,0 %`, `-0.5` → `−50,0 %`; `nil` (no previous count) → `—`.
    static func signedPercent(_ fraction: Double?, places: Int = 1) -> String {
        guard let fraction, fraction.isFinite else { return dash }
        let text = percent(fraction, places: places)
        return isPositive(fraction, places: places + 2) ? "+" + text : text
    }

    /// The same number for spreadsheet cells: decimal comma, ASCII minus, no grouping (`-1234,5`), so that a
    /// Russian-locale spreadsheet reads it as a number.
    static func plainDecimal(_ value: Double, places: Int) -> String {
        guard let (negative, whole, fraction) = split(value, places: places) else { return "" }
        let text = places > 0 ? "\(whole),\(fraction)" : "\(whole)"
        return negative ? "-" + text : text
    }

    /// `value` rounded half away from zero to `places` decimals, as a `Double` whose shortest form has at
    /// most that many decimals; non-finite values are returned unchanged.
    static func rounded(_ value: Double, places: Int) -> Double {
        guard value.isFinite else { return value }
        let scale = power10(places)
        let result = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
        return result == 0 ? 0 : result  // no "-0"
    }

    private static func isPositive(_ value: Double, places: Int) -> Bool {
        rounded(value, places: places) > 0
    }

    /// Sign, integral part and zero-padded fraction digits of `value` rounded to `places`; `nil` if not finite.
    private static func split(_ value: Double, places: Int) -> (Bool, UInt64, String)? {
        guard value.isFinite, abs(value) < 1e15 else { return nil }
        let scale = UInt64(power10(places))
        let scaled = UInt64((abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero))
        let whole = scaled / scale
        var fraction = String(scaled % scale)
        while fraction.count < places { fraction = "0" + fraction }
        return (value < 0 && scaled != 0, whole, places > 0 ? fraction : "")
    }

    private static func power10(_ places: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(0, places) { result *= 10 }
        return result
    }

    private static func group(_ digits: String) -> String {
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += space }
            result.append(character)
        }
        return result
    }
}

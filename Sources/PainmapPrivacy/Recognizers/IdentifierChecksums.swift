/// Control-number checks of Russian identifiers and bank cards (RELIABILITY.md §2.2).
///
/// They decide the *type* of a number, never whether it is redacted: a labelled number with a wrong control
/// digit is still personal data.
public enum IdentifierChecksums {
    /// СНИЛС: weights 9…1 over the first nine digits, sum mod 101, 100 → 00.
    ///
    /// Numbers up to 001-001-998 carry
    /// no checked control and pass.
    public static func isValidSNILS(_ digits: [UInt8]) -> Bool {
        guard digits.count == 11 else { return false }
        var body = 0
        var sum = 0
        for index in 0..<9 {
            body = body * 10 + Int(digits[index])
            sum += Int(digits[index]) * (9 - index)
        }
        if body <= 1_001_998 { return true }
        var control = sum % 101
        if control == 100 { control = 0 }
        return control == Int(digits[9]) * 10 + Int(digits[10])
    }

    /// ИНН of an organisation (10 digits) or a person (12 digits).
    public static func isValidINN(_ digits: [UInt8]) -> Bool {
        switch digits.count {
        case 10:
            return control(digits, [2, 4, 10, 3, 5, 9, 4, 6, 8]) == digits[9]
        case 12:
            return control(digits, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == digits[10]
                && control(digits, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == digits[11]
        default:
            return false
        }
    }

    /// ОГРН (13 digits: the first 12 mod 11 mod 10) or ОГРНИП (15 digits: the first 14 mod 13 mod 10).
    public static func isValidOGRN(_ digits: [UInt8]) -> Bool {
        let (length, modulus) =
            switch digits.count {
            case 13: (12, 11)
            case 15: (14, 13)
            default: (0, 0)
            }
        guard length > 0 else { return false }
        var remainder = 0
        for index in 0..<length { remainder = (remainder * 10 + Int(digits[index])) % modulus }
        return UInt8(remainder % 10) == digits[length]
    }

    /// The Luhn check of a card number.
    public static func isValidLuhn(_ digits: [UInt8]) -> Bool {
        guard digits.count >= 12 else { return false }
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            var value = Int(digit)
            if offset % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }

    /// Whether the number starts like a card of a scheme issued in Russia: МИР 2200–2204, Visa 4, Mastercard
    /// 51–55 and 2221–2720, Maestro 50/56–69, UnionPay 62, JCB 35.
    public static func hasCardPrefix(_ digits: [UInt8]) -> Bool {
        guard digits.count >= 4 else { return false }
        let first4 = Int(digits[0]) * 1000 + Int(digits[1]) * 100 + Int(digits[2]) * 10 + Int(digits[3])
        switch digits[0] {
        case 4: return true
        case 5: return true
        case 6: return true
        case 3: return digits[1] == 5
        case 2: return (2200...2204).contains(first4) || (2221...2720).contains(first4)
        default: return false
        }
    }

    private static func control(_ digits: [UInt8], _ weights: [Int]) -> UInt8 {
        var sum = 0
        for (index, weight) in weights.enumerated() { sum += Int(digits[index]) * weight }
        return UInt8(sum % 11 % 10)
    }
}

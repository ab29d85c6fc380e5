import PainmapPrivacy
import Testing

@Suite struct IdentifierChecksumsTests {
    private func digits(_ text: String) -> [UInt8] { text.compactMap(\.wholeNumberValue).map(UInt8.init) }

    @Test func snilsVectors() {
        #expect(IdentifierChecksums.isValidSNILS(digits("112-233-445 95")))
        #expect(IdentifierChecksums.isValidSNILS(digits("010-242-368 77")))
        #expect(!IdentifierChecksums.isValidSNILS(digits("010-242-368 00")))
    }

    @Test func innVectors() {
        #expect(IdentifierChecksums.isValidINN(digits("1234567894")))
        #expect(!IdentifierChecksums.isValidINN(digits("1234567895")))
        #expect(IdentifierChecksums.isValidINN(digits("123456789047")))
        #expect(!IdentifierChecksums.isValidINN(digits("123456789037")))
    }

    @Test func ogrnVectors() {
        #expect(IdentifierChecksums.isValidOGRN(digits("1022200525819")))
        #expect(!IdentifierChecksums.isValidOGRN(digits("1022500001328")))
        #expect(IdentifierChecksums.isValidOGRN(digits("385768585948949")))
        // An ОГРНИП whose remainder mod 13 is ≥ 10 (here 12 → control 2): valid only with the final «mod 10».
        let body = digits("30450000000001")
        var remainder = 0
        for digit in body { remainder = (remainder * 10 + Int(digit)) % 13 }
        #expect(remainder >= 10)
        #expect(IdentifierChecksums.isValidOGRN(body + [UInt8(remainder % 10)]))
    }

    @Test func luhnAndCardPrefixes() {
        #expect(IdentifierChecksums.isValidLuhn(digits("2200000000000004")))
        #expect(IdentifierChecksums.isValidLuhn(digits("4111111111111111")))
        #expect(!IdentifierChecksums.isValidLuhn(digits("4111111111111112")))
        #expect(IdentifierChecksums.hasCardPrefix(digits("2204000000000000")))
        #expect(!IdentifierChecksums.hasCardPrefix(digits("2205000000000000")))
        #expect(IdentifierChecksums.hasCardPrefix(digits("2720990000000000")))
    }
}

import PainmapCore
import Testing

@testable import PainmapSamples

@Suite struct PersonalDataTests {
    /// Independent СНИЛС check: weights 9…1, sum mod 101, 100 → 00.
    private func snilsIsValid(_ text: String) -> Bool {
        let digits = text.compactMap(\.wholeNumberValue)
        guard digits.count == 11 else { return false }
        let body = digits[0..<9].reduce(0) { $0 * 10 + $1 }
        guard body > 1_001_998 else { return false }
        var sum = 0
        for index in 0..<9 { sum += digits[index] * (9 - index) }
        var control = sum % 101
        if control == 100 { control = 0 }
        return control == digits[9] * 10 + digits[10]
    }

    @Test func snilsControlMatchesPublishedVectors() {
        #expect(PersonalData.snilsControl("112233445") == 95)
        #expect(PersonalData.snilsControl("010242368") == 77)
        #expect(snilsIsValid("112-233-445 95"))
        #expect(!snilsIsValid("010-242-368 00"))
    }

    @Test func generatedSnilsAreValidAndFormatted() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<2_000 {
            let snils = PersonalData.snils(&rng)
            #expect(snilsIsValid(snils), "\(snils)")
            #expect(snils.count == 14)
            #expect(Array(snils)[3] == "-" && Array(snils)[7] == "-" && Array(snils)[11] == " ")
        }
    }

    @Test func generatedInn12HaveValidControlDigits() {
        #expect(
            PersonalData.innControl([1, 2, 3, 4, 5, 6, 7, 8, 9, 0], weights: [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == 4
        )
        var rng = SplitMix64(seed: 9)
        for region in SampleRegion.all {
            for _ in 0..<500 {
                let inn = PersonalData.inn12(region, &rng)
                let digits = inn.compactMap(\.wholeNumberValue)
                #expect(digits.count == 12 && inn.hasPrefix(region.kladr))
                let c11 = PersonalData.innControl(Array(digits[0..<10]), weights: [7, 2, 4, 10, 3, 5, 9, 4, 6, 8])
                let c12 = PersonalData.innControl(Array(digits[0..<11]), weights: [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8])
                #expect(c11 == digits[10] && c12 == digits[11], "\(inn)")
            }
        }
    }

    @Test func phonesNormaliseToRussianNumbers() {
        var rng = SplitMix64(seed: 3)
        for region in SampleRegion.all {
            for _ in 0..<300 {
                let phone = PersonalData.phone(region, &rng)
                let digits = phone.filter(\.isNumber)
                #expect(digits.count == 11, "\(phone)")
                #expect(digits.hasPrefix("7") || digits.hasPrefix("8"), "\(phone)")
            }
        }
    }

    @Test func emailsAreAscii() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<300 {
            let email = PersonalData.email(PersonalData.person(&rng), &rng)
            #expect(email.allSatisfy(\.isASCII) && email.contains("@"), "\(email)")
        }
    }

    @Test(arguments: PersonalDataKind.allCases)
    func everyKindIsPlanted(_ kind: PersonalDataKind) throws {
        let manifest = try SampleTreeFixture.tree().manifest
        let planted = manifest.personalData.first { $0.kind == kind }?.planted ?? 0
        #expect(planted > 0)
    }

    @Test func aboutFifteenPercentOfTextsCarryPersonalData() throws {
        let manifest = try SampleTreeFixture.tree().manifest
        let planted = manifest.personalData.reduce(0) { $0 + $1.planted }
        let share = Double(planted) / Double(manifest.totalRecords)
        #expect(share > 0.08 && share < 0.25, "share \(share)")
    }
}

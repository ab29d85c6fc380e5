import PainmapCore
import PainmapPrivacy
import Testing

/// Public numbers (issue 15): the standard ones and those of `Config/privacy.yaml` are never redacted, and the report
/// gate does not flag them; a citizen's number beside them still is.
@Suite struct PublicNumbersTests {
    @Test func standardPublicNumbersStayAndAreNotLeaks() {
        let text = "Звонила на 122 и 112, горячая линия 8-800-100-70-10 молчит, мой телефон 8-913-123-45-67"
        #expect(
            Redactor().redact(text).text
                == "Звонила на 122 и 112, горячая линия 8-800-100-70-10 молчит, мой телефон [ТЕЛЕФОН]"
        )
        let leaks = LeakScanner(identifiers: []).scan(text)
        #expect(leaks.map(\.type) == [.phone])
        #expect(leaks.first?.masked.hasSuffix("67") == true)
    }

    @Test func configuredNumbersAndAddressesStay() {
        let privacy = PrivacyConfiguration(
            keepOriginals: false,
            publicNumbers: PrivacyConfiguration.standardPublicNumbers + ["+7 (4152) 30-24-02"],
            publicAddresses: ["ул. Ленина, д. 5, кв. 1"]
        )
        let text = "Звоните 8 (4152) 30-24-02, приём: ул. Ленина, д. 5, кв. 1"
        #expect(Redactor().redact(text).text == "Звоните [ТЕЛЕФОН], приём: [АДРЕС]")
        #expect(Redactor(privacy: privacy).redact(text).text == text)
        #expect(LeakScanner(identifiers: []).scan(text).map(\.type) == [.phone])
        #expect(LeakScanner(identifiers: [], redactor: Redactor(privacy: privacy)).scan(text).isEmpty)
    }

    @Test func anOrganisationLineStaysButACitizensNumberDoesNot() {
        #expect(
            Redactor().redact("Телефон МФЦ 8 (4152) 30-24-02 занят").text == "Телефон МФЦ 8 (4152) 30-24-02 занят"
        )
        #expect(
            Redactor().redact("В МФЦ дали мой телефон 8 (4152) 30-24-02").text == "В МФЦ дали мой телефон [ТЕЛЕФОН]"
        )
    }
}

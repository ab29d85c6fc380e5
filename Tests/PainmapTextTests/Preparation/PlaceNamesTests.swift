import PainmapText
import Testing

@Suite struct PlaceNamesTests {
    let places = PlaceNames()

    private func words(_ text: String) -> [Substring] { places.strip(text).split(separator: " ") }

    @Test func blanksNamesAfterAbbreviatedMarkers() {
        #expect(words("Яма на ул. Карла Маркса, у дома") == ["Яма", "на", "ул.", ",", "у", "дома"])
        #expect(words("не горит фонарь ул ленина") == ["не", "горит", "фонарь", "ул"])
        #expect(words("На пр-т Победы д. 5 мусор") == ["На", "пр-т", "д.", "мусор"])
        #expect(words("ул. К. Маркса. Яма") == ["ул.", ".", ".", "Яма"])
    }

    @Test func blanksOnlyCapitalizedNamesAfterFullMarkers() {
        #expect(words("На улице Гагарина темно") == ["На", "улице", "темно"])
        #expect(words("На улице темно") == ["На", "улице", "темно"])
        #expect(words("Темно на улице. Фонари не горят") == ["Темно", "на", "улице.", "Фонари", "не", "горят"])
        #expect(words("В деревне Ивановка нет воды") == ["В", "деревне", "нет", "воды"])
    }

    @Test func singleLetterMarkersNeedADot() {
        #expect(places.strip("Встреча с Ивановым") == "Встреча с Ивановым")
        #expect(words("в с. Ивановка нет света") == ["в", "с.", "нет", "света"])
    }

    @Test func leavesTextsWithoutAddressesAlone() {
        for text in ["", "Нет света", "Улица", "Прошу помочь с Госуслугами"] {
            #expect(places.strip(text) == text)
        }
    }

    @Test func analyzerDropsStreetNamesOnlyWhenAsked() {
        let text = "Не вывозят мусор на ул. Садовой"
        let dropping = TextAnalyzer(
            preparation: TextPreparation(stripsMarkup: true, dropsLetterFrames: true, dropsPlaceNames: true)
        )
        #expect(dropping.analyze(text).map(\.surface) == ["вывозят", "мусор", "ул"])
        #expect(TextAnalyzer().analyze(text).map(\.surface).contains("садовой"))
    }
}

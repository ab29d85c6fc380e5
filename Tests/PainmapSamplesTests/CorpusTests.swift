import PainmapCore
import Testing

@testable import PainmapSamples

@Suite struct CorpusTests {
    @Test func everyTemplateFillsCompletely() {
        var rng = SplitMix64(seed: 11)
        for region in SampleRegion.all {
            var filler = SlotFiller(
                region: region,
                municipality: region.municipalities[0],
                date: LocalDateTime(year: 2026, month: 8, day: 15, hour: 10)
            )
            for situation in SituationDefinition.all {
                for pain in situation.pains {
                    for template in pain.citizen + pain.details + pain.hotline + pain.short {
                        let text = filler.fill(template, &rng)
                        #expect(!text.contains("{") && !text.contains("}"), "\(situation.painID(pain)): \(text)")
                    }
                }
            }
            for template in NoiseMessages.citizen + NoiseMessages.hotline + NoiseMessages.formalOpenings {
                let text = filler.fill(template, &rng)
                #expect(!text.contains("{") && !text.contains("}"), "\(text)")
            }
        }
    }

    @Test func situationsHaveFourToSevenPainsWithEnoughPhrasings() {
        #expect(SituationDefinition.all.count == 7)
        for situation in SituationDefinition.all {
            #expect((4...7).contains(situation.pains.count), "\(situation.id)")
            #expect(Set(situation.pains.map(\.key)).count == situation.pains.count)
            for pain in situation.pains {
                #expect(
                    pain.citizen.count >= 3 && !pain.hotline.isEmpty && !pain.short.isEmpty,
                    "\(situation.painID(pain))"
                )
            }
        }
    }

    @Test func typosChangeAboutThreePercentOfWords() {
        var rng = SplitMix64(seed: 1)
        let composer = TextComposer(typoRate: 0.03)
        let words = Array(repeating: "очередь", count: 20_000).joined(separator: " ")
        let noisy = composer.addTypos(words, rate: 0.03, &rng).split(separator: " ")
        let changed = noisy.filter { $0 != "очередь" }.count
        #expect(changed > 400 && changed < 800, "\(changed)")
    }
}

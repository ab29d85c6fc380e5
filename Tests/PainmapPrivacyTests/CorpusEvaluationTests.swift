import PainmapCore
import PainmapPrivacy
import PainmapPrivacyEval
import Testing

@Suite struct CorpusEvaluationTests {
    @Test func smallerCorpusMeetsTheTargets() {
        let corpus = PIICorpusGenerator(seed: 11, perType: 150, clean: 1_500).generate()
        let evaluation = PIIEvaluation.run(corpus, minimumSeconds: 0)
        for row in evaluation.types {
            // Organisation ИНН and ОГРН are public: they count as look-alikes, not as spans.
            let organisation = row.type == .inn || row.type == .ogrn
            #expect(row.spans >= (organisation ? 60 : 150), "\(row.type)")
            #expect(organisation ? row.decoys > 50 : row.decoys == 50, "\(row.type)")
            #expect(row.recall >= row.recallTarget, "\(row.type): recall \(row.recall)")
            #expect(row.falsePositiveRate <= 0.03, "\(row.type): FP \(row.falsePositiveRate)")
            #expect(row.precision >= 0.97, "\(row.type): precision \(row.precision)")
        }
        #expect(evaluation.cleanMessages == 1_500)
        #expect(evaluation.cleanTouchedShare <= 0.01)
        #expect(evaluation.meetsTargets)
    }

    @Test func checksumInvalidVariantsArePlantedAndFound() throws {
        let corpus = PIICorpusGenerator(seed: 5, perType: 60, clean: 0).generate()
        let evaluation = PIIEvaluation.run(corpus, minimumSeconds: 0)
        for type in [PersonalDataType.snils, .card] {
            let row = evaluation.types.first { $0.type == type }
            #expect(row?.invalidSpans == 20, "\(type)")
            #expect(row?.invalidFound == 20, "\(type)")
        }
        // A person's ИНН and ОГРНИП with a wrong control digit are still found; an organisation's stay either way.
        for type in [PersonalDataType.inn, .ogrn] {
            let row = try #require(evaluation.types.first { $0.type == type })
            #expect(row.invalidSpans > 0 && row.invalidSpans < 20, "\(type)")
            #expect(row.invalidFound == row.invalidSpans, "\(type)")
            #expect(row.decoysTouched == 0, "\(type)")
        }
    }

    @Test func generatorIsDeterministic() {
        let first = PIICorpusGenerator(seed: 42, perType: 40, clean: 200).generate()
        let again = PIICorpusGenerator(seed: 42, perType: 40, clean: 200).generate()
        let other = PIICorpusGenerator(seed: 43, perType: 40, clean: 200).generate()
        #expect(first == again)
        #expect(first != other)
        #expect(first.count == again.count)
    }

    @Test func goldSpansPointAtThePlantedText() {
        let corpus = PIICorpusGenerator(seed: 3, perType: 30, clean: 50).generate()
        #expect(corpus.filter(\.isClean).count == 50)
        for message in corpus {
            let scalars = Array(message.text.unicodeScalars)
            for span in message.spans {
                #expect(span.range.lowerBound >= 0 && span.range.upperBound <= scalars.count)
                // A span starts and ends on a letter, a digit or a sign that belongs to it («+7», «@bot», «№ 12»).
                let edges = [scalars[span.range.lowerBound], scalars[span.range.upperBound - 1]]
                #expect(
                    edges.allSatisfy {
                        $0.properties.isAlphabetic || ("0"..."9").contains($0) || "@.+№»".unicodeScalars.contains($0)
                    },
                    "\(message.text)"
                )
            }
        }
    }
}

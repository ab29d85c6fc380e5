import PainmapClustering
import PainmapPipeline
import Testing

@Suite struct TextProfileTests {
    /// Documents of the given word counts and row weights.
    private static func documents(_ shape: [(words: Int, rows: Int)]) -> InternedDocuments {
        var builder = InternedDocuments.Builder()
        let word = builder.word(surface: "слово", stem: "слов")
        for (words, rows) in shape {
            _ = builder.appendDocument(words: Array(repeating: word, count: words), weight: rows)
        }
        return builder.documents
    }

    @Test func theMedianCountsEveryRowOfARepeatedText() {
        // 3 long letters once each, one short text sent by 5 rows: the median row holds the short text.
        let repeated = Self.documents([(30, 1), (30, 1), (30, 1), (4, 5)])
        #expect(ResolvedTextProfile.resolve(.auto, documents: repeated).medianWords == 4)
        #expect(ResolvedTextProfile.resolve(.auto, documents: repeated).applied == .messages)
        let letters = Self.documents([(30, 1), (18, 1), (4, 1)])
        #expect(ResolvedTextProfile.resolve(.auto, documents: letters).medianWords == 18)
        #expect(ResolvedTextProfile.resolve(.auto, documents: letters).applied == .letters)
    }

    @Test func aGivenProfileIsAppliedWithoutMeasuring() {
        let short = Self.documents([(3, 10)])
        let resolved = ResolvedTextProfile.resolve(.letters, documents: short)
        #expect(resolved == ResolvedTextProfile(requested: .letters, applied: .letters, distinctTexts: 1))
        #expect(ResolvedTextProfile.resolve(.auto, documents: InternedDocuments()).applied == .messages)
    }

    @Test func theLatentSpaceStopsAtFiftyThousandDistinctTexts() {
        let small = ResolvedTextProfile(requested: .auto, applied: .messages, medianWords: 6, distinctTexts: 50_000)
        let large = ResolvedTextProfile(requested: .auto, applied: .messages, medianWords: 6, distinctTexts: 50_001)
        #expect(small.profileLatentDimensions == ResolvedTextProfile.latentDimensions)
        #expect(large.profileLatentDimensions == 0)
        #expect(
            small.text
                == "профиль: сообщения (медиана числа слов в тексте 6 < 18): латентное пространство из 300 измерений; разрез при τ"
        )
        #expect(large.text.contains("слова текстов (разных текстов больше 50 000: без латентного пространства)"))
        let letters = ResolvedTextProfile(requested: .letters, applied: .letters, distinctTexts: 3_000)
        #expect(
            letters.text
                == "профиль: письма (задан --profile): без рамок писем, формул просьб и названий мест; "
                + "латентное пространство из 300 измерений; разрез по устойчивости"
        )
    }
}

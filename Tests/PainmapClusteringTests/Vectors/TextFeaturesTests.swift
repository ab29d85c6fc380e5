import PainmapText
import Testing

@testable import PainmapClustering

@Suite struct TextFeaturesTests {
    private let analyzer = TextAnalyzer()

    private func documents(_ texts: [String]) -> InternedDocuments {
        var builder = InternedDocuments.Builder()
        for text in texts {
            var words: [Int32] = []
            for token in analyzer.analyze(text) { words.append(builder.word(surface: token.surface, stem: token.stem)) }
            _ = builder.appendDocument(words: words)
        }
        return builder.documents
    }

    private func corpus(_ texts: [String], _ features: TextFeatures, minDocumentFrequency: Int = 3) -> StemCorpus {
        StemCorpus(documents: documents(texts), features: features, minDocumentFrequency: { _ in minDocumentFrequency })
    }

    private func stems(_ corpus: StemCorpus, _ document: Int) -> [String] {
        corpus.tokens(of: document).map { corpus.stems[Int($0)] }
    }

    @Test func synonymPhrasesAreWrittenAsTheFirstPhrase() {
        let texts = [
            "Управляющей компании нет дела до подъезда", "УК нет дела до подъезда", "управляйке нет дела до подъезда",
        ]
        let synonyms = TermSynonyms(groups: [["управляющая компания", "УК", "управляйка"]])
        let plain = corpus(texts, .plain)
        #expect(DistinctRows(corpus: plain).count == 3)
        let rewritten = corpus(texts, TextFeatures(synonyms: synonyms))
        #expect(DistinctRows(corpus: rewritten).count == 1)
        #expect(stems(rewritten, 1) == ["управля", "компан", "дел", "подъезд"])
        #expect(rewritten.surfaces[Int(rewritten.surfaceIDs[0])] == "управляющая")
        #expect(rewritten.surfaces[Int(rewritten.surfaceIDs[1])] == "компания")
        // The other tokens keep their own surface forms.
        #expect(rewritten.surfaces[Int(rewritten.surfaceIDs[3])] == "подъезда")
    }

    @Test func ignoredWordsAndPhrasesAreDropped() {
        let texts = [
            "Не вывозят мусор&nbsp;третью неделю. Прошу принять меры", "Меры поддержки не приняли",
        ]
        let synonyms = TermSynonyms(groups: [], ignoredWords: ["nbsp", "принять меры"])
        let rewritten = corpus(texts, TextFeatures(synonyms: synonyms))
        #expect(stems(rewritten, 0) == ["вывоз", "мусор", "трет", "недел"])
        // The words of a phrase stay where they are not that phrase.
        let plain = corpus(texts, .plain)
        #expect(stems(rewritten, 1) == stems(plain, 1))
        #expect(stems(plain, 0).count == 7)  // «nbsp», «прин», «мер» kept
    }

    @Test func rareSpellingVariantFoldsOntoTheFrequentStem() {
        let texts =
            Array(repeating: "управляйка не чистит снег", count: 4) + [
                "упраляйка не чистит снег",  // one letter dropped: folds
                "упрвляйкаа не чистит снег",  // two edits: stays
            ]
        let folded = corpus(texts, TextFeatures(foldsSpellingVariants: true))
        #expect(stems(folded, 4) == stems(folded, 0))
        #expect(stems(folded, 5)[0] != stems(folded, 0)[0])
        // The folded token keeps what the citizen wrote.
        #expect(folded.surfaces[Int(folded.surfaceIDs[folded.documentOffsets[4]])] == "упраляйка")
        let plain = corpus(texts, .plain)
        #expect(stems(plain, 4) != stems(plain, 0))
    }

    @Test func frequentStemsNeverFold() {
        // «совет» and «сосед» are one edit apart, both frequent: two words, not a typo; «совед» (once) folds.
        let documents =
            (0..<3).map { PlantedCorpus.plain("a\($0)", ["совет", "дом"]) }
            + (0..<4).map { PlantedCorpus.plain("b\($0)", ["сосед", "дом"]) }
            + [PlantedCorpus.plain("c", ["совед", "дом"])]
        let folded = StemCorpus(
            documents: InternedDocuments(documents),
            features: TextFeatures(foldsSpellingVariants: true),
            minDocumentFrequency: { _ in 3 }
        )
        #expect(folded.tokens(of: 0).first != folded.tokens(of: 3).first)
        // The rare variant goes to the more frequent neighbour.
        #expect(folded.tokens(of: 7).first == folded.tokens(of: 3).first)
    }

    @Test func oneEditCoversDropInsertReplaceAndSwap() {
        func edit(_ a: String, _ b: String) -> Bool {
            SpellingFolder.isOneEdit(Array(a.unicodeScalars), Array(b.unicodeScalars))
        }
        #expect(edit("садик", "сдаик"))
        #expect(SpellingFolder.isTypo(Array("сдаик".unicodeScalars), of: Array("садик".unicodeScalars)))
        #expect(!SpellingFolder.isTypo(Array("платн".unicodeScalars), of: Array("плат".unicodeScalars)))
        #expect(!SpellingFolder.isTypo(Array("дадик".unicodeScalars), of: Array("садик".unicodeScalars)))
        #expect(edit("садик", "садиик"))
        #expect(edit("садик", "сади"))
        #expect(edit("садик", "садок"))
        #expect(!edit("садик", "дасик"))
        #expect(!edit("садик", "сдиак"))
        #expect(!edit("садик", "садиккк"))
    }

    @Test func plainFeaturesLeaveTheCorpusAsInterned() {
        let texts = ["УК не чистит снег", "Управляйка не чистит снег"]
        let plain = corpus(texts, .plain)
        let interned = StemCorpus(documents: documents(texts))
        #expect(plain.tokenIDs == interned.tokenIDs)
        #expect(plain.stems == interned.stems)
    }
}

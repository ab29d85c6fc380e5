import PainmapText

/// The batch with stems and surface forms interned as `Int32` ids, kept as flat token arrays.
///
/// Ids are those of the ``InternedDocuments`` (first seen first), so the same input always gets the
/// same ids. Tokens with an empty stem are skipped everywhere. ``TextFeatures`` rewrite the token arrays here
/// (synonym phrases are written as their group's first phrase, ignored words go, rare spelling variants take the id
/// of their frequent neighbour), so every later stage sees ordinary stem ids.
struct StemCorpus {
    /// Stem strings by id.
    private(set) var stems: [String]
    /// Surface strings by id.
    private(set) var surfaces: [String]
    /// Stem ids of all documents, concatenated in input order.
    private(set) var tokenIDs: [Int32] = []
    /// Surface ids, parallel to ``tokenIDs``.
    private(set) var surfaceIDs: [Int32] = []
    /// `tokenIDs[documentOffsets[d] ..< documentOffsets[d + 1]]` are document `d`'s stems.
    private(set) var documentOffsets: [Int] = [0]
    /// Raw-record weight of each document.
    private(set) var weights: [Int] = []

    init(documents: [ClusterDocument]) {
        self.init(documents: InternedDocuments(documents))
    }

    /// Interns a batch and applies the text features.
    ///
    /// - Parameters:
    ///   - documents: The batch.
    ///   - features: The rewrites to apply.
    ///   - minDocumentFrequency: The `min_df` for a number of content records (spelling folding needs it).
    init(
        documents: InternedDocuments,
        features: TextFeatures,
        minDocumentFrequency: (Int) -> Int
    ) {
        self.init(documents: documents)
        if !features.synonyms.isEmpty { applySynonyms(features.synonyms) }
        if features.foldsSpellingVariants {
            var contentRecords = 0
            for document in 0..<documentCount where documentOffsets[document + 1] > documentOffsets[document] {
                contentRecords += weights[document]
            }
            let folding = SpellingFolder(
                corpus: self,
                minDocumentFrequency: minDocumentFrequency(contentRecords)
            )
            if folding.foldedCount > 0 {
                for index in tokenIDs.indices { tokenIDs[index] = folding.target[Int(tokenIDs[index])] }
            }
        }
    }

    /// Writes synonym phrases as their group's first phrase (longest phrase first) and drops ignored words.
    private mutating func applySynonyms(_ synonyms: TermSynonyms) {
        var stemIDs: [String: Int32] = [:]
        for (id, stem) in stems.enumerated() { stemIDs[stem] = Int32(id) }
        var surfaceIDOf: [String: Int32] = [:]
        for (id, surface) in surfaces.enumerated() { surfaceIDOf[surface] = Int32(id) }
        func stemID(_ stem: String) -> Int32 {
            if let id = stemIDs[stem] { return id }
            let id = Int32(stems.count)
            stems.append(stem)
            stemIDs[stem] = id
            return id
        }
        func surfaceID(_ surface: String) -> Int32 {
            if let id = surfaceIDOf[surface] { return id }
            let id = Int32(surfaces.count)
            surfaces.append(surface)
            surfaceIDOf[surface] = id
            return id
        }
        typealias Phrase = (stems: [Int32], replacement: [Int32], surfaces: [Int32])
        // Phrases as stem-id sequences, indexed by their first stem; a phrase with an unseen stem cannot occur.
        var phrasesByFirst: [Int32: [Phrase]] = [:]
        for group in synonyms.stemGroups.indices where !synonyms.canonicalTokens[group].isEmpty {
            let canonical = synonyms.canonicalTokens[group]
            var replacement: (stems: [Int32], surfaces: [Int32])?
            for phrase in synonyms.stemGroups[group] {
                let sequence = phrase.compactMap { stemIDs[$0] }
                guard sequence.count == phrase.count, let first = sequence.first else { continue }
                let written =
                    replacement ?? (canonical.map { stemID($0.stem) }, canonical.map { surfaceID($0.surface) })
                replacement = written
                phrasesByFirst[first, default: []].append((sequence, written.stems, written.surfaces))
            }
        }
        var ignored = [Bool](repeating: false, count: stems.count)
        for phrase in synonyms.ignoredPhrases {
            let sequence = phrase.compactMap { stemIDs[$0] }
            guard sequence.count == phrase.count, let first = sequence.first else { continue }
            if sequence.count == 1 {
                ignored[Int(first)] = true
            } else {
                // A phrase to drop: an empty replacement.
                phrasesByFirst[first, default: []].append((sequence, [], []))
            }
        }
        var phrasesOfStem = [Int32](repeating: -1, count: stems.count)
        var phraseLists: [[Phrase]] = []
        for first in phrasesByFirst.keys.sorted() {
            phrasesOfStem[Int(first)] = Int32(phraseLists.count)
            // Longest first; among equal lengths the order of the file.
            phraseLists.append(
                (phrasesByFirst[first] ?? []).enumerated().sorted {
                    $0.element.stems.count != $1.element.stems.count
                        ? $0.element.stems.count > $1.element.stems.count : $0.offset < $1.offset
                }.map(\.element)
            )
        }
        var newTokens: [Int32] = []
        var newSurfaces: [Int32] = []
        var newOffsets = [0]
        newTokens.reserveCapacity(tokenIDs.count)
        newSurfaces.reserveCapacity(tokenIDs.count)
        newOffsets.reserveCapacity(documentOffsets.count)
        for document in 0..<documentCount {
            var position = documentOffsets[document]
            let end = documentOffsets[document + 1]
            tokens: while position < end {
                let stem = tokenIDs[position]
                if ignored[Int(stem)] {
                    position += 1
                    continue
                }
                let list = phrasesOfStem[Int(stem)]
                if list >= 0 {
                    for phrase in phraseLists[Int(list)] where position + phrase.stems.count <= end {
                        if tokenIDs[position..<(position + phrase.stems.count)].elementsEqual(phrase.stems) {
                            newTokens.append(contentsOf: phrase.replacement)
                            newSurfaces.append(contentsOf: phrase.surfaces)
                            position += phrase.stems.count
                            continue tokens
                        }
                    }
                }
                newTokens.append(stem)
                newSurfaces.append(surfaceIDs[position])
                position += 1
            }
            newOffsets.append(newTokens.count)
        }
        tokenIDs = newTokens
        surfaceIDs = newSurfaces
        documentOffsets = newOffsets
    }

    init(documents: InternedDocuments) {
        stems = documents.stems
        surfaces = documents.surfaces
        weights = documents.weights
        let emptyStem = documents.stems.map(\.isEmpty)
        let stemOfWord = documents.stemOfWord
        let surfaceOfWord = documents.surfaceOfWord
        if !emptyStem.contains(true) {
            tokenIDs = documents.words.map { stemOfWord[Int($0)] }
            surfaceIDs = documents.words.map { surfaceOfWord[Int($0)] }
            documentOffsets = documents.wordOffsets
            return
        }
        tokenIDs.reserveCapacity(documents.words.count)
        surfaceIDs.reserveCapacity(documents.words.count)
        documentOffsets.reserveCapacity(documents.count + 1)
        for document in 0..<documents.count {
            for word in documents.words(of: document) where !emptyStem[Int(stemOfWord[Int(word)])] {
                tokenIDs.append(stemOfWord[Int(word)])
                surfaceIDs.append(surfaceOfWord[Int(word)])
            }
            documentOffsets.append(tokenIDs.count)
        }
    }

    /// Number of documents.
    var documentCount: Int { weights.count }

    /// The stem ids of one document in text order.
    func tokens(of document: Int) -> ArraySlice<Int32> {
        tokenIDs[documentOffsets[document]..<documentOffsets[document + 1]]
    }
}

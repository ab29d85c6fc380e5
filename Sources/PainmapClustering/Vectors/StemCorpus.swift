/// The batch with stems and surface forms interned as `Int32` ids, kept as flat token arrays.
///
/// Ids are those of the ``InternedDocuments`` (first seen first), so the same input always gets the
/// same ids. Tokens with an empty stem are skipped everywhere.
struct StemCorpus {
    /// Stem strings by id.
    let stems: [String]
    /// Surface strings by id.
    let surfaces: [String]
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

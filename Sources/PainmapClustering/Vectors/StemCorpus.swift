/// The batch with stems and surface forms interned as `Int32` ids, kept as flat token arrays.
///
/// Ids follow first occurrence in input order, so the same input always gets the same ids. Tokens
/// with an empty stem are skipped everywhere.
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
        var stemTable = StringInterner(minimumCapacity: 8_192)
        var surfaceTable = StringInterner(minimumCapacity: 16_384)
        var tokenCount = 0
        for document in documents { tokenCount += document.tokens.count }
        tokenIDs.reserveCapacity(tokenCount)
        surfaceIDs.reserveCapacity(tokenCount)
        documentOffsets.reserveCapacity(documents.count + 1)
        weights.reserveCapacity(documents.count)
        for document in documents {
            for token in document.tokens where !token.stem.isEmpty {
                tokenIDs.append(stemTable.intern(token.stem))
                surfaceIDs.append(surfaceTable.intern(token.surface))
            }
            documentOffsets.append(tokenIDs.count)
            weights.append(document.weight)
        }
        stems = stemTable.strings
        surfaces = surfaceTable.strings
    }

    /// Number of documents.
    var documentCount: Int { weights.count }

    /// The stem ids of one document in text order.
    func tokens(of document: Int) -> ArraySlice<Int32> {
        tokenIDs[documentOffsets[document]..<documentOffsets[document + 1]]
    }
}

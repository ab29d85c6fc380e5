/// The batch with stems interned as `Int32` ids, kept as one flat token array.
///
/// Ids follow first occurrence in input order, so the same input always gets the same ids.
struct StemCorpus {
    /// Stem strings by id.
    private(set) var stems: [String] = []
    /// Stem ids of all documents, concatenated in input order.
    private(set) var tokenIDs: [Int32] = []
    /// `tokenIDs[documentOffsets[d] ..< documentOffsets[d + 1]]` are document `d`'s stems.
    private(set) var documentOffsets: [Int] = [0]
    /// Raw-record weight of each document.
    private(set) var weights: [Int] = []

    init(documents: [ClusterDocument]) {
        var idOfStem: [String: Int32] = [:]
        var tokenCount = 0
        for document in documents { tokenCount += document.tokens.count }
        tokenIDs.reserveCapacity(tokenCount)
        documentOffsets.reserveCapacity(documents.count + 1)
        weights.reserveCapacity(documents.count)
        for document in documents {
            for token in document.tokens where !token.stem.isEmpty {
                if let id = idOfStem[token.stem] {
                    tokenIDs.append(id)
                } else {
                    let id = Int32(stems.count)
                    idOfStem[token.stem] = id
                    stems.append(token.stem)
                    tokenIDs.append(id)
                }
            }
            documentOffsets.append(tokenIDs.count)
            weights.append(document.weight)
        }
    }

    /// Number of documents.
    var documentCount: Int { weights.count }

    /// The stem ids of one document in text order.
    func tokens(of document: Int) -> ArraySlice<Int32> {
        tokenIDs[documentOffsets[document] ..< documentOffsets[document + 1]]
    }
}

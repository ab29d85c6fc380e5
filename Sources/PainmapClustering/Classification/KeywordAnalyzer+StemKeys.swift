import PainmapText

extension KeywordAnalyzer {
    /// Appends the ``StemKey`` of each stem of a text, in order: the allocation-free form of ``stems(_:cache:)``.
    ///
    /// Gives exactly the keys of the stems ``stems(_:cache:)`` returns; the word ids read are left in
    /// `scratch.words`, whose `scratch.stems` name them for evidence.
    /// - Parameters:
    ///   - text: Any text.
    ///   - scratch: The calling task's scratch.
    ///   - keys: Receives one key per kept word.
    func appendKeys(_ text: String, scratch: inout ClassifierScratch, to keys: inout [UInt64]) {
        scratch.words.removeAll(keepingCapacity: true)
        textAnalyzer.appendWordIDsKeepingNegations(of: text, cache: &scratch.cache, to: &scratch.words)
        scratch.catchUp()
        for word in scratch.words { keys.append(scratch.keys[Int(word)]) }
    }
}

import Testing

@testable import PainmapIngest

@Suite struct TrimmedCellTests {
    /// The rule `trimmedCell` implements: white space scalars off both ends, by their Unicode property.
    private func reference(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    @Test(arguments: [
        "", " ", "a", "я", "Ё", "abc", "очередь", " очередь", "очередь ", "\u{00A0}очередь\u{00A0}", "\tя\n",
        "\u{2003}abc", "abc\u{2003}", "ӿ", "\u{0500}", "\u{0500} ", "x\u{0301}", "«детсад»", "№ 5", "\r\n", "a\u{3000}",
        "\u{1F600}", " \u{1F600} ", "ab\u{7F}", "\u{7F}ab",
    ])
    func trimsExactlyTheWhiteSpaceAtBothEnds(_ text: String) {
        #expect(Array(text.trimmedCell.utf8) == Array(reference(text).utf8))
    }
}

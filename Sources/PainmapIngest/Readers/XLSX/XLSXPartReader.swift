import Foundation

/// Streams the XML of one package part, naming the part in every error.
struct XLSXPartReader {
    let part: String
    private var reader: XMLStreamReader

    init(part: String, data: Data, limits: XMLStreamReader.Limits) throws(XLSXReadError) {
        self.part = part
        do {
            reader = try XMLStreamReader(data: data, limits: limits)
        } catch {
            throw .xml(part: part, error: error)
        }
    }

    var line: Int { reader.line }

    mutating func next() throws(XLSXReadError) -> XMLEvent? {
        do {
            return try reader.next()
        } catch {
            throw .xml(part: part, error: error)
        }
    }

    func malformed() -> XLSXReadError { .malformed(part: part, line: line) }
}

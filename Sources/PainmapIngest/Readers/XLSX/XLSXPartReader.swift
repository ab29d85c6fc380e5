import Foundation
import PainmapCore

/// Streams the XML of one package part, naming the part in every error.
struct XLSXPartReader {
    let part: String
    private var reader: XMLStreamReader

    init(part: String, data: Data, limits: XMLStreamReader.Limits) throws(LocatedFailure) {
        self.part = part
        do {
            reader = try XMLStreamReader(data: data, limits: limits)
        } catch {
            throw error.inFile(part)
        }
    }

    var line: Int { reader.line }

    mutating func next() throws(LocatedFailure) -> XMLEvent? {
        do {
            return try reader.next()
        } catch {
            throw error.inFile(part)
        }
    }

    func malformed() -> LocatedFailure { .xlsxMalformed(part: part, line: line) }
}

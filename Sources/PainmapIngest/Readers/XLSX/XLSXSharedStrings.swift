import Foundation
import PainmapCore

/// Reads `xl/sharedStrings.xml`: one string per `<si>`, rich-text runs (`<r><t>`) concatenated, phonetic
/// guides (`<rPh>`) left out.
enum XLSXSharedStrings {
    static func parse(
        data: Data,
        part: String,
        maxCount: Int,
        limits: XMLStreamReader.Limits
    ) throws(LocatedFailure) -> [String] {
        var reader = try XLSXPartReader(part: part, data: data, limits: limits)
        var strings: [String] = []
        var current = ""
        var inItem = false
        var inText = false
        var phoneticDepth = 0
        while let event = try reader.next() {
            switch event {
            case .startElement("sst", _, let attributes, _):
                if let declared = attributes["uniqueCount"].flatMap({ Int($0) }), declared > 0 {
                    strings.reserveCapacity(min(declared, maxCount, 1 << 20))
                }
            case .startElement("si", _, _, _):
                guard strings.count < maxCount else { throw .xlsxTooManySharedStrings(limit: maxCount) }
                inItem = true
                current = ""
            case .endElement("si"):
                strings.append(current)
                inItem = false
            case .startElement("rPh", _, _, _):
                phoneticDepth += 1
            case .endElement("rPh"):
                phoneticDepth -= 1
            case .startElement("t", _, _, _) where inItem && phoneticDepth == 0:
                inText = true
            case .endElement("t"):
                inText = false
            case .text(let text) where inText:
                current += text
            default:
                continue
            }
        }
        return strings
    }
}

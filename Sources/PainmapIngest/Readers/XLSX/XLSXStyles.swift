import Foundation
import PainmapCore

/// Which cell styles (`s="N"`, an index into `cellXfs`) format numbers as dates or times.
struct XLSXStyles {
    /// `isDate[s]` for every cell style; styles past the end are not dates.
    private(set) var isDate: [Bool] = []

    init() {}

    init(data: Data, part: String, limits: XMLStreamReader.Limits) throws(LocatedFailure) {
        var reader = try XLSXPartReader(part: part, data: data, limits: limits)
        var customFormats: [Int: String] = [:]
        var formatIDs: [Int] = []
        var inCellXfs = false
        var xfDepth = 0  // `xf` directly under `cellXfs` only; `cellStyleXfs` has `xf` elements too
        while let event = try reader.next() {
            switch event {
            case .startElement("numFmt", _, let attributes, _):
                guard let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] else {
                    throw reader.malformed()
                }
                customFormats[id] = code
            case .startElement("cellXfs", _, _, _):
                inCellXfs = true
            case .endElement("cellXfs"):
                inCellXfs = false
            case .startElement("xf", _, let attributes, _) where inCellXfs:
                xfDepth += 1
                guard xfDepth == 1 else { continue }
                guard let id = Int(attributes["numFmtId"] ?? "0") else { throw reader.malformed() }
                formatIDs.append(id)
            case .endElement("xf") where inCellXfs:
                xfDepth -= 1
            default:
                continue
            }
        }
        isDate = formatIDs.map { id in
            if let code = customFormats[id] { return Self.isDateFormat(code) }
            return Self.builtInDateFormats.contains(id)
        }
    }

    func isDateStyle(_ index: Int) -> Bool {
        isDate.indices.contains(index) && isDate[index]
    }

    /// Built-in number formats that show dates or times (ECMA-376 part 1, 18.8.30): 14–22 and 45–47.
    static let builtInDateFormats: Set<Int> = Set(14...22).union(45...47)

    /// Whether a custom format code shows a date or time: it has a d, m, y, h or s (any case) outside quoted
    /// text (`"…"`), brackets (`[Red]`, `[$-419]`, but `[h]` counts through its neighbours `:mm`), and characters
    /// escaped by `\`, or taken as padding (`_x`) or fill (`*x`).
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        var skipNext = false
        for byte in code.utf8 {
            if skipNext {
                skipNext = false
                continue
            }
            if inQuotes {
                if byte == UInt8(ascii: "\"") { inQuotes = false }
                continue
            }
            if inBrackets {
                if byte == UInt8(ascii: "]") { inBrackets = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inQuotes = true
            case UInt8(ascii: "["): inBrackets = true
            case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"): skipNext = true
            case UInt8(ascii: "d"), UInt8(ascii: "D"), UInt8(ascii: "m"), UInt8(ascii: "M"), UInt8(ascii: "y"),
                UInt8(ascii: "Y"), UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "s"), UInt8(ascii: "S"):
                return true
            default: continue
            }
        }
        return false
    }
}

import Foundation
import PainmapCore

/// What `xl/workbook.xml` says: the sheets in tab order and the date system.
struct XLSXWorkbook {
    struct Sheet {
        let name: String
        let relationshipID: String
        /// `state="hidden"` or `"veryHidden"`.
        let isHidden: Bool
    }

    private(set) var sheets: [Sheet] = []
    private(set) var usesDate1904 = false

    init(data: Data, part: String, limits: XMLStreamReader.Limits) throws(LocatedFailure) {
        var reader = try XLSXPartReader(part: part, data: data, limits: limits)
        var inSheets = false
        while let event = try reader.next() {
            switch event {
            case .startElement("workbookPr", _, let attributes, _):
                let flag = attributes["date1904"]
                usesDate1904 = flag == "1" || flag == "true"
            case .startElement("sheets", _, _, _):
                inSheets = true
            case .endElement("sheets"):
                inSheets = false
            case .startElement("sheet", _, let attributes, _) where inSheets:
                // `r:id`: attributes are keyed by local name.
                guard let name = attributes["name"], let id = attributes["id"] else { throw reader.malformed() }
                let state = attributes["state"]
                sheets.append(
                    Sheet(name: name, relationshipID: id, isHidden: state == "hidden" || state == "veryHidden")
                )
            default:
                continue
            }
        }
    }
}

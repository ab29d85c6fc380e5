/// Parses A1-style cell references.
enum XLSXCellReference {
    /// The largest column index (XFD) and row number a worksheet can have.
    static let maxColumnIndex = 16_383
    static let maxRowNumber = 1_048_576

    /// The 0-based column of a reference such as `"AB12"` (27), or `nil` if it is not a valid reference.
    ///
    /// The row digits are checked for shape but not compared with the enclosing row: placement follows the column.
    static func columnIndex(_ reference: String) -> Int? {
        var column = 0
        var letters = 0
        var digits = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
                guard letters <= 3 else { return nil }
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                letters += 1
                guard letters <= 3 else { return nil }
            case UInt8(ascii: "$") where digits == 0:
                continue  // absolute marker, as in $A$1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                digits += 1
                guard digits <= 7 else { return nil }
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, column - 1 <= maxColumnIndex else { return nil }
        return column - 1
    }
}

/// Why a workbook could not be read.
///
/// Part names are paths inside the package (`xl/worksheets/sheet1.xml`); no case carries cell content, so the
/// error can be logged and shown as is.
public enum XLSXReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable
    /// The file is not a ZIP archive, so it is no XLSX workbook (perhaps a CSV or an old binary `.xls`).
    case notZip
    /// A part the workbook needs is absent: the workbook, its relationships, or the sheet a relationship names.
    case missingPart(String)
    /// No worksheet has the requested name.
    case missingSheet(String)
    /// A part declares or decompresses to more bytes than ``XLSXReader/Limits/maxPartBytes``.
    case zipBomb(part: String)
    /// A part cannot be decompressed, fails its CRC check, or decompresses to a size other than it declares.
    case corruptPart(String)
    /// A part is compressed with a method other than stored (0) or deflated (8), which Excel and LibreOffice never
    /// use (e.g. 12, bzip2, or 14, LZMA); the number is the ZIP specification's.
    case unsupportedCompression(part: String, method: Int)
    /// A part is encrypted at the ZIP level (a password-protected Excel workbook is not a ZIP archive at all).
    case encryptedPart(String)
    /// An archive entry's name is absolute or leaves the package with `..` (a crafted archive, never one Excel writes).
    case unsafeEntry(String)
    /// The shared-string table has more entries than ``XLSXReader/Limits/maxSharedStrings``.
    case tooManySharedStrings(limit: Int)
    /// A part is well-formed XML but not valid SpreadsheetML: a bad cell reference, an unknown cell type, a
    /// number that is not a number, a shared-string index out of range.
    case malformed(part: String, line: Int)
    /// A part is not acceptable XML; the ``XMLReadError`` says why (``XMLReadError/Code/dtdForbidden``,
    /// ``XMLReadError/Code/notUTF8``, ``XMLReadError/Code/malformed``, …) and where.
    case xml(part: String, error: XMLReadError)

    /// A constant English sentence naming the part, safe to log.
    public var description: String {
        switch self {
        case .unreadable: "The workbook file could not be opened or read."
        case .notZip: "The file is not a ZIP archive, so it is not an XLSX workbook."
        case .missingPart(let part): "The workbook has no part \(part)."
        case .missingSheet(let name): "The workbook has no worksheet named \(name)."
        case .zipBomb(let part): "The part \(part) is larger than the size limit."
        case .corruptPart(let part): "The part \(part) cannot be decompressed intact."
        case .unsupportedCompression(let part, let method):
            "The part \(part) uses ZIP compression method \(method); only stored (0) and deflated (8) are read."
        case .encryptedPart(let part): "The part \(part) is encrypted."
        case .unsafeEntry(let name): "The archive has an entry outside the package: \(name)."
        case .tooManySharedStrings(let limit): "The shared-string table has more than \(limit) entries."
        case .malformed(let part, let line): "\(part):\(line): the part is not valid SpreadsheetML."
        case .xml(let part, let error): "\(part): \(error.description)"
        }
    }
}

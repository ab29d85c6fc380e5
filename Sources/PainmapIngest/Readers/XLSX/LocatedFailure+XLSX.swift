public import PainmapCore

extension FailureCode {
    /// The workbook file could not be opened or read (74).
    public static let xlsxUnreadable = FailureCode(rawValue: "xlsx.unreadable")
    /// The file is not a ZIP archive, so it is no XLSX workbook (perhaps a CSV or an old binary `.xls`) (65).
    public static let xlsxNotZip = FailureCode(rawValue: "xlsx.not_zip")
    /// A part the workbook needs is absent: the workbook, its relationships, or the sheet a relationship names (65).
    public static let xlsxMissingPart = FailureCode(rawValue: "xlsx.missing_part")
    /// No worksheet has the requested name (65).
    public static let xlsxMissingSheet = FailureCode(rawValue: "xlsx.missing_sheet")
    /// A part declares or decompresses to more bytes than ``XLSXReader/Limits/maxPartBytes`` (65).
    public static let xlsxZipBomb = FailureCode(rawValue: "xlsx.zip_bomb")
    /// A part cannot be decompressed, fails its CRC check, or decompresses to a size other than it declares (65).
    public static let xlsxCorruptPart = FailureCode(rawValue: "xlsx.corrupt_part")
    /// A part is compressed with a method other than stored (0) or deflated (8), which Excel and LibreOffice never
    /// use: 12 is bzip2, 14 LZMA (65).
    public static let xlsxUnsupportedCompression = FailureCode(rawValue: "xlsx.unsupported_compression")
    /// A part is encrypted at the ZIP level (a password-protected Excel workbook is not a ZIP archive at all) (65).
    public static let xlsxEncryptedPart = FailureCode(rawValue: "xlsx.encrypted_part")
    /// An archive entry's name is absolute or leaves the package with `..` (a crafted archive) (65).
    public static let xlsxUnsafeEntry = FailureCode(rawValue: "xlsx.unsafe_entry")
    /// The shared-string table has more entries than ``XLSXReader/Limits/maxSharedStrings`` (65).
    public static let xlsxTooManySharedStrings = FailureCode(rawValue: "xlsx.too_many_shared_strings")
    /// A part is well-formed XML but not valid SpreadsheetML: a bad cell reference, an unknown cell type, a number
    /// that is not a number, a shared-string index out of range (65).
    public static let xlsxMalformed = FailureCode(rawValue: "xlsx.malformed")

    /// Whether this is one of the `xlsx.*` codes the workbook reader throws.
    var isXLSX: Bool { rawValue.hasPrefix("xlsx.") }

    /// The quarantine reason a workbook code rejects a file with.
    var xlsxQuarantineReason: QuarantineReason {
        switch self {
        case .xlsxZipBomb, .xlsxTooManySharedStrings: .zipBomb
        case .xlsxMalformed: .malformedXML
        default: .notZip
        }
    }
}

/// Why a workbook could not be read. A part's XML that is not acceptable keeps its `xml.*` code, located in the part
/// (`xl/worksheets/sheet1.xml:12`). The location names a part of the package (never the workbook file, which the
/// reader does not know by its display name) and no message carries cell content, so a failure can be logged and shown
/// as is.
extension LocatedFailure {
    private static func xlsx(_ code: FailureCode, part: String? = nil, line: Int? = nil, _ message: String)
        -> LocatedFailure
    {
        LocatedFailure(
            code,
            at: part.map { SourceLocation(path: $0, line: line) },
            message: message,
            status: code == .xlsxUnreadable ? .ioError : .dataError
        )
    }

    static let xlsxUnreadable = xlsx(.xlsxUnreadable, "книга XLSX не читается; проверьте путь и права доступа")
    static let xlsxNotZip = xlsx(
        .xlsxNotZip,
        "файл не является книгой XLSX (не ZIP-архив); сохраните выгрузку как .xlsx"
    )

    static func xlsxMissingPart(_ part: String) -> LocatedFailure {
        xlsx(
            .xlsxMissingPart,
            part: part,
            "в книге XLSX нет целой части \(part); пересохраните файл в Excel или LibreOffice"
        )
    }

    static func xlsxCorruptPart(_ part: String) -> LocatedFailure {
        xlsx(
            .xlsxCorruptPart,
            part: part,
            "в книге XLSX нет целой части \(part); пересохраните файл в Excel или LibreOffice"
        )
    }

    static func xlsxMissingSheet(_ name: String) -> LocatedFailure {
        xlsx(.xlsxMissingSheet, "в книге нет листа «\(name)»")
    }

    static func xlsxZipBomb(part: String) -> LocatedFailure {
        xlsx(.xlsxZipBomb, part: part, "часть книги \(part) распаковывается в слишком большой объём; файл отклонён")
    }

    static func xlsxUnsupportedCompression(part: String, method: Int) -> LocatedFailure {
        xlsx(
            .xlsxUnsupportedCompression,
            part: part,
            "часть книги \(part) сжата методом ZIP №\(method), а читаются только методы 0 и 8 (так сохраняют Excel и LibreOffice); пересохраните файл в Excel или LibreOffice"
        )
    }

    static func xlsxEncryptedPart(_ part: String) -> LocatedFailure {
        xlsx(.xlsxEncryptedPart, part: part, "часть книги \(part) зашифрована; сохраните выгрузку без пароля")
    }

    static func xlsxUnsafeEntry(_ name: String) -> LocatedFailure {
        xlsx(
            .xlsxUnsafeEntry,
            part: name,
            "в архиве есть файл с путём за пределами книги (../ или абсолютный путь): это не выгрузка Excel, файл отклонён"
        )
    }

    static func xlsxTooManySharedStrings(limit: Int) -> LocatedFailure {
        xlsx(.xlsxTooManySharedStrings, "в книге больше \(limit) общих строк; файл отклонён")
    }

    static func xlsxMalformed(part: String, line: Int) -> LocatedFailure {
        xlsx(.xlsxMalformed, part: part, line: line, "часть книги \(part) повреждена (строка \(line) XML)")
    }
}

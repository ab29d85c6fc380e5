public import Foundation
public import PainmapCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes `.xlsx` workbooks that open in Excel, LibreOffice and openpyxl, byte-identical for identical input.
///
/// The package is the minimal valid SpreadsheetML set: `[Content_Types].xml`, `_rels/.rels`, `xl/workbook.xml`,
/// `xl/_rels/workbook.xml.rels`, `xl/styles.xml` (a bold header style and a `dd.mm.yyyy hh:mm` date style) and one
/// `xl/worksheets/sheetN.xml` per sheet. Text is stored as inline strings, so no shared-string table is needed;
/// the header row is bold and frozen; column widths are applied. Every sheet prints on A4 landscape, one page
/// wide, with its header row repeated on each page.
///
/// Report text comes from citizens. An inline string is a typed string that no spreadsheet program evaluates, so
/// text is stored as written (no apostrophe shows); text that begins like a formula (`=`, `+`, `-`, `@`, tab, CR)
/// gets the `quotePrefix` style, so it stays text when edited; see ``XLSXValue/text(_:)``. Sheet names are made valid and unique, see
/// ``sanitizedSheetNames(_:)``.
///
/// Output is deterministic: parts are written in a fixed order, deflated, with the fixed modification time
/// 1980-01-01 00:00 and fixed permissions, and nothing depends on the clock, locale or time zone.
///
/// ```swift
/// let sheet = XLSXSheet(
///     name: "Боли",
///     rows: [[.text("Тема"), .text("Обращений"), .text("Последнее")],
///            [.text("Ямы во дворах"), .integer(412), .date(lastSeen)]],
///     columnWidths: [40, 12, 18]
/// )
/// try XLSXWriter().write([sheet], to: reportURL)
/// ```
public struct XLSXWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// Writes a workbook to a file, replacing it atomically.
    ///
    /// The bytes go to a temporary file in the same directory, which is flushed to disk and renamed over `url`;
    /// readers see the old file or the complete new one, and on failure the temporary file is removed.
    /// - Parameters:
    ///   - sheets: The sheets in tab order; at least one.
    ///   - url: The destination file URL.
    /// - Throws: ``LocatedFailure``: the content errors ``data(_:)`` reports, or ``LocatedFailure/workbookIO(path:errno:)``.
    public func write(_ sheets: [XLSXSheet], to url: URL) throws(LocatedFailure) {
        let bytes = try data(sheets)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let temporaryPath = temporary.path
        do throws(LocatedFailure) {
            try Self.writeDurably(bytes, to: temporaryPath)
            guard rename(temporaryPath, url.path) == 0 else { throw .workbookIO(path: url.path, errno: errno) }
        } catch {
            unlink(temporaryPath)
            throw error
        }
        Self.syncDirectory(directory.path)
    }

    /// Returns the bytes of a workbook.
    ///
    /// - Parameter sheets: The sheets in tab order; at least one.
    /// - Returns: A complete `.xlsx` file.
    /// - Throws: ``LocatedFailure``: ``LocatedFailure/workbookNoSheets``, ``LocatedFailure/workbookTooManyRows(sheet:)``,
    ///   ``LocatedFailure/workbookTooManyColumns(sheet:row:)``, ``LocatedFailure/workbookNonFiniteNumber(sheet:row:column:)``,
    ///   ``LocatedFailure/workbookDateOutOfRange(sheet:row:column:)`` or ``LocatedFailure/workbookPackaging``.
    public func data(_ sheets: [XLSXSheet]) throws(LocatedFailure) -> Data {
        guard !sheets.isEmpty else { throw .workbookNoSheets }
        let names = Self.sanitizedSheetNames(sheets.map(\.name))
        var parts: [(path: String, bytes: [UInt8])] = [
            ("[Content_Types].xml", Self.contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", Self.packageRelationships()),
            ("xl/workbook.xml", Self.workbook(sheetNames: names)),
            ("xl/_rels/workbook.xml.rels", Self.workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", Self.styles()),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(
                ("xl/worksheets/sheet\(index + 1).xml", try Self.worksheet(sheet, index: index, isFirst: index == 0))
            )
        }
        return try Self.package(parts)
    }

    /// The parts as a ZIP package: each deflated, in order, dated 1980-01-01 00:00 (``ZIPWriter``'s default), mode
    /// 0644.
    private static func package(_ parts: [(path: String, bytes: [UInt8])]) throws(LocatedFailure) -> Data {
        var entries: [ZIPWriter.Entry] = []
        entries.reserveCapacity(parts.count)
        for part in parts { entries.append(try .deflated(part.path, part.bytes)) }
        return Data(ZIPWriter.archive(entries))
    }

    private static func writeDurably(_ data: Data, to path: String) throws(LocatedFailure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .workbookIO(path: path, errno: errno) }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = posixWrite(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw .workbookIO(path: path, errno: failure) }
    }

    /// Makes the rename durable; best effort, since some file systems refuse to sync a directory.
    private static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }
}

/// `write(2)`, named apart from ``XLSXWriter/write(_:to:)``, which would shadow it inside the type.
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
    #else
        Darwin.write(descriptor, buffer, count)
    #endif
}

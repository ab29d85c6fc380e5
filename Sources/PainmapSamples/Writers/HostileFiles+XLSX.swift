import Foundation
import PainmapCore

/// Broken site workbooks: truncated, empty, path-traversal entries, escaping relationships, lying sizes, bad dates.
extension HostileFiles {
    /// One inline-text cell.
    enum Cell {
        case text(String)
    }

    static let siteHeader = [
        "Рег. номер", "Дата регистрации", "Дата ответа", "Плановая дата ответа", "Регион", "Населённый пункт",
        "Тематика",
        "Код ТОТК", "Содержание обращения", "Состояние", "Ведомство",
    ]

    static func siteRow(_ id: Int, date: Cell = .text("01.04.2026 10:00")) -> [Cell] {
        [
            .text("ОГ-НСО-\(id)/26"), date, .text(""), .text("01.05.2026"), .text("54"), .text("Новосибирск"),
            .text("ЖКХ"),
            .text("0003.0009.0099.0001"), .text("Во дворе не вывозят мусор вторую неделю"), .text("Зарегистрировано"),
            .text("Министерство ЖКХ и энергетики"),
        ]
    }

    /// The parts of a one-sheet workbook with inline strings.
    static func workbookParts(_ rows: [[Cell]], sheetTarget: String = "worksheets/sheet1.xml") -> [ZIPWriter.Entry] {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        var sheet =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        for (index, row) in rows.enumerated() {
            sheet += "<row r=\"\(index + 1)\">"
            for (column, cell) in row.enumerated() {
                let reference = String(UnicodeScalar(UInt8(65 + column))) + "\(index + 1)"
                switch cell {
                case .text(let text):
                    sheet += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escape(text))</t></is></c>"
                }
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>\n"
        let types = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
            """
        let rels = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """
        let workbook = """
            <?xml version="1.0" encoding="UTF-8"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Обращения" sheetId="1" r:id="rId1"/></sheets></workbook>
            """
        let workbookRels = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="\(sheetTarget)"/></Relationships>
            """
        return [
            .sample("[Content_Types].xml", Array(types.utf8)),
            .sample("_rels/.rels", Array(rels.utf8)),
            .sample("xl/workbook.xml", Array(workbook.utf8)),
            .sample("xl/_rels/workbook.xml.rels", Array(workbookRels.utf8)),
            .sample("xl/worksheets/sheet1.xml", Array(sheet.utf8)),
        ]
    }

    static func xlsx() -> [File] {
        var collector = Collector(format: "xlsx", layout: "site-xlsx", defaultEncoding: "—")
        let header = siteHeader.map(Cell.text)
        let parts = workbookParts([header, siteRow(1001), siteRow(1002)])
        let whole = ZIPWriter.archive(parts)
        collector.add(
            "site_truncated.xlsx",
            2,
            Array(whole.prefix(whole.count * 3 / 5)),
            "книга обрезана на 60 % (нет центрального каталога ZIP)",
            "файл отклонён",
            "not_zip"
        )
        collector.add("site_empty.xlsx", 0, [], "0 байт", "файл отклонён", "not_zip")
        collector.add(
            "site_path_traversal.xlsx",
            2,
            ZIPWriter.archive(parts + [.sample("../../evil.sh", Array("rm -rf ~\n".utf8))]),
            "рабочая книга плюс запись архива `../../evil.sh`",
            "файл отклонён целиком, ничего не распаковано",
            "not_zip"
        )
        collector.add(
            "site_absolute_path.xlsx",
            2,
            ZIPWriter.archive(
                parts + [.sample("/etc/cron.d/evil", Array("* * * * * root id\n".utf8))]
            ),
            "рабочая книга плюс запись архива `/etc/cron.d/evil`",
            "файл отклонён целиком",
            "not_zip"
        )
        collector.add(
            "site_relationship_escape.xlsx",
            2,
            ZIPWriter.archive(workbookParts([header, siteRow(1011)], sheetTarget: "../../../evil.xml")),
            "связь листа указывает на `../../../evil.xml` за пределами пакета",
            "файл отклонён: листа в книге нет",
            "not_zip"
        )
        var lying = parts
        lying[4].uncompressedSize = 300 << 20
        collector.add(
            "site_lying_size.xlsx",
            2,
            ZIPWriter.archive(lying),
            "лист объявляет размер 300 МиБ (больше предела 200 МиБ)",
            "файл отклонён до распаковки",
            "zip_bomb"
        )
        collector.add(
            "site_not_a_workbook.xlsx",
            0,
            ZIPWriter.archive([.sample("readme.txt", Array("не книга\n".utf8))]),
            "ZIP-архив без частей книги",
            "файл отклонён",
            "not_zip"
        )
        collector.add(
            "site_dates.xlsx",
            4,
            ZIPWriter.archive(
                workbookParts([
                    header, siteRow(1021), siteRow(1022, date: .text("01.01.1900 10:00")),
                    siteRow(1023, date: .text("31.02.2026 10:00")),
                    siteRow(1024, date: .text("01.04.2099 10:00")),
                ])
            ),
            "даты 01.01.1900, 31.02.2026 и 01.04.2099 (будущее)",
            "строка 1 сохранена; 2, 4 → `date_out_of_range`; 3 → `bad_date`",
            "date_out_of_range`, `bad_date"
        )
        return collector.files
    }
}

extension ZIPWriter.Entry {
    /// A stored entry with the header fields the hostile workbooks have always had (no UTF-8 flag, "made by" MS-DOS
    /// 2.0, no attributes, dated 2026-01-01), so regenerated samples keep their bytes.
    ///
    /// - Parameters:
    ///   - name: The name inside the archive, which may leave the package on purpose.
    ///   - bytes: The entry's data.
    /// - Returns: The entry; set ``ZIPWriter/Entry/uncompressedSize`` afterwards to make it lie.
    static func sample(_ name: String, _ bytes: [UInt8]) -> ZIPWriter.Entry {
        var entry = ZIPWriter.Entry.stored(name, bytes)
        entry.flags = 0
        entry.modificationDate = 0x5C21
        entry.versionMadeBy = 20
        entry.externalAttributes = 0
        return entry
    }
}

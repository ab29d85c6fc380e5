import Foundation

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
    static func workbookParts(_ rows: [[Cell]], sheetTarget: String = "worksheets/sheet1.xml") -> [StoredZipWriter
        .Entry]
    {
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
            .init(name: "[Content_Types].xml", bytes: Array(types.utf8)),
            .init(name: "_rels/.rels", bytes: Array(rels.utf8)),
            .init(name: "xl/workbook.xml", bytes: Array(workbook.utf8)),
            .init(name: "xl/_rels/workbook.xml.rels", bytes: Array(workbookRels.utf8)),
            .init(name: "xl/worksheets/sheet1.xml", bytes: Array(sheet.utf8)),
        ]
    }

    static func xlsx() -> [File] {
        var collector = Collector(format: "xlsx", layout: "site-xlsx", defaultEncoding: "—")
        let header = siteHeader.map(Cell.text)
        let parts = workbookParts([header, siteRow(1001), siteRow(1002)])
        let whole = StoredZipWriter.archive(parts)
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
            StoredZipWriter.archive(parts + [.init(name: "../../evil.sh", bytes: Array("rm -rf ~\n".utf8))]),
            "рабочая книга плюс запись архива `../../evil.sh`",
            "файл отклонён целиком, ничего не распаковано",
            "not_zip"
        )
        collector.add(
            "site_absolute_path.xlsx",
            2,
            StoredZipWriter.archive(
                parts + [.init(name: "/etc/cron.d/evil", bytes: Array("* * * * * root id\n".utf8))]
            ),
            "рабочая книга плюс запись архива `/etc/cron.d/evil`",
            "файл отклонён целиком",
            "not_zip"
        )
        collector.add(
            "site_relationship_escape.xlsx",
            2,
            StoredZipWriter.archive(workbookParts([header, siteRow(1011)], sheetTarget: "../../../evil.xml")),
            "связь листа указывает на `../../../evil.xml` за пределами пакета",
            "файл отклонён: листа в книге нет",
            "not_zip"
        )
        var lying = parts
        lying[4].declaredSize = 300 << 20
        collector.add(
            "site_lying_size.xlsx",
            2,
            StoredZipWriter.archive(lying),
            "лист объявляет размер 300 МиБ (больше предела 200 МиБ)",
            "файл отклонён до распаковки",
            "zip_bomb"
        )
        collector.add(
            "site_not_a_workbook.xlsx",
            0,
            StoredZipWriter.archive([.init(name: "readme.txt", bytes: Array("не книга\n".utf8))]),
            "ZIP-архив без частей книги",
            "файл отклонён",
            "not_zip"
        )
        collector.add(
            "site_dates.xlsx",
            4,
            StoredZipWriter.archive(
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

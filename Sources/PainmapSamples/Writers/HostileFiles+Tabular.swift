/// Broken ПОС CSV exports: wrong and mixed encodings, NUL bytes, truncation, quote bombs, bad numbers and dates.
extension HostileFiles {
    static func tabular() -> [File] {
        let rows = [row(302_000_001), row(302_000_002), row(302_000_003)]
        let text = ([header] + rows).joined(separator: "\r\n") + "\r\n"
        let cp1251 = { (text: String) -> [UInt8] in (try? CP1251Encoder().encode(text)) ?? [] }
        var collector = Collector(format: "csv", layout: "pos-csv")
        func add(
            _ name: String,
            _ encoding: String,
            _ records: Int,
            _ bytes: [UInt8],
            _ damage: String,
            _ outcome: String,
            _ reason: String
        ) {
            collector.add(name, records, bytes, damage, outcome, reason, encoding: encoding)
        }

        add(
            "pos_utf16le_bom.csv",
            "UTF-16LE",
            3,
            [0xFF, 0xFE] + utf16(text, littleEndian: true),
            "UTF-16LE с BOM `FF FE`",
            "файл отклонён: в заголовке байты NUL",
            "bad_encoding"
        )
        add(
            "pos_utf16be_bom.csv",
            "UTF-16BE",
            3,
            [0xFE, 0xFF] + utf16(text, littleEndian: false),
            "UTF-16BE с BOM `FE FF`",
            "файл отклонён",
            "bad_encoding"
        )
        add(
            "pos_utf16le_nobom.csv",
            "UTF-16LE",
            3,
            utf16(text, littleEndian: true),
            "UTF-16LE без BOM",
            "файл отклонён",
            "bad_encoding"
        )
        add(
            "pos_cp1251_with_utf8_bom.csv",
            "CP1251 с BOM UTF-8",
            3,
            [0xEF, 0xBB, 0xBF] + cp1251(text),
            "BOM UTF-8, а байты — CP1251 (кодировка объявлена неверно)",
            "файл отклонён: BOM фиксирует UTF-8, заголовок не UTF-8",
            "bad_encoding"
        )

        var mixed = Array(([header, rows[0]].joined(separator: "\r\n") + "\r\n").utf8)
        mixed += cp1251(row(302_000_012) + "\r\n") + Array((row(302_000_013) + "\r\n").utf8)
        add(
            "pos_mixed_encoding_rows.csv",
            "UTF-8 + CP1251",
            3,
            mixed,
            "заголовок и строки 1, 3 в UTF-8, строка 2 в CP1251",
            "строки 1 и 3 сохранены, строка 2 в карантине",
            "bad_encoding"
        )

        var reverse = cp1251(([header, row(302_000_021), row(302_000_022)].joined(separator: "\r\n")) + "\r\n")
        reverse += Array((row(302_000_023) + "\r\n").utf8)
        add(
            "pos_cp1251_then_utf8.csv",
            "CP1251 + UTF-8",
            3,
            reverse,
            "заголовок и строки 1–2 в CP1251, строка 3 в UTF-8 (в ней байт 0x98 буквы «И», не определённый в CP1251)",
            "строки 1–2 сохранены, строка 3 в карантине",
            "bad_encoding"
        )

        var nul = Array(([header, row(302_000_031)].joined(separator: "\r\n") + "\r\n").utf8)
        nul += Array(row(302_000_032, text: "Очередь\u{0}\u{0}не двигается").utf8) + [0x0D, 0x0A]
        nul += Array((row(302_000_033) + "\r\n").utf8)
        add(
            "pos_nul_bytes.csv",
            "UTF-8",
            3,
            nul,
            "байты NUL в тексте строки 2",
            "строки 1 и 3 сохранены, строка 2 в карантине",
            "bad_encoding"
        )

        add(
            "pos_header_only.csv",
            "UTF-8",
            0,
            csv([header]),
            "только заголовок",
            "файл отклонён: нет строк данных",
            "empty_file"
        )
        add(
            "pos_blank_lines.csv",
            "—",
            0,
            Array("\r\n\r\n\r\n".utf8),
            "только пустые строки",
            "файл отклонён",
            "empty_file"
        )
        add("pos_bom_only.csv", "UTF-8 BOM", 0, [0xEF, 0xBB, 0xBF], "только BOM UTF-8", "файл отклонён", "empty_file")

        var cutUTF8 = Array(([header, row(302_000_041)].joined(separator: "\r\n") + "\r\n").utf8)
        let second = Array(row(302_000_042).utf8)
        let textStart = offset(of: Array("Очередь".utf8), in: second)
        cutUTF8 += second[..<(textStart + 3)]  // «О» and the first byte of «ч»
        add(
            "pos_truncated_mid_utf8.csv",
            "UTF-8",
            2,
            cutUTF8,
            "обрыв посреди двухбайтовой буквы в строке 2",
            "строка 1 сохранена, строка 2 в карантине",
            "bad_encoding"
        )

        let cutRow =
            [header, row(302_000_051)].joined(separator: "\r\n") + "\r\n"
            + "302000052;14.04.2026 10:20;;24.04.2026 10:20;50"
        add(
            "pos_truncated_mid_row.csv",
            "UTF-8",
            2,
            Array(cutRow.utf8),
            "обрыв после пятого поля строки 2",
            "строка 1 сохранена, строка 2 в карантине",
            "wrong_field_count"
        )

        let cutHeader = String(header.prefix(40))
        add(
            "pos_truncated_header.csv",
            "UTF-8",
            0,
            Array(cutHeader.utf8),
            "обрыв посреди заголовка",
            "файл отклонён: нет обязательных столбцов",
            "missing_columns"
        )

        var bomb = [header, row(302_000_061)].joined(separator: "\r\n") + "\r\n\""
        for id in 0..<150 { bomb += row(302_000_100 + id) + "\r\n" }
        add(
            "pos_quote_bomb.csv",
            "UTF-8",
            2,
            Array(bomb.utf8),
            "строка 2 начинается с незакрытой кавычки, за ней ещё 150 строк",
            "строка 1 сохранена; всё от кавычки — одна строка в карантине",
            "unterminated_quote"
        )

        add(
            "pos_numbers_as_text.csv",
            "UTF-8",
            3,
            csv([header, row(302_000_071), row(302_000_072, region: "50.0"), row(302_000_073, date: "46126.4375")]),
            "строка 2: код региона `50.0` (число из Excel); строка 3: дата `46126.4375` (серийный номер Excel)",
            "строка 1 сохранена, 2 → `unknown_region`, 3 → `bad_date`",
            "unknown_region`, `bad_date"
        )

        add(
            "pos_dates.csv",
            "UTF-8",
            5,
            csv([
                header, row(302_000_081), row(302_000_082, date: "01.01.1900 10:00"),
                row(302_000_083, date: "14.04.2099 10:00"),
                row(302_000_084, date: "31.02.2026 10:00"), row(302_000_085, date: "00.00.0000 00:00"),
            ]),
            "даты 01.01.1900, 14.04.2099 (будущее), 31.02.2026, 00.00.0000",
            "строка 1 сохранена; 2, 3 → `date_out_of_range`; 4, 5 → `bad_date`",
            "date_out_of_range`, `bad_date"
        )

        add(
            "pos_extra_fields.csv",
            "UTF-8",
            2,
            csv([header, row(302_000_091), row(302_000_092) + ";лишнее;ещё"]),
            "в строке 2 на два поля больше, чем в заголовке",
            "строка 1 сохранена, строка 2 в карантине",
            "wrong_field_count"
        )
        return collector.files
    }

    static func utf16(_ text: String, littleEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit -> [UInt8] in
            let low = UInt8(unit & 0xFF)
            let high = UInt8(unit >> 8)
            return littleEndian ? [low, high] : [high, low]
        }
    }
}

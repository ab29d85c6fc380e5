/// Broken ПОС JSON exports: truncated, not JSON, empty, scalars, numbers where text belongs, NUL and bad bytes.
extension HostileFiles {
    static func jsonElement(
        _ id: Int,
        createdAt: String = "\"2026-07-03T10:00:00+07:00\"",
        region: String = "\"50\"",
        text: String = "Нет горячей воды третью неделю"
    ) -> String {
        "{\"id\": \(id), \"createdAt\": \(createdAt), \"answeredAt\": null, \"deadline\": \"2026-07-13T10:00:00+07:00\", "
            + "\"region\": {\"code\": \(region), \"name\": \"Новосибирская область\"}, \"municipality\": {\"name\": \"Бердск\", \"oktmo\": \"50708000\"}, "
            + "\"category\": {\"name\": \"ЖКХ\"}, \"subcategory\": {\"name\": \"Горячее водоснабжение\"}, \"text\": \"\(text)\", \"answer\": null, "
            + "\"status\": \"NEW\", \"organization\": {\"name\": \"Государственная жилищная инспекция Новосибирской области\", \"opaId\": 512345}, "
            + "\"channel\": \"app\", \"fz59\": false}"
    }

    static func json() -> [File] {
        var collector = Collector(format: "json", layout: "pos-json")
        func page(_ elements: [String]) -> String {
            "{\"content\": [\n  " + elements.joined(separator: ",\n  ") + "\n], \"totalElements\": \(elements.count)}\n"
        }

        let whole = page([jsonElement(319_000_001), jsonElement(319_000_002), jsonElement(319_000_003)])
        let cut = Array(whole.utf8)
        let secondStart = offset(of: Array("{\"id\": 319000002".utf8), in: cut)
        collector.add(
            "pos_truncated.json",
            2,
            Array(cut[..<(secondStart + 120)]),
            "обрыв посреди элемента `content[1]`",
            "элемент 0 сохранён; обрыв — одна строка в карантине",
            "malformed_json"
        )
        collector.add(
            "pos_not_json.json",
            0,
            Array("Это не JSON, а письмо: прошу разобраться.\n".utf8),
            "текст вместо JSON",
            "файл отклонён",
            "malformed_json"
        )
        collector.add("pos_empty.json", 0, [], "0 байт", "файл отклонён", "empty_file", encoding: "—")
        collector.add(
            "pos_empty_array.json",
            0,
            Array(page([]).utf8),
            "пустой массив `content`",
            "файл отклонён: нет записей",
            "empty_file"
        )
        collector.add(
            "pos_scalars.json",
            4,
            Array("[1, \"два\", null, true]\n".utf8),
            "элементы массива — не объекты",
            "все 4 элемента в карантине",
            "not_an_object"
        )
        collector.add(
            "pos_numbers_as_text.json",
            3,
            Array(
                page([
                    jsonElement(319_000_011), jsonElement(319_000_012, createdAt: "1783000000"),
                    jsonElement(319_000_013, region: "50.5"),
                ]).utf8
            ),
            "элемент 1: дата числом (Unix time); элемент 2: код региона числом `50.5`",
            "элемент 0 сохранён, 1 → `bad_date`, 2 → `unknown_region`",
            "bad_date`, `unknown_region"
        )
        var nul = Array(
            page([jsonElement(319_000_021), jsonElement(319_000_022, text: "Нет воды@@"), jsonElement(319_000_023)])
                .utf8
        )
        if let at = findBytes(nul, Array("@@".utf8)) { nul.replaceSubrange(at, with: [0x00, 0x00]) }
        collector.add(
            "pos_nul_bytes.json",
            3,
            nul,
            "байты NUL внутри строки элемента 1",
            "элементы 0 и 2 сохранены, 1 в карантине",
            "malformed_json"
        )
        var invalid = Array(
            page([jsonElement(319_000_031), jsonElement(319_000_032, text: "Нет воды@@"), jsonElement(319_000_033)])
                .utf8
        )
        if let at = findBytes(invalid, Array("@@".utf8)) { invalid.replaceSubrange(at, with: [0xFF, 0xC0]) }
        collector.add(
            "pos_invalid_utf8.json",
            3,
            invalid,
            "байты `FF C0` (не UTF-8) в строке элемента 1",
            "элементы 0 и 2 сохранены, 1 в карантине",
            "malformed_json"
        )
        collector.add(
            "pos_utf16.json",
            0,
            [0xFF, 0xFE] + utf16(page([jsonElement(319_000_041)]), littleEndian: true),
            "UTF-16LE с BOM",
            "файл отклонён",
            "malformed_json",
            encoding: "UTF-16LE"
        )
        return collector.files
    }
}

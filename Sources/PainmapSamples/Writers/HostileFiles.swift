import PainmapCore

/// Tiny broken files for `SampleFeeds/hostile/`, each named for what breaks it.
///
/// They live outside the feeds.yaml globs; tests ingest them explicitly with `--source`.
/// `hostile/README.md` (``readme``) states the expected outcome of each.
enum HostileFiles {
    struct File {
        var name: String
        var format: String
        var encoding: String
        /// Data rows / elements as written (before any rejection).
        var records: Int
        var bytes: [UInt8]
        /// The file's row in `hostile/README.md` (files of the first set are described in ``readme`` itself).
        var readmeRow: String? = nil
    }

    static let header = SampleTreeWriter.posHeader.joined(separator: ";")

    static func row(
        _ id: Int,
        date: String = "14.04.2026 10:20",
        region: String = "50",
        text: String = "Очередь в детский сад не двигается уже полгода"
    ) -> String {
        "\(id);\(date);;24.04.2026 10:20;\(region);Новосибирск;50701000;Образование;Очереди в детские сады;\(text);;"
            + "Принято;Министерство образования Новосибирской области;epgu_form;нет;Иванова Мария Петровна;+7 913 123-45-67;"
    }

    static func csv(_ lines: [String]) -> [UInt8] {
        Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func all(seed: UInt64) -> [File] {
        var files: [File] = []
        // KOI8-R bytes under the pos-csv layout.
        let koi = ([header] + (1...3).map { row(301_000_000 + $0) }).joined(separator: "\r\n") + "\r\n"
        files.append(
            File(
                name: "pos_wrong_encoding.csv",
                format: "csv",
                encoding: "KOI8-R",
                records: 3,
                bytes: KOI8REncoder.encode(koi)
            )
        )
        // Cut inside a quoted field.
        let truncated =
            [header, row(301_000_011), row(301_000_012)].joined(separator: "\r\n") + "\r\n"
            + "301000013;15.04.2026 09:00;;25.04.2026 09:00;50;Бердск;50708000;ЖКХ;Содержание общего имущества;\"Течёт крыша над квартирой, УК"
        files.append(
            File(name: "pos_truncated.csv", format: "csv", encoding: "UTF-8", records: 3, bytes: Array(truncated.utf8))
        )
        // No «Текст сообщения».
        let missing = SampleTreeWriter.posHeader.filter { $0 != "Текст сообщения" }.joined(separator: ";")
        files.append(
            File(
                name: "pos_missing_columns.csv",
                format: "csv",
                encoding: "UTF-8",
                records: 2,
                bytes: csv([
                    missing,
                    "301000021;14.04.2026 10:20;;24.04.2026 10:20;50;Новосибирск;50701000;Образование;Очереди в детские сады;;Принято;Министерство образования Новосибирской области;epgu_form;нет;;;",
                    "301000022;14.04.2026 11:20;;24.04.2026 11:20;50;Новосибирск;50701000;Образование;Очереди в детские сады;;Принято;Министерство образования Новосибирской области;epgu_form;нет;;;",
                ])
            )
        )
        // Comma-delimited though the layout says «;».
        let commaHeader = SampleTreeWriter.posHeader.joined(separator: ",")
        files.append(
            File(
                name: "pos_wrong_delimiter.csv",
                format: "csv",
                encoding: "UTF-8",
                records: 2,
                bytes: csv([
                    commaHeader,
                    "301000031,14.04.2026 10:20,,24.04.2026 10:20,50,Новосибирск,50701000,Образование,Очереди в детские сады,Очередь не двигается,,Принято,Министерство образования Новосибирской области,epgu_form,нет,,,",
                    "301000032,14.04.2026 12:00,,24.04.2026 12:00,50,Бердск,50708000,ЖКХ,Теплоснабжение,Холодно в квартире,,Принято,Государственная жилищная инспекция Новосибирской области,widget,нет,,,",
                ])
            )
        )
        // UTF-8 except row 3, whose bytes are neither UTF-8 nor windows-1251 (0x98 is undefined there).
        var invalid = Array(([header, row(301_000_041), row(301_000_042)].joined(separator: "\r\n") + "\r\n").utf8)
        invalid += Array(
            "301000043;14.04.2026 13:00;;24.04.2026 13:00;50;Обь;50715000;Образование;Очереди в детские сады;".utf8
        )
        invalid += [0xFF, 0xFE, 0x98, 0x98, 0xC0, 0x98]
        invalid += Array(";;Принято;Министерство образования Новосибирской области;epgu_form;нет;;;\r\n".utf8)
        invalid += Array(([row(301_000_044), row(301_000_045)].joined(separator: "\r\n") + "\r\n").utf8)
        files.append(
            File(
                name: "pos_invalid_utf8.csv",
                format: "csv",
                encoding: "UTF-8 (строка 3 битая)",
                records: 5,
                bytes: invalid
            )
        )
        // A 200 KB text in row 2.
        var rng = SplitMix64.derived(seed: seed, label: "hostile/oversized")
        var big = ""
        let words = [
            "очередь", "садик", "не", "двигается", "уже", "полгода", "помогите", "пожалуйста", "ребёнок", "ждём",
        ]
        while big.utf8.count < 200 * 1024 { big += rng.pick(words) + " " }
        files.append(
            File(
                name: "pos_oversized_field.csv",
                format: "csv",
                encoding: "UTF-8",
                records: 3,
                bytes: csv([header, row(301_000_051), row(301_000_052, text: "\"" + big + "\""), row(301_000_053)])
            )
        )
        files.append(File(name: "pos_empty.csv", format: "csv", encoding: "—", records: 0, bytes: []))
        // Valid layout with bad rows: 2 bad date, 3 unknown region, 4 empty text.
        files.append(
            File(
                name: "pos_bad_rows.csv",
                format: "csv",
                encoding: "UTF-8",
                records: 5,
                bytes: csv([
                    header, row(301_000_061), row(301_000_062, date: "31.02.2026 25:61"),
                    row(301_000_063, region: "99x"), row(301_000_064, text: ""), row(301_000_065),
                ])
            )
        )
        files.append(
            File(name: "mkgu_dtd.xml", format: "xml", encoding: "UTF-8", records: 1, bytes: Array(mkguDTD.utf8))
        )
        var badXML = Array(mkguForm(comment: "всё хорошо").utf8)
        if let range = findBytes(badXML, Array("<mkgu:comment>".utf8)) {
            badXML.replaceSubrange(
                range.lowerBound..<range.lowerBound,
                with: [0x3C, 0xF4, 0x3E, 0x3C, 0x2F, 0xF4, 0x3E]
            )
        }
        files.append(
            File(name: "mkgu_invalid_utf8.xml", format: "xml", encoding: "не UTF-8", records: 1, bytes: badXML)
        )
        let full = mkguForm(comment: "долго ждали в очереди")
        let cut = String(full.prefix(full.count * 2 / 3))
        files.append(
            File(name: "mkgu_truncated.xml", format: "xml", encoding: "UTF-8", records: 1, bytes: Array(cut.utf8))
        )
        files.append(
            File(
                name: "mkgu_unknown_value.xml",
                format: "xml",
                encoding: "UTF-8",
                records: 3,
                bytes: Array(mkguUnknownValue.utf8)
            )
        )
        let depth = 10_000
        let deep =
            "{\"content\": [" + String(repeating: "{\"a\": ", count: depth) + "1" + String(repeating: "}", count: depth)
            + "], \"totalElements\": 1}\n"
        files.append(
            File(name: "pos_deep.json", format: "json", encoding: "UTF-8", records: 1, bytes: Array(deep.utf8))
        )
        files.append(
            File(
                name: "pos_duplicate_keys.json",
                format: "json",
                encoding: "UTF-8",
                records: 3,
                bytes: Array(duplicateKeys.utf8)
            )
        )
        files.append(
            File(
                name: "site_not_a_zip.xlsx",
                format: "xlsx",
                encoding: "—",
                records: 0,
                bytes: Array("Рег. номер,Дата регистрации\nОГ-НСО-00001/26,01.04.2026 10:00\n".utf8)
            )
        )
        return files + tabular() + json() + xml() + xlsx()
    }

    /// Where a marker the generator itself wrote starts in its bytes (a missing marker is a bug in the generator).
    ///
    /// - Parameters:
    ///   - needle: The marker.
    ///   - haystack: The generated bytes.
    /// - Returns: The offset of the marker's first byte.
    static func offset(of needle: [UInt8], in haystack: [UInt8]) -> Int {
        guard let range = findBytes(haystack, needle) else { preconditionFailure("generated text lacks its marker") }
        return range.lowerBound
    }

    static func findBytes(_ haystack: [UInt8], _ needle: [UInt8]) -> Range<Int>? {
        guard needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<(start + needle.count)]) == needle
        {
            return start..<(start + needle.count)
        }
        return nil
    }

    static func mkguForm(
        comment: String,
        id: String = "5400000001",
        rates: [(Int, Int)] = [(9, 44), (10, 49), (11, 54), (12, 59), (13, 64)]
    ) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <mkgu:body xmlns:mkgu="http://vashkontrol.ru#" ID="mkgu">
          <mkgu:vendor id="601"/>
          <mkgu:form-version>0.0.4</mkgu:form-version>
          <mkgu:forms>
        \(formElement(id: id, comment: comment, rates: rates))  </mkgu:forms>
        </mkgu:body>

        """
    }

    static func formElement(
        id: String,
        comment: String,
        rates: [(Int, Int)],
        service: String = "Приём заявлений, постановка на учёт и зачисление детей в детские сады"
    ) -> String {
        var out = """
                <mkgu:form mkgu-id="\(id)" foreign-id="54-2026-\(id.suffix(6))">
                  <mkgu:data>
                    <mkgu:user id="241263393"/>
                    <mkgu:service id="10001720101">\(service)</mkgu:service>
                    <mkgu:procedure id="10001820101"/>
                    <mkgu:authority id="10000015401">Министерство образования Новосибирской области</mkgu:authority>
                    <mkgu:date>2026-04-05T10:20:00+07:00</mkgu:date>
                    <mkgu:received-date>2026-04-06T09:00:00+07:00</mkgu:received-date>
                    <mkgu:okato>50401000000</mkgu:okato>
                  </mkgu:data>
                  <mkgu:rates>

            """
        for (indicator, value) in rates {
            out += "        <mkgu:rate indicator-id=\"\(indicator)\" value-id=\"\(value)\"/>\n"
        }
        out += "      </mkgu:rates>\n      <mkgu:comment>\(comment)</mkgu:comment>\n    </mkgu:form>\n"
        return out
    }

    /// A form whose comment expands external and repeated entities, declared in a DOCTYPE.
    private static let mkguDTD = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE mkgu:body [
          <!ENTITY xxe SYSTEM "file:///etc/passwd">
          <!ENTITY boom "boom boom boom boom boom boom boom boom">
        ]>
        <mkgu:body xmlns:mkgu="http://vashkontrol.ru#" ID="mkgu">
          <mkgu:vendor id="601"/>
          <mkgu:form-version>0.0.4</mkgu:form-version>
          <mkgu:forms>
        \(formElement(id: "5400000001", comment: "&xxe; &boom;", rates: [(9, 42)], service: "Зачисление в детские сады"))\
          </mkgu:forms>
        </mkgu:body>

        """

    private static var mkguUnknownValue: String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <mkgu:body xmlns:mkgu="http://vashkontrol.ru#" ID="mkgu">
          <mkgu:vendor id="601"/>
          <mkgu:form-version>0.0.4</mkgu:form-version>
          <mkgu:forms>
        \(formElement(id: "5400000001", comment: "нормально", rates: [(9, 44), (10, 49), (11, 54), (12, 59), (13, 64)]))\
        \(formElement(id: "5400000002", comment: "долго", rates: [(9, 999), (10, 47), (11, 53), (12, 58), (13, 63)]))\
        \(formElement(id: "5400000003", comment: "", rates: [(9, 43), (77, 45), (11, 53), (12, 58), (13, 63)]))\
          </mkgu:forms>
        </mkgu:body>

        """
    }

    private static let duplicateKeys = """
        {"content": [
          {"id": 318000001, "createdAt": "2026-07-03T10:00:00+07:00", "answeredAt": null, "deadline": "2026-07-13T10:00:00+07:00", "region": {"code": "50", "name": "Новосибирская область"}, "municipality": {"name": "Новосибирск", "oktmo": "50701000"}, "category": {"name": "ЖКХ"}, "subcategory": {"name": "Горячее водоснабжение"}, "text": "Нет горячей воды третью неделю", "answer": null, "status": "NEW", "organization": {"name": "Государственная жилищная инспекция Новосибирской области", "opaId": 512345}, "channel": "app", "fz59": false, "author": {"name": "Петров Иван Сергеевич", "phone": "+7 913 765-43-21"}},
          {"id": 318000002, "createdAt": "2026-07-03T11:00:00+07:00", "answeredAt": null, "deadline": "2026-07-13T11:00:00+07:00", "region": {"code": "50", "name": "Новосибирская область"}, "municipality": {"name": "Бердск", "oktmo": "50708000"}, "category": {"name": "ЖКХ"}, "subcategory": {"name": "Горячее водоснабжение"}, "text": "Горячей воды нет", "text": "Отключили свет", "answer": null, "status": "NEW", "status": "CLOSED", "organization": {"name": "Государственная жилищная инспекция Новосибирской области", "opaId": 512345}, "channel": "app", "fz59": false, "author": {"name": "Петрова Анна Ивановна", "phone": "89131112233"}},
          {"id": 318000003, "createdAt": "2026-07-04T09:30:00+07:00", "answeredAt": null, "deadline": "2026-07-14T09:30:00+07:00", "region": {"code": "50", "name": "Новосибирская область"}, "municipality": {"name": "Обь", "oktmo": "50715000"}, "category": {"name": "Образование"}, "subcategory": {"name": "Навигатор дополнительного образования"}, "text": "Навигатор не работает", "answer": null, "status": "NEW", "organization": {"name": "Министерство образования Новосибирской области", "opaId": 523456}, "channel": "widget", "fz59": false, "author": {"name": "Сидорова Ольга Викторовна", "phone": "+7(923)4445566"}}
        ],
        "totalElements": 3}

        """

    /// `hostile/README.md`: each file and the outcome ingest must produce.
    static var readme: String {
        """
        # SampleFeeds/hostile — повреждённые файлы

        Эти файлы **не** попадают под шаблоны `paths` из `Config/feeds.yaml` (они лежат в `hostile/`); тесты загружают их
        явно, указывая раскладку (`--source pos-csv`, `pos-json`, `portal-mkgu`, `site-xlsx`). Строки считаются с 1 после
        заголовка («строка 2» = вторая строка данных); физическая строка файла = строка данных + 1.

        | файл | раскладка | чем испорчен | ожидаемый результат | причина |
        | --- | --- | --- | --- | --- |
        | `pos_wrong_encoding.csv` | pos-csv | заголовок и 3 строки в KOI8-R | файл отклонён целиком: это не UTF-8, а прочитанный как cp1251 заголовок не содержит ни одного столбца раскладки | `bad_encoding` |
        | `pos_truncated.csv` | pos-csv | обрыв внутри поля в кавычках (строка 3) | строки 1–2 сохранены, строка 3 в карантине | `unterminated_quote` |
        | `pos_missing_columns.csv` | pos-csv | нет столбца «Текст сообщения» | файл отклонён целиком | `missing_columns` |
        | `pos_wrong_delimiter.csv` | pos-csv | разделитель `,` вместо `;` — заголовок читается как один столбец | файл отклонён целиком | `missing_columns` |
        | `pos_invalid_utf8.csv` | pos-csv | UTF-8, но в строке 3 байты `FF FE 98 98 C0 98` (0x98 не определён и в cp1251) | строки 1, 2, 4, 5 сохранены с правильной кириллицей, строка 3 в карантине | `bad_encoding` |
        | `pos_oversized_field.csv` | pos-csv | в строке 2 текст ≈ 200 КБ (больше предела поля 64 КиБ) | строки 1 и 3 сохранены, строка 2 в карантине | `field_too_long` |
        | `pos_empty.csv` | pos-csv | 0 байт | файл отклонён целиком | `empty_file` |
        | `pos_bad_rows.csv` | pos-csv | строка 2: дата `31.02.2026 25:61`; строка 3: «Код региона» `99x`; строка 4: пустой «Текст сообщения» | строки 1 и 5 сохранены; 2 → `bad_date`, 3 → `unknown_region`, 4 → `missing_required` | `bad_date`, `unknown_region`, `missing_required` |
        | `mkgu_dtd.xml` | portal-mkgu | `<!DOCTYPE>` с внешней и внутренней сущностями (XXE) | файл отклонён до разбора, ничего не прочитано | `dtd_forbidden` |
        | `mkgu_invalid_utf8.xml` | portal-mkgu | элемент `<\\xF4></\\xF4>` (байт F4 в имени, не UTF-8) | файл отклонён целиком, процесс не падает | `not_utf8` |
        | `mkgu_truncated.xml` | portal-mkgu | обрыв посреди формы | файл отклонён целиком | `malformed_xml` |
        | `mkgu_unknown_value.xml` | portal-mkgu | форма 2: `value-id="999"`; форма 3: `indicator-id="77"` | форма 1 сохранена, формы 2 и 3 в карантине | `unknown_rate_value` |
        | `pos_deep.json` | pos-json | вложенность 10 000 уровней в элементе `content[0]` | ничего не сохранено, элемент 0 в карантине; без переполнения стека | `too_deep` |
        | `pos_duplicate_keys.json` | pos-json | элемент `content[1]` повторяет ключи `text` и `status` | элементы 0 и 2 сохранены, элемент 1 в карантине | `duplicate_key` |
        | `site_not_a_zip.xlsx` | site-xlsx | текст вместо ZIP-архива | файл отклонён целиком | `not_zip` |
        \((tabular() + json() + xml() + xlsx()).compactMap(\.readmeRow).joined(separator: "\n"))

        Итог по строкам (read = stored + quarantined + duplicate): `pos_truncated.csv` 3 = 2 + 1; `pos_invalid_utf8.csv`
        5 = 4 + 1; `pos_oversized_field.csv` 3 = 2 + 1; `pos_bad_rows.csv` 5 = 2 + 3; `mkgu_unknown_value.xml` 3 = 1 + 2;
        `pos_duplicate_keys.json` 3 = 2 + 1; `pos_deep.json` 1 = 0 + 1.

        Ещё 6 больших файлов (10–20 МБ: поле 10 МБ, заголовок из 1 000 000 столбцов, «кавычечная бомба» 20 МБ, JSON
        глубиной 100 000, строка JSON 10 МБ, 1 000 001 общая строка XLSX) здесь не хранятся: их пишет
        `painmap samples --large-hostile --out КАТАЛОГ` (`LargeHostileFiles`), а тесты — во временный каталог.

        """
    }
}

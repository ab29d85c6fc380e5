import Foundation
import PainmapCore
import PainmapReports

/// Turns a built ``SampleCorpus`` into file bytes and the manifest's file entries.
struct SampleTreeWriter {
    var corpus: SampleCorpus
    var files: [(path: String, bytes: [UInt8])] = []
    var entries: [SampleManifest.File] = []
    var exactDuplicates: [SampleManifest.NamedCount] = []
    private var rng: SplitMix64

    init(corpus: SampleCorpus) {
        self.corpus = corpus
        rng = SplitMix64.derived(seed: corpus.seed, label: "tree-writer")
    }

    mutating func writeAll() throws {
        for quarter in SampleCorpus.quarters {
            try writePOS(quarter)
        }
        for quarter in SampleCorpus.quarters {
            for region in SampleRegion.all { try writeSite(region, quarter) }
        }
        for quarter in SampleCorpus.quarters {
            for region in SampleRegion.all { try writeHotline(region, quarter) }
        }
        for quarter in SampleCorpus.quarters {
            for region in SampleRegion.all { try writeMKGU(region, quarter) }
        }
        for quarter in SampleCorpus.quarters { try writeSurvey(quarter) }
    }

    // MARK: Helpers

    private mutating func add(
        _ path: String,
        _ bytes: [UInt8],
        source: String,
        format: String,
        encoding: String,
        regions: [String],
        quarter: SampleQuarter,
        labels: [RecordLabel]
    ) {
        files.append((path, bytes))
        let situations = SituationDefinition.all.map { situation in
            SampleManifest.SituationCount(
                situationID: situation.id,
                records: labels.filter { $0.situationID == situation.id }.count
            )
        }
        entries.append(
            SampleManifest.File(
                path: path,
                source: source,
                format: format,
                encoding: encoding,
                regions: regions,
                quarter: quarter.label,
                records: labels.count,
                situations: situations
            )
        )
    }

    /// Repeats a few rows verbatim later in the file (an exporter that paged twice over one row).
    private mutating func withExactDuplicates<Row>(_ rows: [Row], labels: [RecordLabel], count: Int, path: String)
        -> ([Row], [RecordLabel])
    {
        guard rows.count > 4, count > 0 else { return (rows, labels) }
        var outRows = rows
        var outLabels = labels
        for _ in 0..<count {
            let source = rng.below(outRows.count - 2)
            let target = rng.int(in: (source + 1)...outRows.count)
            outRows.insert(outRows[source], at: target)
            var label = outLabels[source]
            label.isDuplicate = true
            outLabels.insert(label, at: target)
        }
        exactDuplicates.append(SampleManifest.NamedCount(name: path, count: count))
        return (outRows, outLabels)
    }

    private var duplicateCount: Int { max(1, Int((3 * corpus.scale).rounded())) }

    /// Most spreadsheet date cells are text; about one in five is a real date cell.
    private mutating func dateCell(_ date: LocalDateTime?, dateOnly: Bool = false) -> XLSXValue {
        guard let date else { return .empty }
        if rng.chance(0.2) { return .date(Date(timeIntervalSince1970: date.wallClockSecondsSince1970)) }
        return .text(dateOnly ? date.russianDate : date.russianDateTime)
    }

    private func xlsx(_ name: String, header: [String], rows: [[XLSXValue]], widths: [Double]) throws -> [UInt8] {
        let sheet = XLSXSheet(name: name, rows: [header.map { XLSXValue.text($0) }] + rows, columnWidths: widths)
        do {
            return [UInt8](try XLSXWriter().data([sheet]))
        } catch {
            throw LocatedFailure.samples(
                .sampleGeneration,
                message: "не удалось собрать книгу XLSX «\(name)»: \(error)"
            )
        }
    }

    // MARK: ПОС

    static let posHeader = [
        "Номер сообщения", "Дата создания", "Дата ответа", "Срок ответа", "Код региона", "Муниципальное образование",
        "ОКТМО", "Категория", "Подкатегория", "Текст сообщения", "Текст ответа", "Статус", "Ответственная организация",
        "Канал поступления", "59-ФЗ", "ФИО заявителя", "Телефон заявителя", "Электронная почта заявителя",
    ]

    static func posRow(_ record: POSRecord) -> [String] {
        [
            String(record.id), record.created.russianDateTime, record.answered?.russianDateTime ?? "",
            record.deadline.russianDateTime, record.region.okato, record.municipality.name, record.municipality.oktmo,
            record.category, record.subcategory, record.text, record.answer ?? "", record.status.csvLabel,
            record.organization, record.channel, record.fz59 ? "да" : "нет", record.authorName, record.authorPhone,
            record.authorEmail,
        ]
    }

    private mutating func writePOS(_ quarter: SampleQuarter) throws {
        let records = corpus.pos[quarter] ?? []
        for region in SampleRegion.all {
            var selected = records.filter { $0.region.kladr == region.kladr }
            if quarter == .q3 {
                selected = selected.filter {
                    !corpus.posJSONIDs.contains($0.id) || corpus.posOverlapIDs.contains($0.id)
                }
            }
            var labels = selected.map { record -> RecordLabel in
                var label = record.label
                if quarter == .q3, corpus.posOverlapIDs.contains(record.id) { label.isDuplicate = true }
                return label
            }
            let path = "pos/pos_\(region.kladr)_\(quarter.fileLabel).csv"
            var rows = selected.map(Self.posRow)
            (rows, labels) = withExactDuplicates(rows, labels: labels, count: duplicateCount, path: path)
            let encoding: TextFileEncoding = region.kladr == "41" ? .cp1251 : (quarter == .q2 ? .utf8BOM : .utf8)
            let writer = CSVSampleWriter(
                delimiter: ";",
                lineEnding: quarter == .q3 && region.kladr == "54" ? "\n" : "\r\n"
            )
            let bytes = try encode(writer.render(header: Self.posHeader, rows: rows), encoding, path: path)
            add(
                path,
                bytes,
                source: "pos",
                format: "csv",
                encoding: encoding.rawValue,
                regions: [region.kladr],
                quarter: quarter,
                labels: labels
            )
        }
        if quarter == .q3 {
            let json = records.filter { corpus.posJSONIDs.contains($0.id) }
            let path = "pos/pos_\(quarter.fileLabel).json"
            add(
                path,
                Array(POSJSONWriter().render(json).utf8),
                source: "pos",
                format: "json",
                encoding: "UTF-8",
                regions: SampleRegion.all.map(\.kladr),
                quarter: quarter,
                labels: json.map(\.label)
            )
        }
    }

    private func encode(_ text: String, _ encoding: TextFileEncoding, path: String) throws -> [UInt8] {
        do {
            return try encoding.encode(text)
        } catch {
            throw LocatedFailure.samples(.sampleGeneration, message: "\(path): \(error)")
        }
    }

    // MARK: Sites

    static let siteHeader = [
        "Рег. номер", "Дата регистрации", "Дата ответа", "Плановая дата ответа", "Регион", "Населённый пункт",
        "Тематика", "Код ТОТК", "Содержание обращения", "Состояние", "Ведомство", "Заявитель", "Адрес заявителя",
        "E-mail",
    ]

    private mutating func writeSite(_ region: SampleRegion, _ quarter: SampleQuarter) throws {
        let records = corpus.site[SampleCorpus.key(region, quarter)] ?? []
        if region.kladr == "41" {
            let path = "site/site_\(region.kladr)_\(quarter.fileLabel).xlsx"
            var rows: [[XLSXValue]] = []
            for record in records {
                rows.append([
                    .text(record.number), dateCell(record.registered), dateCell(record.answered),
                    dateCell(record.planned),
                    .text(region.kladr), .text(record.municipality.name), .text(record.topic), .text(record.totk),
                    .text(record.text), .text(record.state), .text(record.organization), .text(record.applicant),
                    .text(record.applicantAddress), .text(record.email),
                ])
            }
            let bytes = try xlsx(
                "Обращения",
                header: Self.siteHeader,
                rows: rows,
                widths: [16, 17, 17, 17, 8, 24, 30, 20, 80, 18, 40, 30, 40, 28]
            )
            add(
                path,
                bytes,
                source: "site",
                format: "xlsx",
                encoding: "",
                regions: [region.kladr],
                quarter: quarter,
                labels: records.map(\.label)
            )
            return
        }
        let path = "site/site_\(region.kladr)_\(quarter.fileLabel).csv"
        var rows = records.map { record in
            [
                record.number, record.registered.russianDateTime, record.answered?.russianDateTime ?? "",
                record.planned.russianDateTime, region.kladr, record.municipality.name, record.topic, record.totk,
                record.text, record.state, record.organization, record.applicant, record.applicantAddress, record.email,
            ]
        }
        var labels = records.map(\.label)
        (rows, labels) = withExactDuplicates(rows, labels: labels, count: 1, path: path)
        let writer = CSVSampleWriter(delimiter: ",", quoteAll: true)
        let bytes = try encode(writer.render(header: Self.siteHeader, rows: rows), .cp1251, path: path)
        add(
            path,
            bytes,
            source: "site",
            format: "csv",
            encoding: TextFileEncoding.cp1251.rawValue,
            regions: [region.kladr],
            quarter: quarter,
            labels: labels
        )
    }

    // MARK: Hotline 122

    static let hotlineHeader = [
        "Номер звонка", "Дата звонка", "Субъект РФ", "Район", "Тема", "Подтема", "Краткое содержание", "Результат",
        "Передано в", "Номер телефона", "ФИО звонившего",
    ]

    private mutating func writeHotline(_ region: SampleRegion, _ quarter: SampleQuarter) throws {
        let records = corpus.hotline[SampleCorpus.key(region, quarter)] ?? []
        let base = "hotline/hotline122_\(region.kladr)_\(quarter.fileLabel)"
        if region.kladr == "41" {
            var rows: [[XLSXValue]] = []
            for record in records {
                rows.append([
                    .text(record.number), dateCell(record.called), .text(record.regionName), .text(record.district),
                    .text(record.topic), .text(record.subtopic), .text(record.summary), .text(record.result),
                    .text(record.passedTo), .text(record.phone), .text(record.caller),
                ])
            }
            let bytes = try xlsx(
                "Звонки 122",
                header: Self.hotlineHeader,
                rows: rows,
                widths: [20, 17, 24, 26, 18, 30, 80, 24, 40, 18, 30]
            )
            add(
                base + ".xlsx",
                bytes,
                source: "hotline",
                format: "xlsx",
                encoding: "",
                regions: [region.kladr],
                quarter: quarter,
                labels: records.map(\.label)
            )
            return
        }
        let rows = records.map { record in
            [
                record.number, record.called.russianDateTime, record.regionName, record.district, record.topic,
                record.subtopic, record.summary, record.result, record.passedTo, record.phone, record.caller,
            ]
        }
        let bytes = try encode(
            CSVSampleWriter(delimiter: ";").render(header: Self.hotlineHeader, rows: rows),
            .cp1251,
            path: base + ".csv"
        )
        add(
            base + ".csv",
            bytes,
            source: "hotline",
            format: "csv",
            encoding: TextFileEncoding.cp1251.rawValue,
            regions: [region.kladr],
            quarter: quarter,
            labels: records.map(\.label)
        )
    }

    // MARK: «Ваш контроль»

    private mutating func writeMKGU(_ region: SampleRegion, _ quarter: SampleQuarter) throws {
        let forms = corpus.mkgu[SampleCorpus.key(region, quarter)] ?? []
        let path = "portal/mkgu_\(region.kladr)_\(quarter.fileLabel).xml"
        add(
            path,
            Array(MKGUXMLWriter().render(forms, region: region).utf8),
            source: "portal",
            format: "xml",
            encoding: "UTF-8",
            regions: [region.kladr],
            quarter: quarter,
            labels: forms.map(\.label)
        )
    }

    // MARK: Surveys

    static let surveyHeader = [
        "Анкета №", "Дата опроса", "Регион", "Муниципалитет", "Жизненная ситуация", "Услуга", "Офис МФЦ",
        "Удобство записи (1-5)", "Понятность информации (1-5)", "Комфорт в офисе (1-5)", "Вежливость сотрудников (1-5)",
        "Сроки получения результата (1-5)", "Что вызвало трудности?", "Ваши предложения",
    ]

    private mutating func writeSurvey(_ quarter: SampleQuarter) throws {
        let responses = corpus.survey[quarter] ?? []
        let regions = SampleRegion.all.map(\.kladr)
        if quarter == .q3 {
            var rows: [[XLSXValue]] = []
            for response in responses {
                var row: [XLSXValue] = [
                    .text(response.number), dateCell(response.date, dateOnly: true), .text(response.region.kladr),
                    .text(response.municipality.name), .text(response.situation.name), .text(response.service.name),
                    .text(response.office),
                ]
                row += response.likert.map { $0.map { XLSXValue.integer($0) } ?? .empty }
                row += [.text(response.difficulties), .text(response.suggestions)]
                rows.append(row)
            }
            let bytes = try xlsx(
                "Анкеты",
                header: Self.surveyHeader,
                rows: rows,
                widths: [12, 12, 8, 24, 30, 50, 36, 10, 10, 10, 10, 10, 40, 40]
            )
            add(
                "survey/survey_\(quarter.fileLabel).xlsx",
                bytes,
                source: "survey",
                format: "xlsx",
                encoding: "",
                regions: regions,
                quarter: quarter,
                labels: responses.map(\.label)
            )
            return
        }
        let rows = responses.map { response in
            [
                response.number, response.date.russianDate, response.region.kladr, response.municipality.name,
                response.situation.name, response.service.name, response.office,
            ] + response.likert.map { $0.map(String.init) ?? "" } + [response.difficulties, response.suggestions]
        }
        let path = "survey/survey_\(quarter.fileLabel).csv"
        let bytes = try encode(
            CSVSampleWriter(delimiter: ";").render(header: Self.surveyHeader, rows: rows),
            .cp1251,
            path: path
        )
        add(
            path,
            bytes,
            source: "survey",
            format: "csv",
            encoding: TextFileEncoding.cp1251.rawValue,
            regions: regions,
            quarter: quarter,
            labels: responses.map(\.label)
        )
    }
}

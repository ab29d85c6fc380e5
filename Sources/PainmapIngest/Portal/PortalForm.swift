import Foundation
import PainmapCore

/// One `form` of a «Ваш контроль» message as read, before it is checked.
///
/// Both message shapes (`mkgu:body` and the СМЭВ 3 `RatesRequest`) fill the same fields, so one validation
/// decides for both; see ``PortalFormValidator``.
struct PortalForm {
    /// The line of the `form` element.
    var line: Int
    /// `mkgu-id`: the ИАС МКГУ number of the form (`0` or absent when the vendor has none yet).
    var mkguID: String?
    /// `foreign-id`: the vendor's own string id of the ticket.
    var foreignID: String?
    var serviceID: String?
    var serviceName = ""
    var authorityID: String?
    var authorityName = ""
    var procedureID: String?
    var date = ""
    var receivedDate = ""
    var okato = ""
    var rates: [Rate] = []
    /// Free text the citizen wrote (`comment`, or a rate's non-numeric text).
    var comments: [String] = []

    /// One `rate`: an indicator, the value chosen and the rate element's own text.
    struct Rate {
        var indicator: String
        var value: String
        var text = ""
    }
}

/// Checks one «Ваш контроль» form on its own and turns it into a record or a quarantined row.
///
/// A bad form never sinks its neighbours: every check here concerns the form alone. The questionnaire is found
/// from the rates' indicator and value ids (the configured form that defines them, DOMAIN.md §6.1), never from
/// the message's `vendor/form-version`, which is the version of the vendor's message format.
struct PortalFormValidator {
    let regions: RegionDirectory
    /// Configured questionnaires, newest version first.
    let questionnaires: [RatingForm]
    let now: Date
    let feed: String
    /// The vendor's id (`vendor@id`), used in the natural key when a form has no ИАС МКГУ number.
    var vendorID: String?
    /// Whether `foreign-id` must be present (the СМЭВ 3 schema requires it).
    let requiresForeignID: Bool

    /// Dates as both shapes write them: `yyyy-MM-dd HH:mm:ss` in the region's local time (queue systems) and
    /// `xs:dateTime`, with or without fractional seconds and a zone (СМЭВ 3).
    private static let dates = DateParser(formats: [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssXXX", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
        "yyyy-MM-dd'T'HH:mm:ss.SSS", "yyyy-MM-dd HH:mm:ssXXX", "yyyy-MM-dd",
    ])

    init(
        regions: RegionDirectory,
        forms: [String: RatingForm],
        now: Date,
        feed: String,
        requiresForeignID: Bool
    ) {
        self.regions = regions
        self.questionnaires = forms.values.sorted {
            Self.versionKey($0.version).lexicographicallyPrecedes(Self.versionKey($1.version))
        }.reversed()
        self.now = now
        self.feed = feed
        self.requiresForeignID = requiresForeignID
    }

    private static func versionKey(_ version: String) -> [Int] {
        version.split(separator: ".").map { Int($0) ?? 0 }
    }

    /// The natural id of a form: its ИАС МКГУ number, else the vendor and its ticket id.
    func recordID(_ form: PortalForm) -> String? {
        if let mkgu = form.mkguID, !mkgu.isEmpty, mkgu.contains(where: { $0 != "0" }) { return mkgu }
        guard let foreign = form.foreignID, !foreign.isEmpty else { return form.mkguID }
        return vendorID.map { "\($0)/\(foreign)" } ?? foreign
    }

    /// Checks `form` and returns its outcome.
    func outcome(of form: PortalForm) -> RowOutcome<FeedbackRecord> {
        let id = recordID(form)
        func reject(_ reason: QuarantineReason, _ column: String?, _ message: String) -> RowOutcome<FeedbackRecord> {
            .quarantined(
                QuarantinedRow(
                    line: form.line,
                    column: column,
                    reason: reason,
                    message: message,
                    raw: Array("form mkgu-id=\(form.mkguID ?? "?") foreign-id=\(form.foreignID ?? "?")".utf8)
                )
            )
        }
        if let mkgu = form.mkguID, !Self.isDigits(mkgu, lengths: 1...19) {
            return reject(.badIdentifier, "mkgu-id", "mkgu-id «\(RowMapper.clip(mkgu))» не целое число")
        }
        if requiresForeignID, (form.foreignID ?? "").isEmpty {
            return reject(.missingRequired, "foreign-id", "у формы нет foreign-id (обязателен в запросе СМЭВ 3)")
        }
        if id == nil {
            return reject(.missingRequired, "mkgu-id", "у формы нет ни mkgu-id, ни foreign-id")
        }
        guard !form.okato.isEmpty else {
            return reject(.missingRequired, "okato", "у формы нет ОКАТО: регион не определить")
        }
        guard Self.isDigits(form.okato, lengths: 11...11) else {
            return reject(
                .badIdentifier,
                "okato",
                "ОКАТО «\(RowMapper.clip(form.okato))» не из 11 цифр"
            )
        }
        for (column, value) in [("service", form.serviceID), ("authority", form.authorityID)] {
            // ФРГУ ids have 11 digits; regional registries use 19-digit codes (DOMAIN.md §6.3).
            if let value, !value.isEmpty, !Self.isDigits(value, lengths: 11...11),
                !Self.isDigits(value, lengths: 19...19)
            {
                return reject(
                    .badIdentifier,
                    column,
                    "идентификатор \(column) «\(RowMapper.clip(value))» не из 11 цифр (ФРГУ) и не из 19 (региональный реестр)"
                )
            }
        }
        guard let region = regions.resolve(form.okato, system: .okato) else {
            return reject(
                .unknownRegion,
                "okato",
                "ОКАТО «\(RowMapper.clip(form.okato))» не найден в справочнике регионов"
            )
        }
        let offset = region.utcOffsetHours
        let dateText = form.date.isEmpty ? form.receivedDate : form.date
        guard !dateText.isEmpty else {
            return reject(.missingRequired, "date", "у формы нет даты оценки (date, received-date)")
        }
        guard let received = Self.dates.parse(dateText, utcOffsetHours: offset) else {
            return reject(
                .badDate,
                form.date.isEmpty ? "received-date" : "date",
                "дата оценки «\(RowMapper.clip(dateText))» не разбирается; ожидается «гггг-ММ-дд ЧЧ:мм:сс» (местное время) или xs:dateTime"
            )
        }
        if !form.receivedDate.isEmpty, !form.date.isEmpty,
            Self.dates.parse(form.receivedDate, utcOffsetHours: offset) == nil
        {
            return reject(
                .badDate,
                "received-date",
                "дата получения «\(RowMapper.clip(form.receivedDate))» не разбирается; ожидается «гггг-ММ-дд ЧЧ:мм:сс» или xs:dateTime"
            )
        }
        guard received >= Date(timeIntervalSince1970: 946_684_800), received <= now.addingTimeInterval(86_400) else {
            return reject(.dateOutOfRange, "date", "дата оценки раньше 2000 года или в будущем")
        }
        var scores: [CriterionScore] = []
        for rate in form.rates {
            guard let score = score(rate) else {
                let known = questionnaires.map(\.version).joined(separator: ", ")
                return reject(
                    .unknownRateValue,
                    "rate",
                    "оценка с показателем «\(RowMapper.clip(rate.indicator))» и значением «\(RowMapper.clip(rate.value))» не входит ни в одну анкету Config/mkgu-forms.yaml (\(known.isEmpty ? "анкет нет" : known))"
                )
            }
            scores.append(score)
        }
        let local = DateParser.localYearMonth(received, utcOffsetHours: offset)
        guard let quarter = Quarter(year: local.year, month: local.month) else {
            return reject(.dateOutOfRange, "date", "дата оценки вне допустимого диапазона")
        }
        var record = FeedbackRecord(
            source: .portal,
            feed: feed,
            receivedAt: received,
            region: region.code,
            regionRaw: form.okato,
            regionCodeSystem: .okato,
            quarter: quarter,
            text: form.comments.map(\.trimmedCell).filter { !$0.isEmpty }.joined(separator: "\n")
        )
        record.sourceRecordID = id
        record.serviceID = form.serviceID.flatMap { $0.isEmpty ? nil : $0 }
        record.serviceName = form.serviceName.isEmpty ? nil : form.serviceName
        record.authorityID = form.authorityID.flatMap { $0.isEmpty ? nil : $0 }
        record.organization = form.authorityName.isEmpty ? nil : form.authorityName
        record.procedureID = form.procedureID.flatMap { $0.isEmpty ? nil : $0 }
        record.ratings = scores
        record.channel = "epgu"
        record.status = .closed
        return .record(record, line: form.line)
    }

    /// The score of a rate in the newest configured questionnaire that defines its indicator and value.
    private func score(_ rate: PortalForm.Rate) -> CriterionScore? {
        for questionnaire in questionnaires {
            if let score = questionnaire.score(indicator: rate.indicator, valueID: rate.value) { return score }
        }
        return nil
    }

    /// Whether `text` is ASCII digits only, with a length in `lengths`.
    static func isDigits(_ text: String, lengths: ClosedRange<Int>) -> Bool {
        let utf8 = text.utf8
        return lengths.contains(utf8.count) && utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}

import Foundation
import PainmapCore

/// All generated records of the sample tree, built in a fixed order so that cross-channel links
/// (122 → ПОС forwards, Q2 → Q3 re-exports) are deterministic.
struct SampleCorpus {
    var seed: UInt64
    var scale: Double
    var planner: MessagePlanner

    var hotline: [String: [HotlineRecord]] = [:]  // key: "<kladr>/<quarter>"
    var pos: [SampleQuarter: [POSRecord]] = [:]
    /// Q3 ПОС records written to the JSON export (ids), and those repeated from Q2.
    var posJSONIDs: Set<Int> = []
    var posOverlapIDs: Set<Int> = []
    var site: [String: [SiteRecord]] = [:]
    var mkgu: [String: [MKGUForm]] = [:]
    var survey: [SampleQuarter: [SurveyResponse]] = [:]
    var personalData: [PersonalDataKind: Int] = [:]
    var forwardsVerbatim = 0
    var forwardsParaphrased = 0
    var reexported: [String: Int] = [:]

    init(seed: UInt64, scale: Double) {
        self.seed = seed
        self.scale = scale
        planner = MessagePlanner(seed: seed, scale: scale)
    }

    static func key(_ region: SampleRegion, _ quarter: SampleQuarter) -> String { "\(region.kladr)/\(quarter.label)" }

    static let quarters: [SampleQuarter] = [.q2, .q3]

    mutating func build() {
        for quarter in Self.quarters {
            for region in SampleRegion.all { buildHotline(region, quarter) }
            buildPOS(quarter)
            for region in SampleRegion.all {
                buildSite(region, quarter)
                buildMKGU(region, quarter)
            }
            buildSurvey(quarter)
        }
    }

    mutating func count(_ kinds: [PersonalDataKind]) {
        for kind in kinds { personalData[kind, default: 0] += 1 }
    }

    func scaled(_ value: Double) -> Int { max(1, Int((value * scale).rounded())) }

    // MARK: Hotline 122

    private mutating func buildHotline(_ region: SampleRegion, _ quarter: SampleQuarter) {
        var rng = SplitMix64.derived(seed: seed, label: "hotline/\(region.kladr)/\(quarter.label)")
        let composer = TextComposer(typoRate: 0.03)
        let planned = planner.plan(.hotline, region: region, quarter: quarter)
        var records: [HotlineRecord] = []
        var perDay: [Int: Int] = [:]
        for message in planned {
            var filler = SlotFiller(region: region, municipality: message.municipality, date: message.date)
            let dayKey = message.date.daysSinceEpoch
            perDay[dayKey, default: 0] += 1
            let yymmdd =
                "\(message.date.year % 100)\(LocalDateTime.two(message.date.month))\(LocalDateTime.two(message.date.day))"
            let number = "122-\(region.kladr)-\(yymmdd)-\(PersonalData.padded(perDay[dayKey] ?? 1, 4))"
            let regionName = rng.chance(0.08) ? rng.pick(region.nameVariants) : region.name
            let person = PersonalData.person(&rng)
            let caller = rng.chance(0.75) ? person.fullName : rng.pick(["не представился", "", "Аноним"])
            let phone = PersonalData.phone(region, &rng)
            let label = RecordLabel(
                regionKladr: region.kladr,
                quarter: quarter,
                situationID: message.situation?.id,
                painID: message.pain.flatMap { pain in message.situation.map { $0.painID(pain) } }
            )
            // A call with no pain of the catalogue; a pain-bearing one fills in its topic, text and outcome below.
            var record = HotlineRecord(
                number: number,
                called: message.date,
                regionName: regionName,
                district: message.municipality.name,
                topic: "Прочее",
                subtopic: "",
                summary: "",
                result: "Консультация оказана",
                passedTo: "",
                phone: phone,
                caller: caller,
                label: label,
                pain: nil,
                situation: nil,
                municipality: message.municipality,
                organization: ""
            )
            if let situation = message.situation, let pain = message.pain {
                let text = composer.operatorNote(
                    pain: pain,
                    filler: &filler,
                    personalData: PersonalDataPlanting(probability: 0.08, region: region),
                    &rng
                )
                count(text.personalData)
                let organization = rng.pick(region.organizations(for: situation.body))
                let consult = rng.chance(0.55)
                record.topic = situation.hotlineTopic
                record.subtopic = pain.subcategory
                record.summary = text.text
                record.result = consult ? "Консультация оказана" : "Передано в ведомство"
                record.passedTo = consult ? "" : organization
                record.pain = pain
                record.situation = situation
                record.organization = organization
            } else {
                record.summary = composer.noiseMessage(hotline: true, filler: &filler, &rng)
            }
            records.append(record)
        }
        // ~3% of the pain-bearing calls are registered in ПОС (the ПОС number is filled in by buildPOS).
        let candidates = records.indices.filter { records[$0].pain != nil }
        var chosen = candidates
        rng.shuffle(&chosen)
        let forwards = max(1, Int((Double(candidates.count) * 0.03).rounded()))
        for index in chosen.prefix(forwards) {
            records[index].result = "Зарегистрировано в ПОС"
        }
        hotline[Self.key(region, quarter)] = records
    }

    // MARK: ПОС

    private static let posChannels = ["epgu_form", "widget", "vk", "app"]
    private static let posChannelWeights: [Double] = [45, 25, 12, 18]
    private static let noiseCategories: [(String, String)] = [
        ("Дороги", "Ремонт дорог"), ("Благоустройство", "Освещение"), ("Транспорт", "Общественный транспорт"),
        ("Благоустройство", "Вывоз мусора"), ("Прочее", "Прочее"),
    ]

    static func opaID(_ organization: String) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in organization.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return 100_000 + Int(hash % 900_000)
    }

    private func posStatus(
        created: LocalDateTime,
        noise: Bool,
        quarter: SampleQuarter,
        fz59: Bool,
        _ rng: inout SplitMix64
    ) -> (POSStatus, LocalDateTime?, LocalDateTime) {
        let deadline = created.adding(days: fz59 ? 30 : 10)
        if noise ? rng.chance(0.5) : rng.chance(0.02) {
            return (.rejected, created.adding(minutes: rng.int(in: 60...4000)), deadline)
        }
        // 15% are answered late.
        let delayDays =
            rng.chance(0.15) ? rng.int(in: (fz59 ? 31 : 11)...(fz59 ? 45 : 25)) : rng.int(in: 1...(fz59 ? 28 : 9))
        let answered = created.adding(minutes: delayDays * 1440 + rng.int(in: -300...300))
        if answered > quarter.exportMoment {
            return (rng.pick([.accepted, .moderation, .inProgress, .inProgress]), nil, deadline)
        }
        let roll = rng.unit()
        return (roll < 0.6 ? .answered : (roll < 0.9 ? .closed : .answerReady), answered, deadline)
    }

    private mutating func buildPOS(_ quarter: SampleQuarter) {
        var all: [POSRecord] = []
        for region in SampleRegion.all {
            var rng = SplitMix64.derived(seed: seed, label: "pos/\(region.kladr)/\(quarter.label)")
            var composer = TextComposer(typoRate: 0.035)
            composer.allowEmoji = region.kladr == "54"
            composer.allowMultiline = true
            let planned = planner.plan(.pos, region: region, quarter: quarter)
            for message in planned {
                var filler = SlotFiller(region: region, municipality: message.municipality, date: message.date)
                let text: ComposedText
                let category: (String, String)
                let organization: String
                var label = RecordLabel(regionKladr: region.kladr, quarter: quarter)
                if let situation = message.situation, let pain = message.pain {
                    var second: (SituationDefinition, PainDefinition)?
                    if rng.chance(0.05) {
                        let other = rng.chance(0.6) ? situation : rng.pick(SituationDefinition.all)
                        let candidates = other.pains.filter {
                            PlantedTrends.multiplier(
                                painID: other.painID($0),
                                region: region.kladr,
                                quarter: quarter,
                                seed: seed
                            ) > 0
                                && $0.key != pain.key
                        }
                        if !candidates.isEmpty { second = (other, rng.pick(candidates)) }
                    }
                    text = composer.citizenMessage(
                        situation: situation,
                        pain: pain,
                        second: second,
                        filler: &filler,
                        personalData: PersonalDataPlanting(probability: 0.17, region: region),
                        &rng
                    )
                    category = (situation.posCategory, pain.subcategory)
                    organization = rng.pick(region.organizations(for: situation.body))
                    label.situationID = situation.id
                    label.painID = situation.painID(pain)
                } else {
                    text = ComposedText(
                        text: composer.noiseMessage(hotline: false, filler: &filler, &rng),
                        personalData: []
                    )
                    category = rng.pick(Self.noiseCategories)
                    organization = "Администрация муниципального образования «\(message.municipality.name)»"
                }
                count(text.personalData)
                let fz59 = rng.chance(0.2)
                let (status, answered, deadline) = posStatus(
                    created: message.date,
                    noise: message.isNoise,
                    quarter: quarter,
                    fz59: fz59,
                    &rng
                )
                all.append(
                    posRecord(
                        created: message.date,
                        answered: answered,
                        deadline: deadline,
                        region: region,
                        municipality: message.municipality,
                        category: category,
                        text: text.text,
                        status: status,
                        situation: message.situation,
                        organization: organization,
                        channel: Self.posChannels[rng.weightedIndex(Self.posChannelWeights)],
                        fz59: fz59,
                        label: label,
                        &rng
                    )
                )
            }
            // Forwards from hotline 122.
            let calls = hotline[Self.key(region, quarter)] ?? []
            for (index, call) in calls.enumerated() where call.result == "Зарегистрировано в ПОС" {
                let verbatim = rng.chance(0.5)
                let text = verbatim ? call.summary : Self.paraphrase(call.summary, &rng)
                if verbatim { forwardsVerbatim += 1 } else { forwardsParaphrased += 1 }
                let created = call.called.adding(minutes: rng.int(in: 5...90))
                let (status, answered, deadline) = posStatus(
                    created: created,
                    noise: false,
                    quarter: quarter,
                    fz59: false,
                    &rng
                )
                var label = call.label
                label.isDuplicate = true
                var record = posRecord(
                    created: created,
                    answered: answered,
                    deadline: deadline,
                    region: region,
                    municipality: call.municipality,
                    category: (call.situation?.posCategory ?? "Прочее", call.pain?.subcategory ?? "Прочее"),
                    text: text,
                    status: status,
                    situation: call.situation,
                    organization: call.organization,
                    channel: "122",
                    fz59: false,
                    label: label,
                    &rng
                )
                record.forwardedFromHotline = index
                all.append(record)
            }
        }
        // ПОС numbers are federal: one increasing sequence over both regions, by absolute time.
        var rng = SplitMix64.derived(seed: seed, label: "pos-ids/\(quarter.label)")
        let ordered = all.enumerated().sorted { lhs, rhs in
            let a = lhs.element.created.minutesSinceEpoch - lhs.element.region.utcOffsetHours * 60
            let b = rhs.element.created.minutesSinceEpoch - rhs.element.region.utcOffsetHours * 60
            return a == b ? lhs.offset < rhs.offset : a < b
        }.map(\.element)
        var nextID = quarter == .q2 ? 301_204_117 : 318_660_052
        var records: [POSRecord] = []
        for var record in ordered {
            nextID += rng.int(in: 1...60)
            record.id = nextID
            if let index = record.forwardedFromHotline {
                let key = Self.key(record.region, quarter)
                hotline[key]?[index].passedTo = "Платформа обратной связи, сообщение № \(record.id)"
            }
            records.append(record)
        }
        if quarter == .q3 { splitQ3(&records) }
        pos[quarter] = records
    }

    private func posRecord(
        created: LocalDateTime,
        answered: LocalDateTime?,
        deadline: LocalDateTime,
        region: SampleRegion,
        municipality: SampleMunicipality,
        category: (String, String),
        text: String,
        status: POSStatus,
        situation: SituationDefinition?,
        organization: String,
        channel: String,
        fz59: Bool,
        label: RecordLabel,
        _ rng: inout SplitMix64
    ) -> POSRecord {
        let person = PersonalData.person(&rng)
        var answer: String?
        if status == .rejected {
            answer = "Сообщение отклонено модератором: не содержит описания проблемы."
        } else if status.isAnswered {
            answer = situation.map { rng.pick($0.answers) } ?? "Благодарим за обращение. Информация принята к сведению."
        }
        return POSRecord(
            created: created,
            answered: answered,
            deadline: deadline,
            region: region,
            municipality: municipality,
            category: category.0,
            subcategory: category.1,
            text: text,
            answer: answer,
            status: status,
            organization: organization,
            opaID: Self.opaID(organization),
            channel: channel,
            fz59: fz59,
            authorName: person.fullName,
            authorPhone: PersonalData.phone(region, &rng),
            authorEmail: rng.chance(0.7) ? PersonalData.email(person, &rng) : "",
            label: label
        )
    }

    static func paraphrase(_ summary: String, _ rng: inout SplitMix64) -> String {
        let swaps: [(String, String)] = [
            ("сообщает, что", "говорит, что"), ("сообщает о", "информирует о"),
            ("жалуется на", "обращается с жалобой на"),
            ("Заявитель ", "Гражданин "), ("Гражданка ", "Заявительница "),
        ]
        for (from, to) in swaps where summary.contains(from) {
            return "Обращение по линии 122. " + summary.replacingFirst(from, with: to)
        }
        return "Со слов заявителя: " + summary
    }

    /// Splits Q3 into the JSON export (≈40%) and the CSV exports, overlaps 1% of the JSON records
    /// into the CSVs, and adds ≈2% of Q2 records re-exported with a changed status.
    private mutating func splitQ3(_ records: inout [POSRecord]) {
        var rng = SplitMix64.derived(seed: seed, label: "pos-split/2026Q3")
        for record in records where rng.chance(0.4) { posJSONIDs.insert(record.id) }
        let jsonIDs = records.map(\.id).filter { posJSONIDs.contains($0) }
        for id in jsonIDs where rng.chance(0.01) { posOverlapIDs.insert(id) }
        if posOverlapIDs.isEmpty, let first = jsonIDs.first { posOverlapIDs.insert(first) }
        var extra: [POSRecord] = []
        for region in SampleRegion.all {
            let q2 = (pos[.q2] ?? []).filter {
                $0.region.kladr == region.kladr && !$0.status.isAnswered && $0.status != .rejected
                    && $0.label.painID != nil
                    && !$0.label.isDuplicate
                    && PlantedTrends.entry(painID: $0.label.painID ?? "", region: region.kladr)?.kind == nil
            }
            let total = (pos[.q2] ?? []).filter { $0.region.kladr == region.kladr }.count
            let wanted = min(q2.count, max(1, Int((Double(total) * 0.02).rounded())))
            var pool = q2
            rng.shuffle(&pool)
            for var record in pool.prefix(wanted).sorted(by: { $0.id < $1.id }) {
                record.status = .answered
                record.answered = SampleQuarter.q2.exportMoment.adding(days: rng.int(in: 1...20))
                record.answer = record.label.situationID.flatMap { id in
                    SituationDefinition.all.first { $0.id == id }.map { rng.pick($0.answers) }
                }
                record.label.isDuplicate = true
                extra.append(record)
            }
            reexported[region.kladr] = min(wanted, pool.count)
        }
        records = extra + records
    }

    // MARK: Sites

    private mutating func buildSite(_ region: SampleRegion, _ quarter: SampleQuarter) {
        var rng = SplitMix64.derived(seed: seed, label: "site/\(region.kladr)/\(quarter.label)")
        let composer = TextComposer(typoRate: 0.03)
        let planned = planner.plan(.site, region: region, quarter: quarter)
        var records: [SiteRecord] = []
        var sequence = rng.int(in: 1200...4800) + (quarter == .q3 ? 3000 : 0)
        for message in planned {
            sequence += rng.int(in: 1...4)
            var filler = SlotFiller(region: region, municipality: message.municipality, date: message.date)
            let person = PersonalData.person(&rng)
            var label = RecordLabel(regionKladr: region.kladr, quarter: quarter)
            let text: String
            let topic: String
            let totk: String
            let organization: String
            if let situation = message.situation, let pain = message.pain {
                let composed = composer.formalAppeal(
                    situation: situation,
                    pain: pain,
                    filler: &filler,
                    personalData: PersonalDataPlanting(probability: 0.2, region: region),
                    &rng
                )
                count(composed.personalData)
                text = composed.text
                topic = situation.siteTopic
                totk = rng.chance(0.6) ? rng.pick(situation.totkCodes) : ""
                organization = rng.pick(region.organizations(for: situation.body))
                label.situationID = situation.id
                label.painID = situation.painID(pain)
            } else {
                text = composer.noiseMessage(hotline: false, filler: &filler, &rng)
                topic = rng.pick(["Дорожное хозяйство", "Благоустройство территории", "Транспортное обслуживание"])
                totk = rng.chance(0.6) ? rng.pick(["0005.0005.0055.1122", "0005.0005.0054.1105"]) : ""
                organization = "Администрация муниципального образования «\(message.municipality.name)»"
            }
            let planned = message.date.adding(days: 30)
            var answered: LocalDateTime? = message.date.adding(
                days: rng.chance(0.12) ? rng.int(in: 31...50) : rng.int(in: 3...29)
            )
            var state = "Рассмотрено"
            if message.isNoise, rng.chance(0.3) {
                state = "Оставлено без ответа"
                answered = nil
            } else if let date = answered, date > quarter.exportMoment {
                state = rng.chance(0.3) ? "Зарегистрировано" : "На рассмотрении"
                answered = nil
            }
            records.append(
                SiteRecord(
                    number: "\(region.siteNumberPrefix)-\(PersonalData.padded(sequence, 5))/\(quarter.year % 100)",
                    registered: message.date,
                    answered: answered,
                    planned: planned,
                    municipality: message.municipality,
                    topic: topic,
                    totk: totk,
                    text: text,
                    state: state,
                    organization: organization,
                    applicant: rng.chance(0.85) ? person.fullName : person.initials,
                    applicantAddress: "\(message.municipality.addressPrefix), \(PersonalData.address(region, &rng))",
                    email: rng.chance(0.5) ? PersonalData.email(person, &rng) : "",
                    label: label
                )
            )
        }
        site[Self.key(region, quarter)] = records
    }

    // MARK: «Ваш контроль»

    private func allocateSituations(_ total: Int) -> [SituationDefinition] {
        let weights = SituationDefinition.all.map(\.weight)
        let sum = weights.reduce(0, +)
        var counts = MessagePlanner.largestRemainder(weights.map { Double(total) * $0 / sum })
        for index in counts.indices where counts[index] == 0 { counts[index] = 1 }
        var out: [SituationDefinition] = []
        for (index, situation) in SituationDefinition.all.enumerated() {
            out += Array(repeating: situation, count: counts[index])
        }
        return out
    }

    private static func score(_ weights: [Double], _ rng: inout SplitMix64) -> Int { rng.weightedIndex(weights) + 1 }

    private mutating func buildMKGU(_ region: SampleRegion, _ quarter: SampleQuarter) {
        var rng = SplitMix64.derived(seed: seed, label: "mkgu/\(region.kladr)/\(quarter.label)")
        let composer = TextComposer(typoRate: 0.03)
        let total = scaled(
            Double(MessagePlanner.baseVolume(.portal, region: region.kladr)) * (quarter == .q3 ? 1.05 : 1)
        )
        var situations = allocateSituations(total)
        rng.shuffle(&situations)
        var forms: [(LocalDateTime, MKGUForm)] = []
        for situation in situations {
            let date = planner.date(.portal, quarter: quarter, monthWeights: [1, 1, 1], &rng)
            let municipality = planner.municipality(region, &rng)
            var filler = SlotFiller(region: region, municipality: municipality, date: date)
            let service = rng.pick(situation.services)
            let situationIndex = (SituationDefinition.all.firstIndex { $0.id == situation.id } ?? 0) + 1
            var label = RecordLabel(regionKladr: region.kladr, quarter: quarter, situationID: situation.id)
            var comment = MKGUForm.Comment.absent
            var scores = (0..<5).map { _ in Self.score([3, 5, 15, 27, 50], &rng) }
            let roll = rng.unit()
            if roll < 0.4 {
                if rng.chance(0.75),
                    let pain = planner.pickPain(in: situation, region: region, quarter: quarter, on: date, &rng)
                {
                    comment = .text(composer.shortPhrase(pain: pain, filler: &filler, &rng))
                    label.painID = situation.painID(pain)
                    scores = (0..<5).map { _ in Self.score([15, 25, 35, 20, 5], &rng) }
                    scores[pain.stage.mkguIndicator - 9] = Self.score([60, 40, 0, 0, 0], &rng)
                } else {
                    comment = .text(rng.pick(NoiseMessages.positiveRating))
                    scores = (0..<5).map { _ in Self.score([0, 0, 5, 35, 60], &rng) }
                }
            } else if roll < 0.55 {
                comment = .empty
            }
            var rates: [(Int, Int)] = []
            let skipComfort = rng.chance(0.05)
            for indicator in 9...13 where !(skipComfort && indicator == 12) {
                rates.append((indicator, 41 + (indicator - 9) * 5 + scores[indicator - 9] - 1))
            }
            let received = min(
                date.adding(minutes: rng.int(in: 30...(3 * 1440))),
                LocalDateTime(
                    year: quarter.year,
                    month: quarter.months[2],
                    day: LocalDateTime.daysIn(month: quarter.months[2], year: quarter.year),
                    hour: 23,
                    minute: 59
                )
            )
            let organization = rng.pick(region.organizations(for: situation.body))
            forms.append(
                (
                    date,
                    MKGUForm(
                        mkguID: "",
                        foreignID: "",
                        userID: String(rng.int(in: 100_000_000...999_999_999)),
                        service: service,
                        authorityID: "1000001\(region.kladr)\(PersonalData.padded(situationIndex, 2))",
                        authorityName: organization,
                        date: date,
                        received: received,
                        okato: municipality.okato,
                        rates: rates,
                        comment: comment,
                        label: label
                    )
                )
            )
        }
        forms.sort { $0.0 < $1.0 }
        var sequence = rng.int(in: 120...900) + (quarter == .q3 ? 5000 : 0)
        var out: [MKGUForm] = []
        for (_, var form) in forms {
            sequence += rng.int(in: 1...3)
            form.mkguID = "\(region.kladr)\(PersonalData.padded(sequence, 8))"
            form.foreignID = "\(region.kladr)-\(quarter.year)-\(PersonalData.padded(sequence, 6))"
            out.append(form)
        }
        mkgu[Self.key(region, quarter)] = out
    }

    // MARK: Surveys

    private static let genericSuggestions = [
        "увеличить количество окон", "работать в субботу", "сделать электронную очередь", "больше парковочных мест",
        "поставить кулер с водой", "отвечать на телефон", "всё устраивает",
    ]

    private mutating func buildSurvey(_ quarter: SampleQuarter) {
        var rng = SplitMix64.derived(seed: seed, label: "survey/\(quarter.label)")
        let composer = TextComposer(typoRate: 0.03)
        var responses: [SurveyResponse] = []
        for region in SampleRegion.all {
            var situations = allocateSituations(
                scaled(Double(MessagePlanner.baseVolume(.survey, region: region.kladr)))
            )
            rng.shuffle(&situations)
            for situation in situations {
                let date = planner.date(.survey, quarter: quarter, monthWeights: [1, 1, 1], &rng)
                let municipality = planner.municipality(region, &rng)
                var filler = SlotFiller(region: region, municipality: municipality, date: date)
                var label = RecordLabel(regionKladr: region.kladr, quarter: quarter, situationID: situation.id)
                var likert: [Int?] = (0..<5).map { _ in Self.score([2, 5, 15, 30, 48], &rng) }
                var difficulties = ""
                if rng.chance(0.45),
                    let pain = planner.pickPain(in: situation, region: region, quarter: quarter, on: date, &rng)
                {
                    difficulties = composer.shortPhrase(pain: pain, filler: &filler, &rng)
                    label.painID = situation.painID(pain)
                    let column: Int
                    switch pain.stage {
                    case .booking: column = 0
                    case .information: column = 1
                    case .submission: column = 2
                    case .appeal: column = 3
                    case .review, .result: column = 4
                    }
                    likert = (0..<5).map { _ in Self.score([10, 20, 35, 25, 10], &rng) }
                    likert[column] = Self.score([55, 45, 0, 0, 0], &rng)
                }
                for index in likert.indices where rng.chance(0.05) { likert[index] = nil }
                let suggestions =
                    rng.chance(0.25)
                    ? (rng.chance(0.6) ? rng.pick(situation.suggestions) : rng.pick(Self.genericSuggestions)) : ""
                responses.append(
                    SurveyResponse(
                        number: "",
                        date: date,
                        region: region,
                        municipality: municipality,
                        situation: situation,
                        service: rng.pick(situation.services),
                        office: rng.pick(region.mfcOffices),
                        likert: likert,
                        difficulties: difficulties,
                        suggestions: suggestions,
                        label: label
                    )
                )
            }
        }
        responses = responses.enumerated().sorted { lhs, rhs in
            lhs.element.date == rhs.element.date ? lhs.offset < rhs.offset : lhs.element.date < rhs.element.date
        }.map(\.element)
        for index in responses.indices {
            responses[index].number = "\(quarter.year % 100)\(quarter.index)-\(PersonalData.padded(index + 1, 5))"
        }
        survey[quarter] = responses
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

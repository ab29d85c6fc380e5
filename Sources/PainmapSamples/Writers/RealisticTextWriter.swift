import Foundation
import PainmapCore

/// The shape of a generated evaluation set: short portal reports or long letters.
public enum RealisticTextStyle: String, Sendable, CaseIterable {
    /// A city portal's reports: a median of about 48 characters, about 18 % under 20, frequent reporters repeating one
    /// phrase (about 72 % distinct texts), loose spelling and abbreviations («УК», «МКД», «управляйка», «д.», «кв.»).
    case portal
    /// Letters to a regional government: a median of about 235 characters, up to 12,000, salutations, signatures,
    /// several topics in one letter, leftover markup.
    case letters
}

/// Streams a labelled CSV (`id,source,region,created_at,text,label`) whose texts look like real citizens' messages,
/// for `painmap cluster --truth-column label` (issue 16).
///
/// The project's synthetic set is far more regular than real complaints; these two sets reproduce the statistics of
/// two real labelled sets (lengths, repeats, spelling, multi-topic letters) from the SampleFeeds pain corpus, so
/// clustering can be measured on text that does not flatter it. The label is the pain's id
/// (`situation.pain`); a letter about several pains carries its first (main) pain's. Deterministic for a seed.
struct RealisticTextWriter {
    var seed: UInt64
    var style: RealisticTextStyle

    /// Abbreviations and colloquial forms, applied to each occurrence with probability one half.
    static let abbreviations: [(String, [String])] = [
        ("управляющая компания", ["УК", "ук", "управляйка", "управ. компания"]),
        ("управляющей компании", ["УК", "ук", "управляйки"]),
        ("управляющую компанию", ["УК", "управляйку"]),
        ("Управляющая компания", ["УК", "Управляйка"]),
        ("многоквартирного дома", ["МКД", "мкд"]),
        ("многоквартирный дом", ["МКД"]),
        ("детский сад", ["д/с", "детсад", "садик"]),
        ("детского сада", ["д/с", "детсада", "садика"]),
        ("квартиру", ["кв.", "кварт."]),
        ("квартире", ["кв.", "кв-ре"]),
        ("квартира", ["кв.", "кв-ра"]),
        ("дома ", ["д. ", "дом. "]),
        ("дом ", ["д. "]),
        ("многофункциональный центр", ["МФЦ", "мфц"]),
        ("центр занятости", ["ЦЗН", "цзн", "биржа"]),
        ("горячей воды", ["ГВС", "гор. воды", "горячки"]),
        ("горячую воду", ["ГВС", "гор. воду"]),
        ("пожалуйста", ["пж", "плз", "пожалуйсто"]),
        ("сегодня", ["седня", "сёдня"]),
        ("что", ["чё", "што"]),
    ]

    /// Leftover markup of web forms and mail clients.
    static let markup = ["<br>", "<br/>", "&nbsp;", "<p>", "</p>", "**", "&quot;", "\r\n", "<div>", "&laquo;"]

    /// Signatures; names are placeholders, as after redaction.
    static let signatures = [
        "С уважением, [ФИО]", "[ФИО], житель дома", "С уважением, жители подъезда", "[ФИО]\nтел. [ТЕЛЕФОН]",
        "С уважением и надеждой на помощь, [ФИО]", "Пенсионерка [ФИО]", "Многодетная мать [ФИО]",
    ]

    private static let chunkBytes = 1 << 20

    /// Writes `records` rows to `file`.
    ///
    /// - Throws: ``LocatedFailure`` when the file cannot be created or written.
    mutating func write(records: Int, to file: URL) throws {
        var rng = SplitMix64.derived(seed: seed, label: "realistic/\(style.rawValue)")
        var pairs: [(SituationDefinition, PainDefinition)] = []
        for situation in SituationDefinition.all {
            for pain in situation.pains { pairs.append((situation, pain)) }
        }
        // Zipf-like sizes on top of the corpus weights: real reason lists have a long tail.
        let weights = pairs.enumerated().map { index, pair in
            pair.0.weight * pair.1.weight / pow(Double(index % 17 + 1), 0.6)
        }
        let region = SampleRegion.novosibirsk
        let first = LocalDateTime(year: 2026, month: 7, day: 1)
        let handle = try BulkPOSWriter.open(file)
        defer { try? handle.close() }
        let csv = CSVSampleWriter(delimiter: ",")
        var buffer = Array(csv.line(["id", "source", "region", "created_at", "text", "label"]).utf8)
        // Frequent reporters: each has one pain and one phrase and sends it again and again.
        var reporters: [(pair: Int, text: String)] = []
        let reporterActivity = (0..<max(1, records / 120)).map { 1 / pow(Double($0 + 1), 0.8) }
        for index in 0..<records {
            let created = first.adding(minutes: Int(Double(index) / Double(max(records, 1)) * 131_040))
            let municipality = region.municipalities[rng.weightedIndex(region.municipalities.map(\.weight))]
            var filler = SlotFiller(region: region, municipality: municipality, date: created)
            let pairIndex: Int
            let text: String
            switch style {
            case .portal:
                if rng.chance(0.11) {
                    let reporter = rng.weightedIndex(reporterActivity)
                    while reporters.count <= reporter {
                        let pair = rng.weightedIndex(weights)
                        reporters.append((pair, portalText(pairs[pair].1, filler: &filler, &rng)))
                    }
                    pairIndex = reporters[reporter].pair
                    text = reporters[reporter].text
                } else {
                    pairIndex = rng.weightedIndex(weights)
                    text = portalText(pairs[pairIndex].1, filler: &filler, &rng)
                }
            case .letters:
                pairIndex = rng.weightedIndex(weights)
                var others: [PainDefinition] = []
                if rng.chance(0.35) { others.append(pairs[rng.weightedIndex(weights)].1) }
                if rng.chance(0.1) { others.append(pairs[rng.weightedIndex(weights)].1) }
                text = letter(pairs[pairIndex].0, pairs[pairIndex].1, others: others, filler: &filler, &rng)
            }
            let fields = [
                String(500_000 + index), style == .portal ? "portal" : "site", region.kladr, created.russianDateTime,
                text, pairs[pairIndex].0.painID(pairs[pairIndex].1),
            ]
            buffer += Array(csv.line(fields).utf8)
            if buffer.count >= Self.chunkBytes { try BulkPOSWriter.flush(&buffer, handle, file) }
        }
        try BulkPOSWriter.flush(&buffer, handle, file)
    }

    /// A short report: a pain's short phrase or the first clause of a citizen's sentence, roughened; sometimes cut
    /// to two or three words.
    func portalText(_ pain: PainDefinition, filler: inout SlotFiller, _ rng: inout SplitMix64) -> String {
        var text: String
        let roll = rng.next() % 100
        if roll < 20 || pain.citizen.isEmpty {
            text = rng.pick(pain.short.isEmpty ? pain.citizen : pain.short)
        } else {
            let sentence = filler.fill(rng.pick(pain.citizen), &rng)
            let clauses = sentence.split(whereSeparator: { ".!?,;".contains($0) }).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            text = roll < 62 ? (clauses.first ?? sentence) : sentence
        }
        let cut = rng.chance(0.2)
        if cut {
            let words = text.split(separator: " ")
            let start = words.count > 3 && rng.chance(0.5) ? rng.int(in: 0...(words.count - 3)) : 0
            text = words.dropFirst(start).prefix(rng.int(in: 2...3)).joined(separator: " ")
        }
        // Where and since when: real reports carry a place or a time that makes most of them distinct.
        if !cut, rng.chance(0.55) { text += " " + filler.fill(rng.pick(Self.adjuncts), &rng) }
        return roughen(abbreviate(text, &rng), typoRate: 0.06, &rng)
    }

    /// Places and times appended to short reports.
    static let adjuncts = [
        "на {street}", "д. {num:1-150}", "{inMun}", "{wait}", "уже {num:2-9} дней", "в {month}", "дом {num:1-99}",
        "кв. {num:1-300}", "опять", "до сих пор", "третий раз пишу", "{street}, д. {num:1-150}",
    ]

    /// A letter: salutation, the main pain told at length, sometimes other pains, a signature, leftover markup;
    /// now and then a long history that makes it thousands of characters.
    func letter(
        _ situation: SituationDefinition,
        _ pain: PainDefinition,
        others: [PainDefinition],
        filler: inout SlotFiller,
        _ rng: inout SplitMix64
    ) -> String {
        var parts: [String] = []
        if rng.chance(0.65) {
            parts.append(filler.fill(rng.pick(NoiseMessages.formalOpenings + NoiseMessages.greetings), &rng))
        }
        parts.append(filler.fill(rng.pick(pain.citizen), &rng))
        if !pain.details.isEmpty, rng.chance(0.45) { parts.append(filler.fill(rng.pick(pain.details), &rng)) }
        if rng.chance(0.15) { parts.append(filler.fill(rng.pick(pain.citizen), &rng)) }
        for other in others {
            parts.append(rng.pick(["Также хочу сообщить:", "Кроме того,", "И ещё одна проблема.", "Отдельно прошу:"]))
            parts.append(filler.fill(rng.pick(other.citizen), &rng))
        }
        if rng.chance(0.12) {
            // A history: earlier letters and the answers quoted back, repeated.
            let rounds = rng.chance(0.1) ? rng.int(in: 15...60) : rng.int(in: 2...6)
            for round in 0..<rounds {
                parts.append("Ранее (\(round + 1)) я уже обращался по этому вопросу, получил ответ:")
                parts.append("«" + rng.pick(situation.answers) + "»")
                parts.append(filler.fill(rng.pick(pain.citizen), &rng))
            }
        }
        parts.append(filler.fill(rng.pick(NoiseMessages.formalClosings + NoiseMessages.closings), &rng))
        if rng.chance(0.55) { parts.append(rng.pick(Self.signatures)) }
        let separator = rng.chance(0.3) ? " " + rng.pick(Self.markup) + " " : rng.chance(0.5) ? "\n" : " "
        var text = roughen(abbreviate(parts.joined(separator: separator), &rng), typoRate: 0.02, &rng)
        if rng.chance(0.15) { text = rng.pick(["<p>", "<div>", "**"]) + text + rng.pick(["</p>", "</div>", "**"]) }
        if text.count > 12_000 { text = String(text.prefix(12_000)) }
        return text
    }

    /// Replaces phrases by abbreviations and colloquial forms, each occurrence with probability one half.
    func abbreviate(_ text: String, _ rng: inout SplitMix64) -> String {
        var result = text
        for (phrase, forms) in Self.abbreviations where result.contains(phrase) {
            guard rng.chance(0.5) else { continue }
            result = result.replacingOccurrences(of: phrase, with: rng.pick(forms))
        }
        return result
    }

    /// Typos (a letter dropped, doubled or swapped with the next) at `typoRate` per word, then case and
    /// punctuation noise.
    func roughen(_ text: String, typoRate: Double, _ rng: inout SplitMix64) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for index in words.indices where words[index].count > 3 && rng.chance(typoRate) {
            var letters = Array(words[index])
            let position = rng.int(in: 1...(letters.count - 2))
            switch rng.int(in: 0...2) {
            case 0: letters.remove(at: position)
            case 1: letters.insert(letters[position], at: position)
            default: letters.swapAt(position, position + 1)
            }
            words[index] = String(letters)
        }
        var result = words.joined(separator: " ")
        if rng.chance(0.35) { result = result.lowercased() }
        if rng.chance(0.05) { result = result.uppercased() }
        if rng.chance(0.4) { result = result.replacingOccurrences(of: "ё", with: "е") }
        if rng.chance(0.3), let last = result.last, ".!".contains(last) { result.removeLast() }
        if rng.chance(0.1) { result += rng.pick(["!!!", "??", "...", " !!"]) }
        return result
    }
}

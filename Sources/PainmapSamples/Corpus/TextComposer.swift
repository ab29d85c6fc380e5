import PainmapCore

/// A generated text and the personal data planted in it.
struct ComposedText: Sendable {
    var text: String
    var personalData: [PersonalDataKind]
}

/// Builds message texts in the voices of the channels: citizens (ПОС), formal appeals (sites),
/// operators (122), short comments (МКГУ, surveys); then roughens them like real input (typos,
/// ё/е, lost punctuation, CAPS, line breaks) and plants personal data.
struct TextComposer {
    /// Share of words that get a typo in citizens' texts.
    var typoRate = 0.03
    var allowEmoji = false
    var allowMultiline = false

    private struct Segment {
        var text: String
        var roughen: Bool
    }

    // MARK: Voices

    func citizenMessage(
        situation: SituationDefinition,
        pain: PainDefinition,
        second: (SituationDefinition, PainDefinition)?,
        filler: inout SlotFiller,
        personalData planting: PersonalDataPlanting,
        _ rng: inout SplitMix64
    ) -> ComposedText {
        var segments: [Segment] = []
        if rng.chance(0.4) { segments.append(Segment(text: rng.pick(NoiseMessages.greetings), roughen: true)) }
        segments.append(Segment(text: filler.fill(rng.pick(pain.citizen), &rng), roughen: true))
        if !pain.details.isEmpty, rng.chance(0.35) {
            segments.append(Segment(text: filler.fill(rng.pick(pain.details), &rng), roughen: true))
        }
        if let (_, other) = second {
            let joiner = rng.pick(["И ещё:", "Также", "Кроме того,", "И ещё вопрос.", ""])
            let body = filler.fill(rng.pick(other.citizen), &rng)
            segments.append(Segment(text: joiner.isEmpty ? body : "\(joiner) \(lowerFirst(body))", roughen: true))
        }
        if rng.chance(0.4) { segments.append(Segment(text: rng.pick(NoiseMessages.closings), roughen: true)) }
        return compose(
            segments,
            voice: .citizen,
            rate: typoRate,
            planting: planting,
            filler: &filler,
            &rng
        )
    }

    func formalAppeal(
        situation: SituationDefinition,
        pain: PainDefinition,
        filler: inout SlotFiller,
        personalData planting: PersonalDataPlanting,
        _ rng: inout SplitMix64
    ) -> ComposedText {
        var segments: [Segment] = []
        if rng.chance(0.7) {
            segments.append(Segment(text: filler.fill(rng.pick(NoiseMessages.formalOpenings), &rng), roughen: true))
        }
        segments.append(Segment(text: filler.fill(rng.pick(pain.citizen), &rng), roughen: true))
        if !pain.details.isEmpty, rng.chance(0.6) {
            segments.append(Segment(text: filler.fill(rng.pick(pain.details), &rng), roughen: true))
        }
        if rng.chance(0.3) {
            segments.append(Segment(text: filler.fill(rng.pick(pain.citizen), &rng), roughen: true))
        }
        segments.append(Segment(text: rng.pick(NoiseMessages.formalClosings), roughen: true))
        return compose(
            segments,
            voice: .formal,
            rate: typoRate / 2,
            planting: planting,
            filler: &filler,
            &rng
        )
    }

    func operatorNote(
        pain: PainDefinition,
        filler: inout SlotFiller,
        personalData planting: PersonalDataPlanting,
        _ rng: inout SplitMix64
    ) -> ComposedText {
        let segments = [Segment(text: filler.fill(rng.pick(pain.hotline), &rng), roughen: true)]
        return compose(
            segments,
            voice: .operatorNote,
            rate: typoRate / 3,
            light: true,
            planting: planting,
            filler: &filler,
            &rng
        )
    }

    func shortPhrase(pain: PainDefinition, filler: inout SlotFiller, _ rng: inout SplitMix64) -> String {
        let base = rng.chance(0.7) ? rng.pick(pain.short) : filler.fill(rng.pick(pain.citizen), &rng)
        return finish([Segment(text: base, roughen: true)], rate: typoRate, &rng)
    }

    func noiseMessage(hotline: Bool, filler: inout SlotFiller, _ rng: inout SplitMix64) -> String {
        let template = rng.pick(hotline ? NoiseMessages.hotline : NoiseMessages.citizen)
        return finish(
            [Segment(text: filler.fill(template, &rng), roughen: !hotline)],
            rate: typoRate,
            light: hotline,
            &rng
        )
    }

    // MARK: Personal data

    private enum Voice { case citizen, formal, operatorNote }

    /// The end of every voice's message: with `planting`'s probability (one draw), plants personal data into
    /// `segments`, then roughens and joins them at `rate` (`light`: fewer kinds of roughening).
    private func compose(
        _ segments: [Segment],
        voice: Voice,
        rate: Double,
        light: Bool = false,
        planting: PersonalDataPlanting,
        filler: inout SlotFiller,
        _ rng: inout SplitMix64
    ) -> ComposedText {
        var segments = segments
        var planted: [PersonalDataKind] = []
        if rng.chance(planting.probability) {
            plantPersonalData(
                into: &segments,
                voice: voice,
                region: planting.region,
                filler: &filler,
                planted: &planted,
                &rng
            )
        }
        return ComposedText(text: finish(segments, rate: rate, light: light, &rng), personalData: planted)
    }

    private func plantPersonalData(
        into segments: inout [Segment],
        voice: Voice,
        region: SampleRegion,
        filler: inout SlotFiller,
        planted: inout [PersonalDataKind],
        _ rng: inout SplitMix64
    ) {
        let kinds: [PersonalDataKind] = [.phone, .fullName, .email, .address, .snils, .passport, .inn12]
        let weights: [Double] = voice == .formal ? [20, 35, 20, 20, 5, 3, 3] : [30, 25, 12, 12, 10, 6, 5]
        let count = rng.chance(0.2) ? 2 : 1
        let person = PersonalData.person(&rng)
        var chosen: [PersonalDataKind] = []
        while chosen.count < count {
            let kind = kinds[rng.weightedIndex(weights)]
            if !chosen.contains(kind) { chosen.append(kind) }
        }
        for kind in chosen {
            let sentence = personalSentence(kind, person: person, voice: voice, region: region, filler: &filler, &rng)
            planted.append(kind)
            let segment = Segment(text: sentence, roughen: false)
            if voice == .formal || rng.chance(0.6) || segments.count < 2 {
                segments.append(segment)
            } else {
                segments.insert(segment, at: 1)
            }
        }
    }

    private func personalSentence(
        _ kind: PersonalDataKind,
        person: FakePerson,
        voice: Voice,
        region: SampleRegion,
        filler: inout SlotFiller,
        _ rng: inout SplitMix64
    ) -> String {
        switch (kind, voice) {
        case (.phone, .operatorNote):
            return "Просит перезвонить по тел. \(PersonalData.phone(region, &rng))."
        case (.phone, _):
            let phone = PersonalData.phone(region, &rng)
            return rng.pick([
                "Мой телефон \(phone)", "тел. \(phone)", "Перезвоните мне по номеру \(phone).",
                "звоните \(phone)", "Контактный телефон: \(phone)", "Мой номер \(phone), жду звонка",
            ])
        case (.email, _):
            let email = PersonalData.email(person, &rng)
            return rng.pick([
                "Ответ прошу направить на \(email)", "моя почта \(email)", "e-mail: \(email)",
                "Пишите на почту \(email)",
            ])
        case (.snils, .operatorNote):
            return "СНИЛС заявителя \(PersonalData.snils(&rng))."
        case (.snils, _):
            let snils = PersonalData.snils(&rng)
            return rng.pick([
                "СНИЛС \(snils)", "Мой СНИЛС \(snils).", "СНИЛС ребёнка \(snils)", "страховой номер \(snils)",
            ])
        case (.fullName, .operatorNote):
            return rng.pick(["Заявитель: \(person.fullName).", "Со слов \(person.initials) ситуация повторяется."])
        case (.fullName, .formal):
            return rng.pick([
                "С уважением, \(person.fullName).", "С уважением, \(person.initials)", "\(person.fullName)",
            ])
        case (.fullName, .citizen):
            return rng.pick([
                "Меня зовут \(person.fullName).", "\(person.fullName)",
                "Я \(person.fullName), \(rng.int(in: 1955...2002)) г.р.",
                "Пишет \(person.initials)",
            ])
        case (.address, _):
            let address = PersonalData.address(region, &rng)
            return rng.pick([
                "Адрес: \(filler.municipality.addressPrefix), \(address)", "Проживаю по адресу \(address).",
                "Наш адрес \(address)", "Адрес проживания: \(address)",
            ])
        case (.passport, _):
            return "Мои данные: \(PersonalData.passport(region, &rng))."
        case (.inn12, _):
            let inn = PersonalData.inn12(region, &rng)
            return rng.pick(["ИНН \(inn)", "Мой ИНН \(inn).", "ИНН заявителя \(inn)"])
        }
    }

    // MARK: Roughening

    private func finish(_ segments: [Segment], rate: Double, light: Bool = false, _ rng: inout SplitMix64) -> String {
        let dropPunctuation = !light && rng.chance(0.12)
        let shout = !light && rng.chance(0.03)
        let lowerStart = !light && rng.chance(0.25)
        var parts: [String] = []
        for segment in segments {
            guard segment.roughen else {
                parts.append(segment.text)
                continue
            }
            var text = addTypos(segment.text, rate: rate, &rng)
            if dropPunctuation { text = String(text.filter { $0 != "," && $0 != "." }) }
            if shout { text = text.uppercased() }
            if !light, rng.chance(0.05) { text = text.replacingExclamations() }
            parts.append(text)
        }
        let multiline = allowMultiline && parts.count >= 3 && rng.chance(0.3)
        var text = parts.joined(separator: multiline ? "\n" : " ")
        if rng.chance(0.6) { text = text.replacingYo() }
        if lowerStart { text = lowerFirst(text) }
        if allowEmoji, !light, rng.chance(0.03) { text += " " + rng.pick(NoiseMessages.emoji) }
        return text
    }

    private func lowerFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }

    private static let keyboardRows: [[Character]] = [
        Array("йцукенгшщзхъ"), Array("фывапролджэ"), Array("ячсмитьбю"),
    ]

    private static func neighbour(of char: Character, _ rng: inout SplitMix64) -> Character? {
        for row in keyboardRows {
            guard let index = row.firstIndex(of: char) else { continue }
            var options: [Character] = []
            if index > 0 { options.append(row[index - 1]) }
            if index + 1 < row.count { options.append(row[index + 1]) }
            return options.isEmpty ? nil : rng.pick(options)
        }
        return nil
    }

    func addTypos(_ text: String, rate: Double, _ rng: inout SplitMix64) -> String {
        guard rate > 0 else { return text }
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        var out: [String] = []
        out.reserveCapacity(words.count)
        for word in words {
            var chars = Array(word)
            let letters = chars.filter { ("а"..."я").contains($0) || $0 == "ё" }
            guard letters.count >= 4, letters.count == chars.count, rng.chance(rate) else {
                out.append(String(word))
                continue
            }
            let position = rng.int(in: 1...(chars.count - 2))
            switch rng.below(4) {
            case 0: chars.swapAt(position, position + 1)
            case 1: chars.remove(at: position)
            case 2:
                if let near = Self.neighbour(of: chars[position], &rng) { chars[position] = near }
            default: chars.insert(chars[position], at: position)
            }
            out.append(String(chars))
        }
        return out.joined(separator: " ")
    }
}

extension String {
    func replacingYo() -> String {
        String(map { $0 == "ё" ? "е" : ($0 == "Ё" ? "Е" : $0) })
    }

    func replacingExclamations() -> String {
        var out = ""
        for char in self {
            out.append(char)
            if char == "!" { out += "!!" }
        }
        return out
    }
}

import PainmapCore

/// Generates a deterministic labelled corpus for the redactor: messages about public services with planted
/// personal data of every type (valid and checksum-invalid), look-alikes that must stay, and clean messages.
///
/// The same seed and sizes give the same corpus, byte for byte.
public struct PIICorpusGenerator: Sendable {
    /// The seed.
    public var seed: UInt64
    /// Planted positives per type (checksum-invalid variants come on top, a third as many).
    public var perType: Int
    /// Clean messages.
    public var clean: Int
    /// Look-alikes per type.
    public var decoysPerType: Int

    /// Creates a generator.
    /// - Parameters:
    ///   - seed: The seed.
    ///   - perType: Planted positives per type (600 by default, RELIABILITY.md §2.6).
    ///   - clean: Messages without personal data (5,000 by default).
    ///   - decoysPerType: Look-alikes per type (a third of `perType` when `nil`).
    public init(seed: UInt64 = 20_260_706, perType: Int = 600, clean: Int = 5_000, decoysPerType: Int? = nil) {
        self.seed = seed
        self.perType = perType
        self.clean = clean
        self.decoysPerType = decoysPerType ?? max(1, perType / 3)
    }

    /// Generates the corpus: positives type by type, then look-alikes, then clean messages.
    public func generate() -> [LabelledMessage] {
        var rng = EvalRandom(seed: seed)
        var messages: [LabelledMessage] = []
        messages.reserveCapacity(perType * 12 + clean)
        for type in PIICorpusGenerator.firstTypes {
            for index in 0..<perType {
                messages.append(message(planting: type, role: .positive, index: index, &rng))
            }
            if [.snils, .inn, .ogrn, .card].contains(type) {
                for index in 0..<max(1, perType / 3) {
                    messages.append(message(planting: type, role: .invalidChecksum, index: index, &rng))
                }
            }
        }
        for type in PIICorpusGenerator.firstTypes {
            let templates = CorpusTemplates.decoys[type] ?? []
            for index in 0..<decoysPerType {
                let template = index % templates.count
                var builder = MessageBuilder()
                openMessage(&builder, &rng)
                let value = CorpusTemplates.decoyValue(type, template: template, &rng)
                builder.append(template: templates[template], planted: Planted(type: type, core: value), role: .decoy)
                closeMessage(&builder, &rng)
                messages.append(LabelledMessage(text: builder.text, spans: builder.spans, isClean: false))
            }
        }
        for _ in 0..<clean {
            var builder = MessageBuilder()
            openMessage(&builder, &rng)
            if rng.chance(0.5) {
                builder.append(" ")
                builder.append(rng.pick(CorpusTemplates.topics))
            }
            closeMessage(&builder, &rng)
            messages.append(LabelledMessage(text: builder.text, spans: [], isClean: true))
        }
        appendBirthDates(to: &messages)
        return messages
    }

    /// The types of the first corpus; types added later are generated after the clean messages from a generator of
    /// their own, so that the corpus of the first types stays the same, byte for byte, and old and new redactors can
    /// be timed on it.
    static let firstTypes = PersonalDataType.allCases.filter { $0 != .birthDate }

    /// Dates of birth (`perType` positives, `decoysPerType` plain dates that must stay), appended at the end.
    private func appendBirthDates(to messages: inout [LabelledMessage]) {
        var rng = EvalRandom(seed: seed ^ 0xB1D7_DA7E)
        for index in 0..<perType {
            messages.append(message(planting: .birthDate, role: .positive, index: index, &rng))
        }
        let templates = CorpusTemplates.decoys[.birthDate] ?? []
        for index in 0..<decoysPerType {
            let template = index % templates.count
            var builder = MessageBuilder()
            openMessage(&builder, &rng)
            let value = CorpusTemplates.decoyValue(.birthDate, template: template, &rng)
            builder.append(template: templates[template], planted: Planted(type: .birthDate, core: value), role: .decoy)
            closeMessage(&builder, &rng)
            messages.append(LabelledMessage(text: builder.text, spans: builder.spans, isClean: false))
        }
    }

    private func openMessage(_ builder: inout MessageBuilder, _ rng: inout EvalRandom) {
        let greeting = rng.pick(CorpusTemplates.greetings)
        if !greeting.isEmpty, rng.chance(0.4) { builder.append(greeting + " ") }
        builder.append(rng.pick(CorpusTemplates.topics))
        builder.append(" ")
    }

    private func closeMessage(_ builder: inout MessageBuilder, _ rng: inout EvalRandom) {
        if rng.chance(0.5) { builder.append(" " + rng.pick(CorpusTemplates.closings)) }
    }

    /// A message around one planted identifier; sometimes a second one of another type.
    private func message(planting type: PersonalDataType, role: GoldSpan.Role, index: Int, _ rng: inout EvalRandom)
        -> LabelledMessage
    {
        var builder = MessageBuilder()
        openMessage(&builder, &rng)
        let person = FakePeople.person(&rng)
        let (template, planted) = plant(type, role: role, person: person, &rng)
        builder.append(template: template, planted: planted, role: role)
        if role == .positive, rng.chance(0.15) {
            // A second identifier, as real messages often carry a name and a phone together.
            let other = rng.pick(PIICorpusGenerator.firstTypes.filter { $0 != type })
            builder.append(" ")
            let (secondTemplate, second) = plant(other, role: .positive, person: person, &rng)
            builder.append(template: secondTemplate, planted: second, role: .positive)
        }
        closeMessage(&builder, &rng)
        return LabelledMessage(text: builder.text, spans: builder.spans, isClean: false)
    }

    private func plant(_ type: PersonalDataType, role: GoldSpan.Role, person: FakePerson, _ rng: inout EvalRandom) -> (
        String, Planted
    ) {
        let valid = role != .invalidChecksum
        switch type {
        case .phone:
            let cued = rng.chance(0.75)
            return (
                rng.pick(cued ? CorpusTemplates.phoneCued : CorpusTemplates.phoneUncued),
                Planted(type: .phone, core: FakeIdentifiers.phone(&rng, cued: cued))
            )
        case .email:
            return (rng.pick(CorpusTemplates.email), Planted(type: .email, core: FakeIdentifiers.email(person, &rng)))
        case .snils:
            if valid, rng.chance(0.15) {
                var value = FakeIdentifiers.snils(&rng, valid: true)
                if !value.contains(" ") && !value.contains("-") { value = FakeIdentifiers.snils(&rng, valid: true) }
                return (rng.pick(CorpusTemplates.snilsUnlabelled), Planted(type: .snils, core: value))
            }
            return (
                rng.pick(CorpusTemplates.snilsLabelled),
                Planted(type: .snils, core: FakeIdentifiers.snils(&rng, valid: valid))
            )
        case .inn:
            if valid, rng.chance(0.2) {
                return (
                    rng.pick(CorpusTemplates.innOrganisation),
                    Planted(type: .inn, core: FakeIdentifiers.inn(&rng, personal: false, valid: true), isPublic: true)
                )
            }
            if valid, rng.chance(0.15) {
                return (
                    rng.pick(CorpusTemplates.innUnlabelled),
                    Planted(type: .inn, core: FakeIdentifiers.inn(&rng, personal: true, valid: true))
                )
            }
            let personal = rng.chance(0.8)
            return (
                rng.pick(CorpusTemplates.innLabelled),
                Planted(
                    type: .inn,
                    core: FakeIdentifiers.inn(&rng, personal: personal, valid: valid),
                    isPublic: !personal
                )
            )
        case .ogrn:
            let template = rng.pick(CorpusTemplates.ogrnLabelled)
            let individual = template.contains("ОГРНИП")
            return (
                template,
                Planted(
                    type: .ogrn,
                    core: FakeIdentifiers.ogrn(&rng, individual: individual, valid: valid),
                    isPublic: !individual
                )
            )
        case .passport:
            return (rng.pick(CorpusTemplates.passport), FakeIdentifiers.passport(&rng))
        case .card:
            let digits = FakeIdentifiers.card(&rng, valid: valid)
            if valid, rng.chance(0.15) {
                return (
                    rng.pick(CorpusTemplates.cardUnlabelled),
                    Planted(type: .card, core: FakeIdentifiers.formatCard(digits, &rng))
                )
            }
            return (
                rng.pick(CorpusTemplates.cardLabelled),
                Planted(type: .card, core: FakeIdentifiers.formatCard(digits, &rng))
            )
        case .vehiclePlate:
            return (rng.pick(CorpusTemplates.plate), Planted(type: .vehiclePlate, core: FakeIdentifiers.plate(&rng)))
        case .address:
            return (rng.pick(CorpusTemplates.address), Planted(type: .address, core: CorpusTemplates.address(&rng)))
        case .birthDate:
            return (rng.pick(CorpusTemplates.birthDate), Planted(type: .birthDate, core: CorpusTemplates.date(&rng)))
        case .fullName:
            switch rng.below(10) {
            case 0, 1:
                let g = person.genitive
                let spelled =
                    rng.chance(0.5)
                    ? "\(g.surname) \(g.firstName) \(g.patronymic)"
                    : "\(g.surname) \(person.firstName.prefix(1)).\(person.patronymic.prefix(1))."
                return (rng.pick(CorpusTemplates.nameGenitive), Planted(type: .fullName, core: spelled))
            case 2:
                let template = rng.pick(CorpusTemplates.nameRoles)
                let female =
                    template.contains("отказала") || template.contains("нагрубила") || template.contains("дала")
                var surname = FakePeople.feminine(
                    rng.pick(
                        FakePeople.surnames.filter {
                            $0.hasSuffix("ов") || $0.hasSuffix("ев") || $0.hasSuffix("ин") || $0.hasSuffix("ский")
                        }
                    )
                )
                if !female {
                    surname = rng.pick(FakePeople.surnames.filter { $0.hasSuffix("ов") || $0.hasSuffix("ин") })
                }
                return (template, Planted(type: .fullName, core: surname))
            default:
                return (
                    rng.pick(CorpusTemplates.nameTemplates),
                    Planted(type: .fullName, core: FakePeople.spelling(person, &rng).text)
                )
            }
        }
    }
}

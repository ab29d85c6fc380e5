import PainmapClustering

/// Small synthetic batches with planted topics, built from hand-written stems and surface forms.
///
/// Every document takes four of its topic's six words in a random order, sometimes with a filler word
/// shared by all topics; a local linear congruential generator keeps the batches identical on every run.
enum PlantedCorpus {
    /// A planted topic: its name (the prefix of document ids) and its words as (stem, main surface, other surface).
    struct Topic {
        let name: String
        let words: [(stem: String, surface: String, variant: String)]
    }

    static let kindergarten = Topic(
        name: "sad",
        words: [
            ("очеред", "очереди", "очередь"), ("садик", "садик", "садика"), ("мест", "места", "место"),
            ("номер", "номер", "номера"), ("ребенк", "ребенка", "ребенку"),
            ("комплектован", "комплектовании", "комплектование"),
        ]
    )
    static let heating = Topic(
        name: "heat",
        words: [
            ("отоплен", "отопления", "отопление"), ("батар", "батареи", "батарея"), ("холодн", "холодно", "холодная"),
            ("квартир", "квартире", "квартира"), ("мерзнут", "мерзнут", "мерзнет"),
            ("котельн", "котельная", "котельной"),
        ]
    )
    static let doctor = Topic(
        name: "doc",
        words: [
            ("запис", "записаться", "запись"), ("врач", "врачу", "врача"), ("талон", "талонов", "талон"),
            ("поликлиник", "поликлинике", "поликлиника"), ("регистратур", "регистратуре", "регистратура"),
            ("терапевт", "терапевту", "терапевта"),
        ]
    )
    static let benefits = Topic(
        name: "pay",
        words: [
            ("пособ", "пособие", "пособия"), ("выплат", "выплату", "выплаты"),
            ("задержива", "задерживают", "задерживает"),
            ("начисл", "начислили", "начисление"), ("перечисл", "перечисляют", "перечислили"),
            ("карт", "карту", "карта"),
        ]
    )
    static let all = [kindergarten, heating, doctor, benefits]
    static let fillers: [(stem: String, surface: String)] = [
        ("ответ", "ответа"), ("скольк", "сколько"), ("жалоб", "жалоба"),
    ]

    /// `perTopic` documents for each topic, interleaved (topic 0, 1, 2, 3, 0, …), ids `"<topic>-<n>"`.
    static func documents(topics: [Topic] = all, perTopic: Int, seed: UInt64 = 7) -> [ClusterDocument] {
        var generator = Generator(state: seed)
        var documents: [ClusterDocument] = []
        for index in 0..<perTopic {
            for topic in topics {
                documents.append(document(topic, id: "\(topic.name)-\(index)", generator: &generator))
            }
        }
        return documents
    }

    /// One document of a topic.
    static func document(_ topic: Topic, id: String, generator: inout Generator) -> ClusterDocument {
        var words = Array(topic.words.indices)
        for index in words.indices.reversed() { words.swapAt(index, generator.next(below: index + 1)) }
        var tokens = words.prefix(4).map { index -> ClusterToken in
            let word = topic.words[index]
            return ClusterToken(stem: word.stem, surface: generator.next(below: 4) == 0 ? word.variant : word.surface)
        }
        if generator.next(below: 2) == 0 {
            let filler = fillers[generator.next(below: fillers.count)]
            tokens.insert(
                ClusterToken(stem: filler.stem, surface: filler.surface),
                at: generator.next(below: tokens.count)
            )
        }
        return ClusterDocument(id: id, tokens: tokens, quoteText: tokens.map(\.surface).joined(separator: " ") + ".")
    }

    /// A document from stems only (surface = stem).
    static func plain(_ id: String, _ stems: [String], weight: Int = 1) -> ClusterDocument {
        ClusterDocument(id: id, tokens: stems.map { ClusterToken(stem: $0, surface: $0) }, weight: weight)
    }

    /// The planted topic name of a document id.
    static func topic(of id: String) -> String {
        String(id.prefix { $0 != "-" })
    }

    /// A 64-bit linear congruential generator (Knuth's MMIX constants).
    struct Generator {
        var state: UInt64

        mutating func next(below bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }
}

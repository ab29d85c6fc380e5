/// Words of the address grammar: street and settlement types, house and flat markers, and the context that
/// tells a citizen's home from a public building (natasha `addr.py` as the anchor).
enum AddressLexicon {
    /// Street types, abbreviated and in full, in the cases a complaint uses.
    static let streetTypes = WordSet(streetTypeWords)
    static let streetTypeWords: [String] = [
        "ул", "улица", "улице", "улицу", "улицы", "пр", "пр-т", "пр-кт", "просп", "проспект", "проспекта", "проспекте",
        "пер", "переулок", "переулке", "переулка", "б-р", "бул", "бульвар", "бульваре", "бульвара", "ш", "шоссе", "наб",
        "набережная", "набережной", "пл", "площадь", "площади", "пр-д", "проезд", "проезде", "проезда", "мкр", "мкрн",
        "микрорайон", "микрорайоне", "микрорайона", "тупик", "аллея", "аллее", "тракт", "тракте", "квартал", "кв-л",
        "тер", "снт", "днт", "тсн", "сот", "гск", "ст", "мкр-н", "товарищество", "товарищества",
        "товариществе", "садоводство", "массив", "дпк", "днп",
    ]
    /// Street types that may follow the street's name: «Красный проспект», «Морской пр-т».
    static let trailingStreetTypes = WordSet(trailingStreetTypeWords)
    static let trailingStreetTypeWords: [String] = [
        "проспект", "проспекта", "проспекте", "пр-т", "пр-кт", "переулок", "переулке", "бульвар", "бульваре", "шоссе",
        "тракт", "тракте", "проезд", "проезде", "набережная", "набережной", "площадь", "площади", "улица", "улице",
        "ул", "пер", "пр-д", "пр", "б-р", "бул", "ш", "наб", "туп", "пл", "мкр", "мкрн", "мкр-н",
        "микрорайон", "микрорайона", "микрорайоне", "квартал", "квартала",
    ]
    /// Settlement types, as in `с. Ивановка, д. 5`.
    static let settlementTypes = WordSet(settlementTypeWords)
    static let settlementTypeWords: [String] = [
        "с", "село", "селе", "д", "дер", "деревня", "деревне", "п", "пос", "посёлок", "поселок", "поселке", "пгт", "рп",
        "х", "хутор", "хуторе", "ст-ца", "станица", "станице", "аул",
    ]
    /// House markers.
    static let houseMarkers = WordSet(houseMarkerWords)
    static let houseMarkerWords: [String] = [
        "д", "дом", "доме", "дома", "домом", "вл", "владение", "уч", "участок", "участке", "уч-к", "зд", "здание",
    ]
    /// Building markers.
    static let buildingMarkers = WordSet(["корп", "корпус", "к", "стр", "строение", "лит", "литера"])
    /// Flat markers.
    static let flatMarkers = WordSet([
        "кв", "квартира", "квартире", "квартиры", "комн", "комната", "ком", "оф", "офис", "пом", "кв-ра", "кв-ры",
        "кв-ре", "квар", "кварт",
    ])
    /// Words before a street that make the address a public building's.
    static let publicBuildings = WordSet([
        "мфц", "поликлиника", "поликлиники", "поликлинику", "поликлинике", "больница", "больницы", "больницу",
        "больнице",
        "школа", "школы", "школу", "школе", "сад", "сада", "саду", "садик", "садика", "садике", "администрация",
        "администрации", "отделение", "отделения", "отделении", "офис", "офиса", "офисе", "центр", "центра", "центре",
        "управление", "управления", "управлении", "пфр", "сфр", "соцзащита", "соцзащиты", "соцзащиту", "соцзащите",
        "суд",
        "суда", "суде", "здание", "здания", "здании", "библиотека", "библиотеки", "гбуз", "гбу", "мбу", "мбоу", "мбдоу",
        "мадоу", "маоу", "кгбу", "кгку", "гку", "отдел", "отдела", "отделе", "филиал", "филиала", "филиале", "почта",
        "почты", "почте", "касса", "кассы", "учреждение", "учреждения", "департамент", "министерство", "военкомат",
        "военкомата", "цспн", "гибдд", "мвд", "загс", "загса", "фонд", "фонда", "фонде", "диспансер", "диспансера",
        "роддом", "роддома", "ведомство", "инспекция", "инспекции", "налоговая", "налоговой", "пункт", "пункта",
        "консультация", "консультации", "служба", "службы", "бюро", "мсэ", "прокуратура", "прокуратуру",
        "прокуратуры", "прокуратуре", "полиция", "полицию", "полиции", "суд", "суда", "суде", "военкомат", "мфц",
        "ведомства", "министерства", "министерство", "приемная", "приемной", "приемную", "соцфонда", "соцфонд",
        "клиентская", "клиентской", "учреждения", "учреждении", "инспекцию", "опеки", "опека", "собес", "фсс",
    ])
    /// Words before a street that make the address someone's home.
    static let homeContext = WordSet([
        "проживаю", "проживает", "проживаем", "проживающий", "проживающая", "проживания", "живу", "живет", "живем",
        "прописан", "прописана", "прописка", "регистрации", "зарегистрирован", "зарегистрирована", "мой", "наш", "моя",
        "наша", "моего", "нашего", "моему", "нашему", "дом", "дома", "доме", "частный", "проживания", "прописана",
        "живут", "живет", "проживают", "квартира", "квартиру", "ответа",
    ])

    /// Whether a word is a street type written in full with one typo — a letter swapped with the next, dropped,
    /// doubled or replaced, the first letter kept («прлспект», «прооспект», «просепкт», «пееулок»): citizens' texts
    /// hold them, and a person's name after one is the street's name as after the type itself.
    ///
    /// Only the types of six letters or more are compared (shorter ones are a typo away from ordinary words).
    static func isMisspelledStreetType(_ key: WordKey) -> Bool {
        guard key.length >= 5, key.length <= 12, fullStreetTypeFirsts[Int(key.byte(at: 0))] else { return false }
        if streetTypes.contains(key) { return false }
        return fullStreetTypes.contains { type in
            abs(type.length - key.length) <= 1 && type.byte(at: 0) == key.byte(at: 0) && isOneEditApart(type, key)
        }
    }

    /// The street types of six letters or more, spelled in full, in every case the lists hold.
    private static let fullStreetTypes: [WordKey] = Array(
        Set((streetTypeWords + trailingStreetTypeWords).filter { $0.count >= 6 && !$0.contains("-") })
    ).sorted().map { WordKey($0) }
    /// Indexed by byte: the first letters of ``fullStreetTypes``.
    private static let fullStreetTypeFirsts: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for type in fullStreetTypes { table[Int(type.byte(at: 0))] = true }
        return table
    }()

    /// Whether two words (at most 16 letters) are one substitution, insertion, deletion or swap of neighbours apart.
    static func isOneEditApart(_ a: WordKey, _ b: WordKey) -> Bool {
        let (short, long) = a.length <= b.length ? (a, b) : (b, a)
        var first = 0
        while first < short.length, short.byte(at: first) == long.byte(at: first) { first += 1 }
        if first == short.length { return long.length - short.length == 1 }
        func equalTail(_ shortFrom: Int, _ longFrom: Int) -> Bool {
            var i = shortFrom
            var j = longFrom
            while i < short.length {
                if short.byte(at: i) != long.byte(at: j) { return false }
                i += 1
                j += 1
            }
            return j == long.length
        }
        if short.length == long.length {
            if equalTail(first + 1, first + 1) { return true }  // replaced
            return first + 1 < short.length && short.byte(at: first) == long.byte(at: first + 1)
                && short.byte(at: first + 1) == long.byte(at: first) && equalTail(first + 2, first + 2)  // swapped
        }
        return long.length - short.length == 1 && equalTail(first, first + 1)  // inserted or dropped
    }

    /// What a word can open, in one lookup.
    ///
    /// Bit 0 a street type, 1 a type after the name, 2 a settlement type, 3 a house marker. Words in none of these
    /// sets are not in the table.
    static let kinds: WordTable<UInt8> = {
        var bits: [WordKey: UInt8] = [:]
        let sets: [([String], UInt8)] = [
            (streetTypeWords, 1), (trailingStreetTypeWords + ["линия", "линии", "улица", "аллея", "проезд"], 2),
            (settlementTypeWords, 4), (houseMarkerWords, 8),
        ]
        for (words, bit) in sets { for word in words { bits[WordKey(word), default: 0] |= bit } }
        return WordTable(keyed: bits.map { ($0.key, $0.value) })
    }()
}

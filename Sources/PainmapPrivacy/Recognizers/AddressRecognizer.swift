import PainmapCore

/// Finds street addresses with a house number.
///
/// For example «ул. Ленина, д. 5, кв. 12», «Красный проспект 12-45», «пр-т Мира, 3а, корп. 2»,
/// «д. Петровка, д. 7».
///
/// A street without a house number («улица не чищена», «на ул. Ленина») is not an address of a person. A
/// house without a flat after a public building's name («МФЦ на ул. Ленина, д. 5») is the building's
/// address and stays, unless home context («проживаю», «мой адрес») says otherwise.
struct AddressRecognizer {
    func find(in text: ScannedText, into candidates: inout [Candidate]) {
        let tokens = text.tokens
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            let token = tokens[index]
            guard token.isWord else { continue }
            var match: (start: Int, end: Int, flat: Bool)?
            let kinds = AddressLexicon.kinds[token.key] ?? 0
            if kinds & 1 != 0 {
                match = street(at: index, in: text)
            }
            if match == nil, kinds & 2 != 0 {
                match = trailingStreet(at: index, in: text)
            }
            if match == nil, kinds & 4 != 0 {
                match = settlement(at: index, in: text)
            }
            if match == nil, kinds & 8 != 0 {
                match = houseBeforeStreet(at: index, in: text)
            }
            if match == nil, AddressRecognizer.hasNumberAhead(index, in: text), AddressRecognizer.mayNameStreet(token) {
                match = untypedStreet(at: index, in: text)
            }
            guard let found = match else { continue }
            var start = placesBefore(found.start, in: text)
            // «садовое товарищество …»: the adjective belongs to the type.
            if AddressRecognizer.gardenTypes.contains(tokens[start].key),
                let previous = text.previous(before: start), let word = text.word(previous), word.length >= 5,
                NameLexicon.hasAdjectiveEnding(word.key) || word.key.hasSuffix(AddressRecognizer.neuterEnding)
            {
                start = placesBefore(previous, in: text)
            }
            if !found.flat, isPublicBuilding(before: start, in: text) { continue }
            let end = placesAfter(found.end, in: text)
            candidates.append(Candidate(type: .address, start: tokens[start].start, end: tokens[end].end))
            index = end
        }
    }

    /// `keyword [.] name… [,] house…`.
    private func street(at keyword: Int, in text: ScannedText) -> (start: Int, end: Int, flat: Bool)? {
        // «…перегораживает проезд. Телефон МФЦ 8-…»: after a word written in full a dot ends the sentence.
        if text.tokens[keyword].length > 4, text.isSymbol(keyword + 1, ".") { return nil }
        guard var cursor = afterAbbreviation(keyword, in: text) else { return nil }
        // «на улице мороз минус 35»: a spelled-out type before a lower-case word is often no address at all.
        // In a text in capitals («КАРТУ ДЛЯ ЛЬГОТНОГО ПРОЕЗДА РЕБЁНКА…») a capital says nothing: read it as lower case.
        let spelledOut =
            text.tokens[keyword].length > 4 && cursor < text.tokens.count && text.tokens[cursor].isWord
            && (!text.tokens[cursor].isCapitalized || text.tokens[cursor].isUpper && text.tokens[keyword].isUpper)
        var names = 0
        while names < 5, cursor < text.tokens.count {
            let token = text.tokens[cursor]
            if token.isWord, !isMarker(token.key) {
                names += 1
            } else if names == 0, token.isNumber, let next = text.next(after: cursor),
                text.tokens[next].start > token.end || text.tokens[next].isSymbol("-"),
                isNameAfterNumber(next, in: text)
            {
                // «8 Марта», «50 лет Октября», «1-я Садовая».
                names += 1
            } else if token.isSymbol("«") || token.isSymbol("»") || token.isSymbol("\"") {
                // «СНТ «Ромашка», участок 15».
            } else if token.isSymbol("-") || token.isSymbol("."), names > 0 {
                // «Немировича-Данченко» is one token; a hyphen or dot inside a name is rare but allowed.
            } else {
                break
            }
            guard let next = text.next(after: cursor) else { return nil }
            cursor = next
        }
        guard names > 0, let found = house(from: cursor, start: keyword, in: text, markerRequired: false) else {
            return nil
        }
        // After a spelled-out type and a lower-case word, a house needs a flat, a marker or an address word before.
        if spelledOut, !found.flat, !hasAddressLead(before: keyword, in: text),
            !text.tokens[(keyword + 1)...found.end].contains(where: {
                $0.isWord && AddressLexicon.houseMarkers.contains($0.key)
            })
        {
            return nil
        }
        return found
    }

    /// A street written without its type: «Гагарина 27-258», «лермонтова 3 кв 268», «Карла Маркса 17-75».
    ///
    /// «Лермонтова, 10в» counts after a place («г. Тобольск, …») or an address word («адрес», «проживаю»). Without a flat or
    /// such a lead-in a name and a number are too often something else («Постановление 45-12» has no street shape,
    /// but «Ленина 5» may be a count).
    private func untypedStreet(at index: Int, in text: ScannedText) -> (start: Int, end: Int, flat: Bool)? {
        let tokens = text.tokens
        if let previous = text.previous(before: index), let word = text.word(previous),
            AddressLexicon.streetTypes.contains(word.key)
        {
            return nil
        }
        var last = index
        // A two-word name: «Карла Маркса», «Героев Труда».
        if let next = text.next(after: index), tokens[next].isWord, tokens[next].length >= 3,
            !NameLexicon.notPersons.contains(tokens[next].key),
            tokens[next].isCapitalized == tokens[index].isCapitalized, !text.lineBreak(between: index, next),
            NameDictionary.names[firstName: tokens[index].key] != nil
                || tokens[index].key.sameHead(AddressRecognizer.heroes)
                || AddressRecognizer.isGenitiveAdjective(tokens[index].key)
        {
            last = next
        }
        guard let cursor = text.next(after: last), !text.lineBreak(between: last, cursor),
            let found = house(from: cursor, start: index, in: text, markerRequired: false)
        else { return nil }
        if found.flat { return found }
        let joined = found.end > cursor && text.tokens[(cursor + 1)...found.end].contains { $0.isSymbol("/") }
        return joined || hasAddressLead(before: index, in: text) ? (found.start, found.end, true) : nil
    }

    /// The places written after a house, over commas, such as a flat, a town and a postcode.
    ///
    /// Examples: `…, кв. 239, г. Казань, 420000`, «… город Омск 644557», «…, Северск, 636148».
    /// Returns the last token of the last place, or `end` when there is none.
    func placesAfter(_ end: Int, in text: ScannedText) -> Int {
        let tokens = text.tokens
        var last = end
        var places = 0
        while places < 4 {
            guard var cursor = text.next(after: last), !text.lineBreak(between: last, cursor) else { break }
            if tokens[cursor].isSymbol(",") {
                guard let next = text.next(after: cursor), !text.lineBreak(between: cursor, next) else { break }
                cursor = next
            }
            if tokens[cursor].isNumber, tokens[cursor].length == 6 {
                last = cursor
                places += 1
                continue
            }
            guard let word = text.word(cursor) else { break }
            if AddressRecognizer.placeTypes.contains(word.key) {
                // «г. Казань», «город Нижний Тагил»: the type, then one or two words of the name.
                guard var name = afterAbbreviation(cursor, in: text), name < tokens.count, tokens[name].isWord,
                    !AddressRecognizer.isPreposition(cursor, before: name, in: text)
                else {
                    break
                }
                last = name
                if let second = text.next(after: name), tokens[second].isWord, tokens[second].isCapitalized,
                    tokens[name].isCapitalized, !text.lineBreak(between: name, second),
                    !NameLexicon.notPersons.contains(tokens[second].key)
                {
                    name = second
                    last = second
                }
                places += 1
                continue
            }
            // «…, Северск, 636148»: a bare town only before a postcode.
            if word.isCapitalized, var next = text.next(after: cursor) {
                if tokens[next].isSymbol(","), let after = text.next(after: next) { next = after }
                if tokens[next].isNumber, tokens[next].length == 6 {
                    last = next
                    places += 1
                    continue
                }
            }
            break
        }
        return last
    }

    /// Whether a place or an address word comes right before `index`.
    ///
    /// A place is «г. Тобольск,»; address words are «адрес», «проживаю по».
    private func hasAddressLead(before index: Int, in text: ScannedText) -> Bool {
        if placesBefore(index, in: text) != index { return true }
        var cursor = index
        var words = 0
        while words < 3, let previous = text.previous(before: cursor), !text.lineBreak(between: previous, cursor) {
            cursor = previous
            guard let word = text.word(previous) else {
                if text.tokens[previous].isSymbol(":") || text.tokens[previous].isSymbol(",") { continue }
                return false
            }
            if AddressRecognizer.addressLeads.contains(word.key) || AddressLexicon.homeContext.contains(word.key) {
                return true
            }
            words += 1
        }
        return false
    }

    /// Whether a four-digit number reads as a year of this or the last century (1900–2099).
    static func isYear(_ token: Token, in text: ScannedText) -> Bool {
        var value = 0
        for scalar in text.scalars[token.start..<token.end] {
            guard let digit = scalar.properties.numericType != nil ? Int(String(scalar)) : nil else { return false }
            value = value * 10 + digit
        }
        return (1900...2099).contains(value)
    }

    /// Whether a word may be a street's name without its type.
    ///
    /// It may when it has a genitive or adjectival ending («Гагарина», «Дзержинского», «Набережная») or is a first
    /// name («Карла Маркса»); capitalised, or lower case with such an ending.
    /// Whether a number follows within the next two words (an untyped street needs its house number).
    @inline(__always)
    static func hasNumberAhead(_ index: Int, in text: ScannedText) -> Bool {
        var cursor = index + 1
        var words = 0
        while cursor < text.tokens.count, cursor <= index + 6 {
            let token = text.tokens[cursor]
            if token.isNumber { return true }
            if token.isWord {
                words += 1
                if words > 1 { return false }
            } else if token.hasLineBreak || token.isPlaceholder {
                return false
            }
            cursor += 1
        }
        return false
    }

    static func mayNameStreet(_ token: Token) -> Bool {
        // «Квартира 46 кв. м»: a flat's or a house's marker names no street.
        guard token.length >= 4, token.isWord, !token.isUpper, NumberCue.of(token.key) == nil,
            !NameLexicon.notPersons.contains(token.key), !NameLexicon.cue(token.key).isCue,
            !AddressLexicon.flatMarkers.contains(token.key), !AddressLexicon.houseMarkers.contains(token.key)
        else { return false }
        if streetEndings.containsEnding(of: token.key, lengths: 2...4) { return true }
        return NameDictionary.names[firstName: token.key] != nil
    }

    private static let streetEndings = WordSet(endings: [
        "ова", "ева", "ина", "ына", "ого", "его", "ая", "яя", "ой", "ей", "ий", "ый", "ых", "их", "ена", "ра",
        "ко", "са", "ля", "ца", "ов", "ев", "цев", "ст",
    ])
    private static let heroes = WordKey("героев")
    private static let selo = WordKey("с")
    private static let metre = WordKey("м")

    /// Whether the place type at `type` is the preposition «с» («с июля», «с мая»): written without the dot of «с.»
    /// (село) and before a lower-case word.
    static func isPreposition(_ type: Int, before name: Int, in text: ScannedText) -> Bool {
        text.tokens[type].isWord && text.tokens[type].key.sameHead(selo) && !text.isSymbol(type + 1, ".")
            && !text.tokens[name].isCapitalized
    }

    /// Whether a word ends like an adjective in the genitive, as the first word of a two-word street's name does:
    /// «Красных Зорь», «Советской Армии», «Молодой Гвардии», «Девятого Января».
    static func isGenitiveAdjective(_ key: WordKey) -> Bool {
        key.length >= 5 && genitiveAdjectiveEndings.containsEnding(of: key, lengths: 2...3)
    }
    private static let genitiveAdjectiveEndings = WordSet(endings: ["ых", "их", "ой", "ей", "ого", "его"])
    private static let neuterEnding = WordKey("ое")
    private static let street = WordKey("улица")
    private static let addressLeads = WordSet([
        "адрес", "адресу", "адреса", "адресом", "прописан", "прописана", "прописаны", "прописка", "проживает",
        "проживаю", "проживаем", "живу", "живем", "живет", "регистрации", "зарегистрирован", "зарегистрирована",
        "дома", "доме", "дом", "проживания",
    ])

    /// `д. 5 по ул. Ленина`, `дом 7 на улице Мира`: the house first, the street after «по»/«на».
    private func houseBeforeStreet(at marker: Int, in text: ScannedText) -> (start: Int, end: Int, flat: Bool)? {
        let tokens = text.tokens
        guard let number = afterAbbreviation(marker, in: text), number < tokens.count, tokens[number].isNumber,
            tokens[number].length <= 4
        else { return nil }
        var cursor = number
        if cursor + 1 < tokens.count, tokens[cursor + 1].isWord, tokens[cursor + 1].length == 1,
            tokens[cursor + 1].start == tokens[cursor].end
        {
            cursor += 1
        }
        // «д. 7/3 по …»
        if cursor + 2 < tokens.count, tokens[cursor + 1].isSymbol("/"), tokens[cursor + 2].isNumber { cursor += 2 }
        guard let preposition = text.next(after: cursor), let word = text.word(preposition),
            AddressRecognizer.streetPrepositions.contains(word.key), let type = text.next(after: preposition),
            let street = text.word(type)
        else { return nil }
        // «д. 16 по Центральной ул., кв. 183»: the name before its type.
        if !AddressLexicon.streetTypes.contains(street.key), !AddressRecognizer.datives.contains(street.key),
            let trailing = text.next(after: type), let kind = text.word(trailing),
            AddressLexicon.trailingStreetTypes.contains(kind.key)
        {
            var end = trailing
            if text.isSymbol(trailing + 1, ".") { end = trailing + 1 }
            var flat = false
            if var next = text.next(after: end) {
                if tokens[next].isSymbol(","), let after = text.next(after: next) { next = after }
                if let word = text.word(next), AddressLexicon.flatMarkers.contains(word.key),
                    let value = afterAbbreviation(next, in: text), value < tokens.count, tokens[value].isNumber
                {
                    end = value
                    flat = true
                }
            }
            return (marker, end, flat)
        }
        guard AddressLexicon.streetTypes.contains(street.key) || AddressRecognizer.datives.contains(street.key),
            var name = afterAbbreviation(type, in: text), name < tokens.count, tokens[name].isWord
        else { return nil }
        var names = 0
        var end = name
        while names < 3, name < tokens.count, tokens[name].isWord, !isMarker(tokens[name].key),
            !text.lineBreak(between: end, name)
        {
            end = name
            names += 1
            guard let next = text.next(after: name) else { break }
            name = next
        }
        // «…, кв. 12» after the street.
        var flat = false
        var probe = end
        if var next = text.next(after: probe) {
            if tokens[next].isSymbol(","), let after = text.next(after: next) { next = after }
            if let word = text.word(next), AddressLexicon.flatMarkers.contains(word.key),
                let value = afterAbbreviation(next, in: text), value < tokens.count, tokens[value].isNumber
            {
                probe = value
                flat = true
            }
        }
        return (marker, probe, flat)
    }

    /// The places written before a street, walking back over commas.
    ///
    /// A postcode («630099»), a region («Новосибирская обл.», «Республика Татарстан»), a district, a town or village
    /// («г. Бердск», «с. Ивановка», «СНТ «Ромашка»»). Returns the first token of the earliest place, or `start` when
    /// there is none.
    func placesBefore(_ start: Int, in text: ScannedText) -> Int {
        let tokens = text.tokens
        var first = start
        var places = 0
        while places < 5 {
            guard var cursor = text.previous(before: first), !text.lineBreak(between: cursor, first) else { break }
            if tokens[cursor].isSymbol(",") {
                guard let before = text.previous(before: cursor), !text.lineBreak(between: before, cursor) else {
                    break
                }
                cursor = before
            }
            if tokens[cursor].isNumber, tokens[cursor].length == 6 {
                first = cursor  // postcode
                places += 1
                continue
            }
            // «… обл.», «… край», «… р-н»: a trailing type after a name.
            var typeIndex = cursor
            if tokens[typeIndex].isSymbol("."), let before = text.previous(before: typeIndex) { typeIndex = before }
            if let type = text.word(typeIndex), AddressRecognizer.trailingPlaceTypes.contains(type.key),
                let nameIndex = text.previous(before: typeIndex), let name = text.word(nameIndex), name.length > 2
            {
                first = nameIndex
                places += 1
                continue
            }
            // «г. Бердск», «село Ивановка», «СНТ «Ромашка»»: a type, then a name of one or two words.
            var nameStart = cursor
            var nameWords = 0
            var probe = cursor
            while nameWords < 3, probe >= 0 {
                let token = tokens[probe]
                if token.isWord, !AddressRecognizer.placeTypes.contains(token.key),
                    !AddressRecognizer.trailingPlaceTypes.contains(token.key),
                    !AddressRecognizer.addressLeads.contains(token.key),
                    !AddressLexicon.homeContext.contains(token.key),
                    !AddressRecognizer.streetPrepositions.contains(token.key), token.length > 1 || token.isCapitalized
                {
                    nameWords += 1
                    nameStart = probe
                } else if !(token.isSymbol("«") || token.isSymbol("»") || token.isSymbol("\"") || token.isSymbol("-")
                    || token.isSymbol("(") || token.isSymbol(")") || token.isSymbol("\u{2014}")
                    || token.isSymbol("\u{2013}"))
                {
                    break
                }
                guard let before = text.previous(before: probe), !text.lineBreak(between: before, probe) else {
                    probe = -1
                    break
                }
                probe = before
                if let word = text.word(probe), AddressRecognizer.placeTypes.contains(word.key) { break }
                if tokens[probe].isSymbol("."), let word = text.word(text.previous(before: probe)),
                    AddressRecognizer.placeTypes.contains(word.key)
                {
                    break
                }
            }
            guard nameWords > 0, probe >= 0 else { break }
            var typeToken = probe
            if tokens[typeToken].isSymbol("."), let before = text.previous(before: typeToken) { typeToken = before }
            guard let type = text.word(typeToken), AddressRecognizer.placeTypes.contains(type.key) else {
                // «Новокузнецк, ул. …», «Кемеровская область — Кузбасс, Новокузнецк, …»: a capitalised place
                // between commas, when a place or a postcode comes before it.
                if nameWords <= 2, tokens[nameStart].isWord, tokens[nameStart].isCapitalized,
                    NumberCue.of(tokens[nameStart].key) == nil, !NameLexicon.cue(tokens[nameStart].key).isCue,
                    first != start || isPlaceAhead(nameStart, text)
                {
                    first = nameStart
                    places += 1
                    continue
                }
                if nameWords == 1, tokens[cursor].isWord, tokens[cursor].isCapitalized,
                    !NameLexicon.notPersons.contains(tokens[cursor].key), first != start || isPlaceAhead(cursor, text)
                {
                    first = cursor
                    places += 1
                    continue
                }
                break
            }
            // «не выдают с июля покупаем…»: «с» without its dot before a lower-case word is the preposition.
            if AddressRecognizer.isPreposition(typeToken, before: nameStart, in: text) { break }
            first = typeToken
            // «р.п.», «г.п.»: a one-letter part of the type before it.
            if let dot = text.previous(before: typeToken), tokens[dot].isSymbol("."), dot >= 1, tokens[dot - 1].isWord,
                tokens[dot - 1].length == 1
            {
                first = dot - 1
            }
            places += 1
        }
        return first
    }

    /// Whether a place (a type, a trailing type or a postcode) ends right before the word at `index`, behind a
    /// comma or a dash.
    private func isPlaceAhead(_ index: Int, _ text: ScannedText) -> Bool {
        guard var cursor = text.previous(before: index) else { return true }
        if text.lineBreak(between: cursor, index) || text.tokens[cursor].isSymbol(":") || text.endsSentence(cursor) {
            return true
        }
        if let word = text.word(cursor),
            AddressRecognizer.addressLeads.contains(word.key)
                || AddressLexicon.homeContext.contains(word.key)
                || AddressRecognizer.trailingPlaceTypes.contains(word.key)
        {
            return true
        }
        if text.tokens[cursor].isNumber, text.tokens[cursor].length == 6 { return true }
        if text.tokens[cursor].isSymbol(",") || text.tokens[cursor].isSymbol("\u{2014}")
            || text.tokens[cursor].isSymbol("-")
        {
            guard let before = text.previous(before: cursor) else { return false }
            cursor = before
        } else {
            return false
        }
        if text.tokens[cursor].isNumber { return text.tokens[cursor].length == 6 }
        if text.tokens[cursor].isSymbol("."), let before = text.previous(before: cursor) { cursor = before }
        guard let word = text.word(cursor) else { return false }
        if AddressRecognizer.trailingPlaceTypes.contains(word.key) { return true }
        guard let before = text.previous(before: cursor) else { return false }
        var typeIndex = before
        if text.tokens[typeIndex].isSymbol("."), let earlier = text.previous(before: typeIndex) { typeIndex = earlier }
        return text.word(typeIndex).map { AddressRecognizer.placeTypes.contains($0.key) } ?? false
    }

    private static let streetPrepositions = WordSet(["по", "на"])
    private static let datives = WordSet([
        "проспекту", "переулку", "бульвару", "проезду", "улицам", "тракту", "микрорайону", "набережной", "площади",
    ])
    private static let lineWords = WordSet(["линия", "линии", "улица", "аллея", "проезд"])
    /// Types of garden partnerships, written after an adjective: «садовое товарищество», «дачное некоммерческое …».
    static let gardenTypes = WordSet(["товарищество", "товарищества", "товариществе", "садоводство", "массив"])
    /// Types written before a place's name.
    static let placeTypes = WordSet([
        "г", "гор", "город", "городе", "с", "село", "селе", "п", "пос", "поселок", "поселке", "пгт", "рп", "д", "дер",
        "деревня", "деревне", "ст-ца", "станица", "станице", "х", "хутор", "аул", "снт", "днт", "тсн", "сот", "гск",
        "респ", "республика", "республики", "мкр", "мкрн", "микрорайон", "кп", "нп", "ст", "товарищество",
        "товарищества", "садоводство",
    ])
    /// Types written after a place's name.
    static let trailingPlaceTypes = WordSet([
        "обл", "область", "области", "край", "края", "р-н", "район", "района", "ао", "округ", "республика",
    ])

    /// `Name keyword [,] house…` («Красный проспект, 12»).
    private func trailingStreet(at keyword: Int, in text: ScannedText) -> (start: Int, end: Int, flat: Bool)? {
        // «3-й мкр., д. 24», «9-я линия, 5»: an ordinal number as the name.
        if let suffix = text.previous(before: keyword), let ending = text.word(suffix), ending.length <= 3,
            suffix >= 2, text.tokens[suffix - 1].isSymbol("-"), text.tokens[suffix - 2].isNumber,
            let cursor = afterAbbreviation(keyword, in: text)
        {
            return house(from: cursor, start: suffix - 2, in: text, markerRequired: false)
        }
        // «Горячая линия 8-800-…» is no street: a line needs its number.
        guard
            !AddressRecognizer.lineWords.contains(text.tokens[keyword].key)
                || text.tokens[keyword].key.sameHead(AddressRecognizer.street)
        else { return nil }
        guard let previous = text.previous(before: keyword), let name = text.word(previous),
            name.isCapitalized ? !name.isUpper || name.length == 1 : NameLexicon.hasAdjectiveEnding(name.key),
            !AddressLexicon.streetTypes.contains(name.key)
                || name.isCapitalized && NameLexicon.hasAdjectiveEnding(name.key)
        else { return nil }
        guard let cursor = afterAbbreviation(keyword, in: text) else { return nil }
        return house(from: cursor, start: previous, in: text, markerRequired: false)
    }

    /// `с. Ивановка, д. 5`: a settlement needs the house marker.
    private func settlement(at keyword: Int, in text: ScannedText) -> (start: Int, end: Int, flat: Bool)? {
        guard var cursor = afterAbbreviation(keyword, in: text), let name = text.word(cursor), name.isCapitalized else {
            return nil
        }
        guard let next = text.next(after: cursor) else { return nil }
        cursor = next
        return house(from: cursor, start: keyword, in: text, markerRequired: true)
    }

    /// Parses `[,] (д.|дом) N[буква][/N] [, корп. N] [, кв. N]` or `N-M` from `cursor`.
    private func house(from start: Int, start spanStart: Int, in text: ScannedText, markerRequired: Bool) -> (
        start: Int, end: Int, flat: Bool
    )? {
        let tokens = text.tokens
        var cursor = start
        if tokens[cursor].isSymbol(",") {
            guard let next = text.next(after: cursor) else { return nil }
            cursor = next
        }
        var hadMarker = false
        if let word = text.word(cursor), AddressLexicon.houseMarkers.contains(word.key) {
            guard let next = afterAbbreviation(cursor, in: text) else { return nil }
            cursor = next
            hadMarker = true
        }
        if cursor < tokens.count, tokens[cursor].isSymbol("№"), let next = text.next(after: cursor) { cursor = next }
        guard hadMarker || !markerRequired, cursor < tokens.count, tokens[cursor].isNumber, tokens[cursor].length <= 4
        else { return nil }
        // A year («к 2026 гооду», «с 1998») is no house number unless a house marker names it one.
        if !hadMarker, tokens[cursor].length == 4, Self.isYear(tokens[cursor], in: text) { return nil }
        if !hadMarker, let following = text.next(after: cursor), let word = text.word(following),
            NumberCue.isDecoySuffix(word.key),
            !AddressLexicon.flatMarkers.contains(word.key)
        {
            return nil  // «ул. Ленина 5 лет не ремонтировали»
        }
        var end = cursor
        var flat = false
        // A letter glued to the number: «3а», «12Б»; a building glued to it: «121к4», «15стр2».
        if end + 1 < tokens.count, tokens[end + 1].isWord, tokens[end + 1].length <= 3,
            tokens[end + 1].start == tokens[end].end,
            tokens[end + 1].length == 1 || AddressLexicon.buildingMarkers.contains(tokens[end + 1].key)
        {
            end += 1
            if end + 1 < tokens.count, tokens[end + 1].isNumber, tokens[end + 1].start == tokens[end].end {
                end += 1
            }
        }
        // «5/2», «5-12» (house-flat), «6/2-68».
        var joins = 0
        while joins < 2, end + 2 < tokens.count, tokens[end + 1].isSymbol("/") || tokens[end + 1].isSymbol("-"),
            tokens[end + 2].isNumber,
            tokens[end + 2].length <= 4
        {
            if tokens[end + 1].isSymbol("-") { flat = true }
            end += 2
            joins += 1
        }
        // «8-я линия, участок 159»: a garden partnership's line, then the plot.
        if end + 2 < tokens.count, tokens[end + 1].isSymbol("-"), tokens[end + 2].isWord, tokens[end + 2].length <= 2,
            let line = text.next(after: end + 2), let word = text.word(line),
            AddressRecognizer.lineWords.contains(word.key)
        {
            var after = line
            if let comma = text.next(after: line), tokens[comma].isSymbol(",") { after = comma }
            if let next = text.next(after: after),
                let rest = house(from: next, start: spanStart, in: text, markerRequired: true)
            {
                return (spanStart, rest.end, true)
            }
            return (spanStart, line, false)
        }
        // Building and flat parts.
        var parts = 0
        while parts < 3 {
            var probe = end
            guard var next = text.next(after: probe) else { break }
            if tokens[next].isSymbol(",") {
                guard let after = text.next(after: next) else { break }
                next = after
            }
            guard let word = text.word(next) else { break }
            let isFlat = AddressLexicon.flatMarkers.contains(word.key)
            guard isFlat || AddressLexicon.buildingMarkers.contains(word.key) else { break }
            guard var value = afterAbbreviation(next, in: text), value < tokens.count else { break }
            if tokens[value].isSymbol("№"), let after = text.next(after: value) { value = after }
            guard value < tokens.count, tokens[value].isNumber || (tokens[value].isWord && tokens[value].length == 1)
            else { break }
            // «46 кв. м», «60 кв.м»: square metres, not a flat «м».
            if tokens[value].isWord, tokens[value].key.sameHead(AddressRecognizer.metre) { break }
            probe = value
            if probe + 1 < tokens.count, tokens[probe + 1].isWord, tokens[probe + 1].length == 1,
                tokens[probe + 1].start == tokens[probe].end
            {
                probe += 1
            }
            end = probe
            if isFlat { flat = true }
            parts += 1
        }
        // «Титова 15 26», «ул. Мира 7 3»: a second bare number after the house, one space on, is the flat. It joins
        // the span but does not count as a flat: alone it makes neither a street without its type an address nor a
        // public building's address someone's home.
        if !flat, parts == 0, let number = bareFlat(after: end, in: text) {
            end = number
        }
        return (spanStart, end, flat)
    }

    /// The flat written as a bare number right after a house number («15 26»): one to four digits one space on, on
    /// the same line, that neither continue into another number (a phone's groups, a date) nor count something
    /// («15 3 года», «5 10 руб»).
    private func bareFlat(after house: Int, in text: ScannedText) -> Int? {
        let tokens = text.tokens
        let space = house + 1
        let number = house + 2
        guard number < tokens.count, tokens[space].isSpace, !tokens[space].hasLineBreak, tokens[space].length == 1,
            tokens[number].isNumber, tokens[number].length <= 4, !Self.isYear(tokens[number], in: text)
        else { return nil }
        if number + 1 < tokens.count, !tokens[number + 1].isSpace, !tokens[number + 1].isSymbol(","),
            !tokens[number + 1].isSymbol("."), !tokens[number + 1].isSymbol(";")
        {
            return nil  // «15 26-й», «5 12:00», «7 3/4»
        }
        if number + 2 < tokens.count, tokens[number + 1].isSymbol("."), tokens[number + 2].isNumber { return nil }
        if let following = text.next(after: number) {
            if tokens[following].isNumber { return nil }  // «8 913 …», «12 05 2024»
            if let word = text.word(following), NumberCue.isDecoySuffix(word.key) || Self.countWords.contains(word.key)
            {
                return nil
            }
        }
        return number
    }

    /// Words after a number that make it a count, beyond ``NumberCue``'s amounts and times.
    private static let countWords = WordSet([
        "раз", "раза", "детей", "ребенка", "ребенок", "детям", "семей", "семьи", "квартир", "квартиры", "этаж",
        "этаже", "этажа", "подъезд", "подъезде", "подъезда", "метров", "метра", "машин", "мест", "места", "окон",
        "класс", "класса", "классе", "группа", "группы", "мая", "июня", "июля", "августа", "сентября", "октября",
        "ноября", "декабря", "января", "февраля", "марта", "апреля", "числа", "недель", "недели", "месяцев",
        "месяца", "ч", "градусов", "процентов", "окна", "окно", "человека",
    ])

    /// The token after an abbreviation's optional dot.
    private func afterAbbreviation(_ index: Int, in text: ScannedText) -> Int? {
        guard var next = text.next(after: index) else { return nil }
        if text.tokens[next].isSymbol(".") {
            guard let after = text.next(after: next) else { return nil }
            next = after
        }
        return next
    }

    private static let years = WordKey("лет")

    private func isMarker(_ word: WordKey) -> Bool {
        AddressLexicon.houseMarkers.contains(word) || AddressLexicon.flatMarkers.contains(word)
            || AddressLexicon.buildingMarkers.contains(word)
            || AddressLexicon.streetTypes.contains(word) && word.length <= 4
    }

    private func isNameAfterNumber(_ index: Int, in text: ScannedText) -> Bool {
        let token = text.tokens[index]
        if token.isSymbol("-") {
            guard let next = text.word(index + 1) else { return false }
            return next.length <= 2
        }
        guard token.isWord, !isMarker(token.key) else { return false }
        return token.isCapitalized || token.key.sameHead(AddressRecognizer.years) || !NumberCue.isDecoySuffix(token.key)
    }

    /// Whether the nearest context word within eight words before the address names a public building rather
    /// than someone's home («адрес» itself says neither).
    private func isPublicBuilding(before index: Int, in text: ScannedText) -> Bool {
        var cursor = index - 1
        var words = 0
        while cursor >= 0, words < 8 {
            let token = text.tokens[cursor]
            if token.isWord {
                if AddressLexicon.homeContext.contains(token.key) { return false }
                if AddressLexicon.publicBuildings.contains(token.key) { return true }
                words += 1
            } else if token.isSymbol("№") {
                return true
            } else if text.endsSentence(cursor) || token.isSymbol(";") {
                break
            }
            cursor -= 1
        }
        return false
    }
}

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
            if AddressLexicon.streetTypes.contains(token.key) {
                match = street(at: index, in: text)
            }
            if match == nil, AddressLexicon.trailingStreetTypes.contains(token.key) {
                match = trailingStreet(at: index, in: text)
            }
            if match == nil, AddressLexicon.settlementTypes.contains(token.key) {
                match = settlement(at: index, in: text)
            }
            guard let found = match else { continue }
            if !found.flat, isPublicBuilding(before: found.start, in: text) { continue }
            candidates.append(Candidate(type: .address, start: tokens[found.start].start, end: tokens[found.end].end))
            index = found.end
        }
    }

    /// `keyword [.] name… [,] house…`.
    private func street(at keyword: Int, in text: ScannedText) -> (start: Int, end: Int, flat: Bool)? {
        guard var cursor = afterAbbreviation(keyword, in: text) else { return nil }
        var names = 0
        while names < 5, cursor < text.tokens.count {
            let token = text.tokens[cursor]
            if token.isWord, !isMarker(token.key) {
                names += 1
            } else if token.isNumber, let next = text.next(after: cursor),
                text.tokens[next].start > token.end || text.tokens[next].isSymbol("-"),
                isNameAfterNumber(next, in: text)
            {
                // «8 Марта», «50 лет Октября», «1-я Садовая».
                names += 1
            } else if token.isSymbol("-") || token.isSymbol("."), names > 0 {
                // «Немировича-Данченко» is one token; a hyphen or dot inside a name is rare but allowed.
            } else {
                break
            }
            guard let next = text.next(after: cursor) else { return nil }
            cursor = next
        }
        guard names > 0 else { return nil }
        return house(from: cursor, start: keyword, in: text, markerRequired: false)
    }

    /// `Name keyword [,] house…` («Красный проспект, 12»).
    private func trailingStreet(at keyword: Int, in text: ScannedText) -> (start: Int, end: Int, flat: Bool)? {
        guard let previous = text.previous(before: keyword), let name = text.word(previous),
            name.isCapitalized ? !name.isUpper || name.length == 1 : NameLexicon.hasAdjectiveEnding(name.key),
            !AddressLexicon.streetTypes.contains(name.key)
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
        guard hadMarker || !markerRequired, cursor < tokens.count, tokens[cursor].isNumber, tokens[cursor].length <= 4
        else { return nil }
        if !hadMarker, let following = text.next(after: cursor), let word = text.word(following),
            NumberCue.isDecoySuffix(word.key),
            !AddressLexicon.flatMarkers.contains(word.key)
        {
            return nil  // «ул. Ленина 5 лет не ремонтировали»
        }
        var end = cursor
        var flat = false
        // A letter glued to the number: «3а», «12Б».
        if end + 1 < tokens.count, tokens[end + 1].isWord, tokens[end + 1].length == 1,
            tokens[end + 1].start == tokens[end].end
        {
            end += 1
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
            guard let value = afterAbbreviation(next, in: text), value < tokens.count,
                tokens[value].isNumber || (tokens[value].isWord && tokens[value].length == 1)
            else { break }
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
        return (spanStart, end, flat)
    }

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
            } else if text.endsSentence(cursor) {
                break
            }
            cursor -= 1
        }
        return false
    }
}

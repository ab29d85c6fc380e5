import PainmapCore

/// Finds person names: «Иванов Иван Иванович» in any order and case, «Иван Иванович», «Мария Иванова»,
/// «Иванов И.И.», «И. И. Иванов», and a name after a context word («меня зовут …», «врач Петрова»,
/// «заявитель Сидоров»).
///
/// Anchors are a patronymic suffix, a first name from the dictionary, initials or a context word; a
/// capitalised word with a surname's suffix alone («Снова», «Корзина») is never enough. Words after a street
/// type or «им.» are street and organisation names, not persons.
struct NameRecognizer {
    private struct Features {
        var name = false
        var firstName = false
        var patronymic = false
        var strongPatronymic = false
        var surnameLike = false
        var initial = false
    }

    func find(in text: ScannedText, into candidates: inout [Candidate]) {
        let tokens = text.tokens
        var features = [Features](repeating: Features(), count: tokens.count)
        var anyAnchor = false
        for index in tokens.indices where tokens[index].isWord {
            let token = tokens[index]
            var feature = Features()
            let lower = token.key
            feature.firstName = NameLexicon.firstNames.contains(lower)
            let patronymic = NameLexicon.patronymic(lower)
            feature.patronymic = patronymic.isPatronymic
            feature.strongPatronymic = patronymic.strong
            feature.surnameLike = NameLexicon.isSurnameLike(lower)
            feature.initial = token.length == 1 && token.isCapitalized && index + 1 < tokens.count && tokens[index + 1].isSymbol(".")
            let capitalised = token.isCapitalized && (!token.isUpper || token.length == 1 || feature.firstName || feature.patronymic || feature.surnameLike)
            // Context words («Гражданин», «Заявитель», «Врач») introduce a name and are never one themselves.
            feature.name = capitalised && !NameLexicon.notPersons.contains(lower) && !NameLexicon.cue(lower).isCue && token.length > 1
            features[index] = feature
            if feature.firstName || feature.patronymic || feature.initial || NameLexicon.cue(lower).isCue
                || (feature.name && NameLexicon.hasPersonalSurnameEnding(lower))
            {
                anyAnchor = true
            }
        }
        guard anyAnchor else { return }

        func nextWord(_ index: Int) -> Int? {
            guard let next = text.next(after: index), tokens[next].isWord, !text.lineBreak(between: index, next) else { return nil }
            return next
        }
        func previousWord(_ index: Int) -> Int? {
            guard let previous = text.previous(before: index), tokens[previous].isWord, !text.lineBreak(between: previous, index) else { return nil }
            return previous
        }
        /// The initials starting at `index` («И.», «И. И.», «И.И.»): the index of the last dot.
        func initials(at index: Int) -> Int? {
            guard index < tokens.count, features[index].initial else { return nil }
            var end = index + 1
            if let next = text.next(after: end), next < tokens.count, features[next].initial, !text.lineBreak(between: end, next) {
                end = next + 1
            }
            return end
        }
        func initialsAfter(_ index: Int) -> Int? {
            guard let next = text.next(after: index), features[next].initial else { return nil }
            return next
        }
        func isLowerName(_ index: Int) -> Bool {
            let feature = features[index]
            return feature.firstName || feature.patronymic || feature.surnameLike
        }
        func add(_ first: Int, _ last: Int) {
            guard !isStreetOrHonorific(before: first, in: text) else { return }
            candidates.append(Candidate(type: .fullName, start: tokens[first].start, end: tokens[last].end))
        }

        for index in tokens.indices where tokens[index].isWord {
            let feature = features[index]
            let token = tokens[index]
            // 1. Patronymic with a first name before it, a surname before or after.
            if feature.patronymic, let first = previousWord(index) {
                let lowerCase = !token.isCapitalized
                let firstOK =
                    features[first].firstName && (lowerCase || features[first].name)
                    || (feature.strongPatronymic && !lowerCase && features[first].name)
                // A lower-case strong patronymic also accepts an unknown lower-case first name («аглая петровна»).
                let lowerFirst = lowerCase && feature.strongPatronymic && !tokens[first].isCapitalized && tokens[first].length >= 3
                    && !NameLexicon.notPersons.contains(tokens[first].key) && !NameLexicon.cue(tokens[first].key).isCue
                if firstOK || lowerFirst {
                    var start = first
                    var end = index
                    let before = previousWord(first).flatMap { surname -> Int? in
                        let word = tokens[surname].key
                        let accepted =
                            lowerCase
                            ? !NameLexicon.cue(word).isCue && !NameLexicon.notPersons.contains(word)
                                && (features[surname].surnameLike || NameLexicon.hasAdjectiveEnding(word) || !NameLexicon.looksLikeVerb(word))
                            : features[surname].name && (features[surname].surnameLike || !NameLexicon.looksLikeVerb(word))
                        return accepted ? surname : nil
                    }
                    let after = nextWord(index).flatMap { surname -> Int? in
                        (lowerCase ? features[surname].surnameLike : features[surname].name) ? surname : nil
                    }
                    // «Обращается Виктор Олегович Ибрагимов»: a surname-like word after beats a plain capitalised word before.
                    if let after, before == nil || features[after].surnameLike && !features[before ?? after].surnameLike {
                        end = after
                    } else if let before {
                        start = before
                    }
                    add(start, end)
                }
            }
            // 2. Initials with a surname after or before.
            if feature.initial, index == 0 || !features[max(0, index - 2)].initial || !tokens[index - 1].isSymbol("."),
                let last = initials(at: index)
            {
                let double = last > index + 1
                if let surname = nextWord(last), features[surname].name, double || features[surname].surnameLike {
                    add(index, surname)
                } else if let surname = previousWord(index), features[surname].name, double || features[surname].surnameLike {
                    add(surname, last)
                }
            }
            // 3. First name beside a surname.
            if feature.firstName, feature.name, !(nextWord(index).map { features[$0].patronymic } ?? false) {
                func isSurname(_ neighbour: Int) -> Bool {
                    features[neighbour].name && !features[neighbour].patronymic
                        && (features[neighbour].surnameLike || !NameLexicon.looksLikeVerb(tokens[neighbour].key))
                }
                if let surname = nextWord(index), isSurname(surname) {
                    add(index, surname)
                } else if let surname = previousWord(index), isSurname(surname) {
                    add(surname, index)
                }
            }
            // 3b. A surname by its suffix followed by a capitalised word: «Андреева Мирослава».
            if feature.name, feature.surnameLike, NameLexicon.hasPersonalSurnameEnding(token.key), let next = nextWord(index),
                features[next].name, !features[next].surnameLike, !features[next].patronymic, !features[next].firstName
            {
                add(index, next)
            }
            // 4. A context word followed by a name.
            let cue = NameLexicon.cue(token.key)
            if cue.isCue {
                guard var cursor = text.next(after: index) else { continue }
                if tokens[cursor].isSymbol(",") || tokens[cursor].isSymbol(":") || tokens[cursor].isSymbol("-") {
                    guard let next = text.next(after: cursor) else { continue }
                    cursor = next
                }
                var start: Int?
                var end = cursor
                var words = 0
                while cursor < tokens.count, words < 3 {
                    if let last = initials(at: cursor) {
                        start = start ?? cursor
                        end = last
                        words += 1
                        guard let next = text.next(after: last) else { break }
                        cursor = next
                        continue
                    }
                    guard tokens[cursor].isWord else { break }
                    let candidate = features[cursor]
                    let accepted =
                        cue.open
                        ? (candidate.name || (!tokens[cursor].isCapitalized && isLowerName(cursor)))
                        : (candidate.name && (candidate.surnameLike || candidate.firstName || candidate.patronymic || words > 0))
                    guard accepted else { break }
                    start = start ?? cursor
                    end = cursor
                    words += 1
                    guard let next = nextWord(cursor) ?? initialsAfter(cursor) else { break }
                    cursor = next
                }
                if let start { add(start, end) }
            }
        }

    }

    /// Whether the words before `index` make it a street («ул. Ленина») or an honorific name («им. Пушкина»).
    private func isStreetOrHonorific(before index: Int, in text: ScannedText) -> Bool {
        guard var previous = text.previous(before: index) else { return false }
        if text.tokens[previous].isSymbol(".") {
            guard let before = text.previous(before: previous) else { return false }
            previous = before
        }
        guard let word = text.word(previous) else { return false }
        return AddressLexicon.streetTypes.contains(word.key) || NameRecognizer.honorifics.contains(word.key)
            || AddressLexicon.trailingStreetTypes.contains(word.key)
    }

    /// «им. Пушкина», «имени Ленина», «памяти героев».
    private static let honorifics = WordSet(["им", "имени", "памяти"])
}

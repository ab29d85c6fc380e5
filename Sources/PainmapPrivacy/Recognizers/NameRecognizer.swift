import PainmapCore

/// Finds person names in any order and case, with initials, or after a context word.
///
/// For example «Иванов Иван Иванович», «Иван Иванович», «Мария Иванова», «Иванов И.И.», «И. И. Иванов», and a
/// name after a context word («меня зовут …», «врач Петрова», «заявитель Сидоров»).
///
/// Anchors are a patronymic suffix, a first name from the dictionary, initials or a context word; a
/// capitalised word with a surname's suffix alone («Снова», «Корзина») is never enough. Words after a street
/// type or «им.» on the same line are street and organisation names, not persons — unless they hold a patronymic
/// in the nominative, which no street or honorific name does: in «Дети болтаются на улице Иванова Анна
/// Геннадьевна» «на улице» means outdoors and a signature follows.
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
            // «25-Е. ДРУГИХ ДЕТЕЙ»: a letter glued to a number by a hyphen is an ordinal's ending, not an initial.
            feature.initial =
                token.length == 1 && token.isCapitalized && index + 1 < tokens.count && tokens[index + 1].isSymbol(".")
                && !(index >= 2 && tokens[index - 1].isSymbol("-") && tokens[index - 2].isNumber)
            let capitalised =
                token.isCapitalized
                && (!token.isUpper || token.length == 1 || feature.firstName || feature.patronymic
                    || feature.surnameLike)
            // Context words («Гражданин», «Заявитель», «Врач») introduce a name and are never one themselves.
            feature.name =
                capitalised && !NameLexicon.notPersons.contains(lower) && !NameLexicon.cue(lower).isCue
                && token.length > 1
            features[index] = feature
            if feature.firstName || feature.patronymic || feature.initial || NameLexicon.cue(lower).isCue
                || (feature.name && NameLexicon.hasPersonalSurnameEnding(lower))
            {
                anyAnchor = true
            }
        }
        guard anyAnchor else { return }

        func nextWord(_ index: Int) -> Int? {
            guard let next = text.next(after: index), tokens[next].isWord, !text.lineBreak(between: index, next) else {
                return nil
            }
            return next
        }
        func previousWord(_ index: Int) -> Int? {
            guard let previous = text.previous(before: index), tokens[previous].isWord,
                !text.lineBreak(between: previous, index)
            else { return nil }
            return previous
        }
        /// The initials starting at `index` («И.», «И. И.», «И.И.»): the index of the last dot.
        func initials(at index: Int) -> Int? {
            guard index < tokens.count, features[index].initial else { return nil }
            var end = index + 1
            if let next = text.next(after: end), next < tokens.count, features[next].initial,
                !text.lineBreak(between: end, next)
            {
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
        /// Whether the words from `first` to `last` hold a patronymic in the nominative («Геннадьевна», «Ильич»).
        func hasNominativePatronymic(_ first: Int, _ last: Int) -> Bool {
            (first...last).contains { features[$0].patronymic && NameLexicon.isNominativePatronymic(tokens[$0].key) }
        }
        func add(_ first: Int, _ last: Int) {
            // A street or an honorific name is in the genitive («ул. Ивана Петровича», «им. Ивановой Анны Петровны»):
            // a nominative patronymic after «улице» is a person («болтаются на улице Иванова Анна Геннадьевна»).
            guard !isStreetOrHonorific(before: first, in: text) || hasNominativePatronymic(first, last) else { return }
            candidates.append(Candidate(type: .fullName, start: tokens[first].start, end: tokens[last].end))
        }

        for index in tokens.indices where tokens[index].isWord {
            let feature = features[index]
            let token = tokens[index]
            // 1. Patronymic with a first name before it, a surname before or after.
            if feature.patronymic, let first = previousWord(index) {
                let lowerCase = !token.isCapitalized
                // «Попов Роман Ильич»: a weak patronymic after a capitalised word (not in the dictionary: «роман» is
                // a novel) with a possessive surname before it is the third part of a name.
                let threeParts =
                    !lowerCase && features[first].name
                    && (previousWord(first).map {
                        features[$0].name && NameLexicon.hasPersonalSurnameEnding(tokens[$0].key)
                    } ?? false)
                let firstOK =
                    features[first].firstName && (lowerCase || features[first].name)
                    || (feature.strongPatronymic && !lowerCase && features[first].name) || threeParts
                // A lower-case strong patronymic also accepts an unknown lower-case first name («аглая петровна»).
                let lowerFirst =
                    lowerCase && feature.strongPatronymic && !tokens[first].isCapitalized && tokens[first].length >= 3
                    && !NameLexicon.notPersons.contains(tokens[first].key) && !NameLexicon.cue(tokens[first].key).isCue
                if firstOK || lowerFirst {
                    var start = first
                    var end = index
                    let before = previousWord(first).flatMap { surname -> Int? in
                        let word = tokens[surname].key
                        let accepted =
                            lowerCase
                            ? !NameLexicon.cue(word).isCue && !NameLexicon.notPersons.contains(word)
                                && (features[surname].surnameLike || NameLexicon.hasAdjectiveEnding(word)
                                    || !NameLexicon.looksLikeVerb(word))
                            : features[surname].name
                                && (features[surname].surnameLike || !NameLexicon.looksLikeVerb(word))
                        return accepted ? surname : nil
                    }
                    let after = nextWord(index).flatMap { surname -> Int? in
                        (lowerCase ? features[surname].surnameLike : features[surname].name) ? surname : nil
                    }
                    // «Обращается Виктор Олегович Ибрагимов»: a surname-like word after beats a plain capitalised word before.
                    if let after, before == nil || features[after].surnameLike && !features[before ?? after].surnameLike
                    {
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
                func isSurname(_ word: Int) -> Bool { features[word].name && (double || features[word].surnameLike) }
                /// How much a word looks like a surname: a possessive ending (-ов, -ина …) over any surname suffix.
                func likeness(_ word: Int) -> Int {
                    NameLexicon.hasPersonalSurnameEnding(tokens[word].key) ? 2 : features[word].surnameLike ? 1 : 0
                }
                let after = nextWord(last).flatMap { isSurname($0) ? $0 : nil }
                let before = previousWord(index).flatMap { isSurname($0) ? $0 : nil }
                // «Пишет Попов И.А. Сертификат ПФДО…», «Пишет Борисов А.А. Кредитов нет»: the word after is the surname
                // only when it looks more like one than the word before («Со слов И. И. Сидорова»: «слов» is no name).
                if let after, before.map({ likeness(after) > likeness($0) }) ?? true {
                    add(index, after)
                } else if let before {
                    add(before, last)
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
            // 3b. A surname by its suffix followed by a capitalised word: «Андреева Мирослава» — unless initials before it
            // already make the name («Со слов И. И. Сидорова Ситуация повторяется»).
            if feature.name, feature.surnameLike, NameLexicon.hasPersonalSurnameEnding(token.key),
                let next = nextWord(index),
                features[next].name, !features[next].surnameLike, !features[next].patronymic, !features[next].firstName,
                !(text.previous(before: index).map { tokens[$0].isSymbol(".") && $0 > 0 && features[$0 - 1].initial }
                    ?? false)
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
                var hadInitials = false
                while cursor < tokens.count, words < 3 {
                    if let last = initials(at: cursor) {
                        start = start ?? cursor
                        end = last
                        words += 1
                        // Initials end a name that has its surname already: «Пишет Семенова О.В. Сайт не работает».
                        guard words == 1, let next = text.next(after: last) else { break }
                        hadInitials = true
                        cursor = next
                        continue
                    }
                    guard tokens[cursor].isWord else { break }
                    let candidate = features[cursor]
                    let accepted =
                        cue.open
                        ? (candidate.name || (!tokens[cursor].isCapitalized && isLowerName(cursor)))
                        : (candidate.name
                            && (candidate.surnameLike || candidate.firstName || candidate.patronymic || words > 0))
                    guard accepted else { break }
                    start = start ?? cursor
                    end = cursor
                    words += 1
                    // …and so does the surname after them: «Со слов И. И. Сидорова Ситуация повторяется».
                    guard !hadInitials, let next = nextWord(cursor) ?? initialsAfter(cursor) else { break }
                    cursor = next
                }
                if let start { add(start, end) }
            }
        }

    }

    /// Whether the words before `index` make it a street (`ул. Ленина`) or an honorific name (`им. Пушкина`).
    ///
    /// A line break ends the street: «…болтаются на улице↵Александров Владимир Владимирович» is a signature.
    private func isStreetOrHonorific(before index: Int, in text: ScannedText) -> Bool {
        guard var previous = text.previous(before: index), !text.lineBreak(between: previous, index) else {
            return false
        }
        if text.tokens[previous].isSymbol(".") {
            guard let before = text.previous(before: previous), !text.lineBreak(between: before, previous) else {
                return false
            }
            previous = before
        }
        guard let word = text.word(previous) else { return false }
        return AddressLexicon.streetTypes.contains(word.key) || NameRecognizer.honorifics.contains(word.key)
            || AddressLexicon.trailingStreetTypes.contains(word.key)
    }

    /// Words that make the next name an honorific one: `им. Пушкина`, «имени Ленина», «памяти героев».
    private static let honorifics = WordSet(["им", "имени", "памяти"])
}

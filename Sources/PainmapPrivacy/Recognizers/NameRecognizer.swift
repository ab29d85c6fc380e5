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
        /// The dictionary's forms of the word as a first name (OpenCorpora `Name`), if it is one.
        var firstForms: NameDictionary.Forms?
        /// The dictionary's forms of the word as a surname (OpenCorpora `Surn`), if it is one.
        var surnameForms: NameDictionary.Forms?
        /// A first name of the dictionary that is no ordinary word («ольга», «саша», «эльдар»).
        var strongFirst: Bool { firstForms.map { !$0.contains(.common) } ?? false }
        /// A surname of the dictionary that is no ordinary word («петров», «ким», «шайхутдинов»).
        var strongSurname: Bool { surnameForms.map { !$0.contains(.common) } ?? false }
    }

    func find(in text: ScannedText, into candidates: inout [Candidate]) {
        let tokens = text.tokens
        var features = [Features](repeating: Features(), count: tokens.count)
        var anyAnchor = false
        for index in tokens.indices where tokens[index].isWord {
            let token = tokens[index]
            var feature = Features()
            let lower = token.key
            // Two-letter words are almost all prepositions and particles: the dictionary is asked from three letters.
            if token.length >= 3 {
                let forms = NameDictionary.names.lookup(lower)
                feature.firstForms = forms.first.flatMap {
                    NameRecognizer.patronymicParticles.contains(lower) ? nil : $0
                }
                feature.surnameForms = forms.surname
                // Korean surnames of Russia («пак», «когай») are missing from the dictionary.
                if forms.surname == nil, token.length <= 5 {
                    feature.surnameForms = NameRecognizer.koreanSurnames[lower]
                }
                // «Светка», «Лёшку», «Петькой»: a first name's pejorative diminutive stands for that name.
                if forms.first == nil, token.isCapitalized, !token.isUpper {
                    feature.firstForms = NameRecognizer.diminutiveForms(lower)
                }
            }
            feature.firstName =
                NameLexicon.firstNames.contains(lower)
                || (feature.strongFirst && !NameLexicon.notPersons.contains(lower))
            let patronymic = NameLexicon.patronymic(lower)
            feature.patronymic = patronymic.isPatronymic
            feature.strongPatronymic = patronymic.strong
            feature.surnameLike = NameLexicon.isSurnameLike(lower) || feature.strongSurname
            // «25-Е. ДРУГИХ ДЕТЕЙ»: a letter glued to a number by a hyphen is an ordinal's ending, not an initial.
            feature.initial =
                token.length == 1 && token.isCapitalized && index + 1 < tokens.count && tokens[index + 1].isSymbol(".")
                && !(index >= 2 && tokens[index - 1].isSymbol("-") && tokens[index - 2].isNumber)
            let capitalised =
                token.isCapitalized
                && (!token.isUpper || token.length == 1 || feature.firstName || feature.patronymic
                    || feature.surnameLike || feature.firstForms != nil)
            // Context words («Гражданин», «Заявитель», «Врач») introduce a name and are never one themselves; a word
            // with capitals inside («СанПиН», «МедСервис») is an abbreviation or a brand.
            feature.name =
                capitalised && !NameLexicon.notPersons.contains(lower) && !NameLexicon.cue(lower).isCue
                && token.length > 1 && (token.isUpper || !NameRecognizer.hasInnerCapital(token, text))
            features[index] = feature
            // Lower-case initials («и.и. петров») come with a surname of the dictionary, which anchors them.
            if !anyAnchor,
                feature.firstName || feature.patronymic || feature.initial || feature.firstForms != nil
                    || feature.surnameForms != nil || (feature.name && NameLexicon.hasPersonalSurnameEnding(lower))
                    || NameLexicon.cue(lower).isCue || NameRecognizer.particleGlued(lower) != nil
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
            // «ООО «Управляющая компания Сибирь»», «ТСЖ "Берёзка"»: an organisation's name in quotes.
            if isQuotedOrganisation(first) { return }
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
                    (features[first].firstName || features[first].firstForms != nil)
                    && (lowerCase || features[first].name)
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
                            : (features[surname].name
                                && (features[surname].surnameLike || features[surname].surnameForms != nil
                                    || !NameLexicon.looksLikeVerb(word)
                                    || (feature.strongPatronymic && features[first].firstForms != nil
                                        && (word.length <= 4 || NameRecognizer.hasSurnameShape(word)))))
                                || (features[surname].strongSurname && !NameLexicon.notPersons.contains(word))
                                || (NameLexicon.hasPersonalSurnameEnding(word) && !NameLexicon.cue(word).isCue
                                    && !NameLexicon.notPersons.contains(word))
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
                func isSurname(_ word: Int) -> Bool {
                    features[word].name
                        && (double || features[word].surnameLike || features[word].surnameForms != nil
                            || NameLexicon.patronymic(tokens[word].key).isPatronymic
                                && !features[word].strongPatronymic)
                }
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
            // A word in capitals before a capitalised one is no such pair: «…ПОДПИСЫВАЛИ БЕЗ ЖИЛЬЦОВ Контактный
            // телефон» is a shouted sentence running into the next; nor is a number's cue («Контактный») a name.
            if feature.name, !feature.patronymic, let next = nextWord(index), features[next].name,
                !features[next].surnameLike, !features[next].patronymic, !features[next].firstName,
                token.isUpper == tokens[next].isUpper, NumberCue.of(tokens[next].key) == nil,
                NameLexicon.hasPersonalSurnameEnding(token.key) || NameRecognizer.hasSurnameShape(token.key),
                !(text.previous(before: index).map { tokens[$0].isSymbol(".") && $0 > 0 && features[$0 - 1].initial }
                    ?? false)
            {
                add(index, next)
            }
            // 4. A context word followed by a name.
            let cue = NameLexicon.cue(token.key)
            if cue.isCue {
                guard var cursor = text.next(after: index) else { continue }
                // «Заявитель: Зима, а в подъезде…»: a speaker's label, the words after it are what was said.
                let afterColon = tokens[cursor].isSymbol(":")
                if tokens[cursor].isSymbol(",") || tokens[cursor].isSymbol(":") || tokens[cursor].isSymbol("-") {
                    guard let next = text.next(after: cursor) else { continue }
                    cursor = next
                }
                // «Мастер участка Зима», «старший по дому Саркисян»: a role's complement before the name.
                if !cue.open, !afterColon, tokens[cursor].isWord, !tokens[cursor].isCapitalized,
                    !features[cursor].strongSurname, !features[cursor].strongFirst
                {
                    var probe = cursor
                    if NameRecognizer.complementPrepositions.contains(tokens[probe].key), let next = nextWord(probe) {
                        probe = next
                    }
                    if let next = nextWord(probe), tokens[next].isCapitalized || isLowerName(next),
                        !NameLexicon.notPersons.contains(tokens[next].key)
                    {
                        cursor = next
                    }
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
                    // After a role a lone surname that is also an ordinary word is a name («сосед Кузнец»), and so is
                    // a lower-case one of the dictionary («заведующая петрова»).
                    let accepted =
                        cue.open
                        ? (candidate.name || (!tokens[cursor].isCapitalized && isLowerName(cursor)))
                        : (candidate.name
                            && (candidate.surnameLike || candidate.firstName || candidate.patronymic || words > 0
                                || candidate.surnameForms != nil || candidate.firstForms != nil
                                || (words == 0 && !tokens[cursor].isUpper && !afterColon
                                    && !text.lineBreak(between: index, cursor)
                                    && !NameRecognizer.nonRoleCues.contains(token.key))))
                            || (!tokens[cursor].isCapitalized
                                && (candidate.strongSurname || candidate.strongFirst || candidate.patronymic
                                    || (words > 0 && isLowerName(cursor))))
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
            // 5. A first name and a surname of the dictionary side by side, in any case and order, agreeing in gender
            // and case: «иванов петр», «Петра Иванова», «Ким Виктор», «саша петрова».
            if feature.firstForms != nil || feature.firstName, !NameLexicon.notPersons.contains(token.key),
                !NameLexicon.cue(token.key).isCue
            {
                for neighbour in [nextWord(index), previousWord(index)] {
                    guard let neighbour, isPair(first: index, surname: neighbour) else { continue }
                    var end = max(index, neighbour)
                    if neighbour < index, let patronymic = nextWord(index), features[patronymic].patronymic {
                        end = patronymic
                    }
                    add(min(index, neighbour), end)
                    break
                }
            }
            // 6. Initials in any case, with or without dots, beside a surname: «петров и и», «и.и. петров», «Петров И И».
            if hasSingleLetterBeside(index), isSurnameForInitials(index) {
                if let last = looseInitials(after: index) { add(index, last) }
                if let first = looseInitials(before: index) { add(first, index) }
            }
            // 7. «Мамедов Эльдар Рашид оглы»: the father's name and «оглы»/«кызы» close a name of up to two words.
            if NameRecognizer.patronymicParticles.contains(token.key), let father = previousWord(index),
                tokens[father].isCapitalized || features[father].firstForms != nil
            {
                var start = father
                var words = 0
                while words < 2, let before = previousWord(start),
                    features[before].name || features[before].firstForms != nil
                        || features[before].strongSurname
                {
                    start = before
                    words += 1
                }
                if words > 0 { add(start, index) }
            }
            // 7b. «оглы», «кызы», «уулу» are no Russian words: in any case the word before is a father's name and the
            // words before it a first name and a surname, even when the dictionary knows none of them («мамедов
            // эльчин тофик оглы», «ЭЛЬЧИН ТОФИК ОГЛЫ»); a surname may also follow («Эльчин Тофик оглы Мамедов»).
            // «Тофик-оглы», «Тофикоглы» carry the father's name in the same word.
            if let glued = NameRecognizer.particleGlued(token.key) {
                let father = glued ? index : previousWord(index)
                if let father, glued || NameRecognizer.mayBeTurkicName(tokens[father], features[father]) {
                    var start = father
                    var surnameBefore = false
                    if let given = previousWord(father),
                        NameRecognizer.mayBeTurkicName(tokens[given], features[given])
                    {
                        start = given
                        if let surname = previousWord(given),
                            NameRecognizer.mayBeTurkicSurname(tokens[surname], features[surname])
                        {
                            start = surname
                            surnameBefore = true
                        }
                    }
                    var end = index
                    if !surnameBefore, let surname = nextWord(index),
                        NameRecognizer.mayBeTurkicSurname(tokens[surname], features[surname]),
                        features[surname].surnameForms != nil || features[surname].firstForms != nil
                            || NameRecognizer.hasTurkicSurnameShape(tokens[surname].key)
                    {
                        end = surname
                    }
                    add(start, end)
                }
            }
            // 8. A capitalised word that is only a person's name in the dictionary stands for a person even alone:
            // a surname in any case («вместе с Фроловым», «Кириллова не отвечает»), a first name or its diminutive
            // («Ксюша из соцзащиты»). A word that is also an ordinary word or a place never does alone.
            if token.isCapitalized, !token.isUpper || token.length <= 3, token.length >= 3, feature.name,
                !feature.patronymic,
                // A plural form alone («Готовы», «Ивановы») is no one person's name.
                (feature.surnameForms ?? feature.firstForms).map({
                    !$0.intersection(.agreement).subtracting(.plural).isEmpty
                }) ?? true
            {
                // A surname of the dictionary that is also a possessive adjective or a village («Антонова»,
                // «Воронову») still is one when it ends like a surname and no «в»/«из» makes it a place.
                // Computed only when needed: most capitalised words are in neither list and have no such ending.
                func personal() -> Bool {
                    NameLexicon.hasPersonalSurnameEnding(token.key)
                        && !(previousWord(index).map { NameRecognizer.placePrepositions.contains(tokens[$0].key) }
                            ?? false)
                }
                var lone = false
                if let forms = feature.surnameForms {
                    // Without a surname's ending, only inside a sentence: «Мороз -30, дети мёрзнут» opens one.
                    lone =
                        personal()
                        || (!forms.contains(.common) && !forms.contains(.place) && !isSentenceStart(index)
                            && !NameLexicon.hasAdjectiveEnding(token.key))
                } else if let forms = feature.firstForms {
                    // «Люда» is also a word in the dictionary, but only a name in a citizen's text.
                    lone =
                        !forms.contains(.common) && !forms.contains(.place)
                        || NameRecognizer.diminutives.contains(token.key)
                } else {
                    // Not in the dictionary, but a surname's ending inside a sentence («вместе с Мельничук»).
                    lone = !isSentenceStart(index) && personal()
                }
                // «Октябрьский пр-т», «Партизанская ул.»: a street's name, not a person.
                if lone,
                    !(nextWord(index).map {
                        AddressLexicon.trailingStreetTypes.contains(tokens[$0].key)
                            || AddressLexicon.streetTypes.contains(tokens[$0].key)
                    } ?? false)
                {
                    add(index, index)
                }
            }
            // 8b. A lower-case first name alone that is no ordinary word: «надя из управляйки», «галя сказала».
            if !token.isCapitalized, token.length >= 4, feature.strongFirst, feature.surnameForms == nil,
                !NameLexicon.notPersons.contains(token.key), !NameLexicon.cue(token.key).isCue
            {
                add(index, index)
            }
            // 3c. An unknown capitalised first name before a surname: «Вугар Расулов», «Севда Алиева», «Тамара Хан».
            if feature.name, !feature.patronymic, let next = nextWord(index), features[next].name,
                !features[next].patronymic, !tokens[next].isUpper,
                // Two words the dictionary knows neither of («Бред Кредитов», «Мрак Долгов») are no name on an
                // ending alone: one of them must be a dictionary name.
                (NameRecognizer.hasSurnameShape(tokens[next].key)
                    && (features[next].surnameForms != nil || feature.firstForms != nil)) || feature.strongFirst,
                !NameLexicon.looksLikeVerb(token.key) || feature.strongFirst,
                !NameLexicon.hasAdjectiveEnding(token.key), !NameRecognizer.isAddressOrOfficeWord(token.key),
                !isStreetOrHonorific(before: index, in: text)
            {
                add(index, next)
            }
        }

        /// Whether the word at `index` stands inside quotes opened after an organisation's word («ООО «…»»).
        func isQuotedOrganisation(_ index: Int) -> Bool {
            var cursor = index
            var words = 0
            while words < 4, let previous = text.previous(before: cursor), !text.lineBreak(between: previous, cursor) {
                let token = tokens[previous]
                if token.isSymbol("«") || token.isSymbol("\"") || token.isSymbol("\u{201C}")
                    || token.isSymbol("\u{201E}")
                {
                    guard let before = text.previous(before: previous), let word = text.word(before) else {
                        return false
                    }
                    return NameRecognizer.organisationForms.contains(word.key) || NumberCue.of(word.key) == .publicLine
                }
                if token.isWord { words += 1 } else if !token.isSpace { return false }
                cursor = previous
            }
            return false
        }

        /// Whether the word at `index` opens a sentence or a line.
        func isSentenceStart(_ index: Int) -> Bool {
            guard let previous = text.previous(before: index) else { return true }
            return text.lineBreak(between: previous, index) || text.endsSentence(previous)
                || tokens[previous].isSymbol(":")
                || tokens[previous].isSymbol("-") || tokens[previous].isSymbol("\u{2014}")
                || tokens[previous].isSymbol(".")
                || tokens[previous].isSymbol(";")
        }

        /// Whether `first` (a first name of the dictionary) and `surname` beside it make a name.
        func isPair(first: Int, surname: Int) -> Bool {
            let given = features[first]
            let family = features[surname]
            let key = tokens[surname].key
            guard !NameLexicon.notPersons.contains(key), !NameLexicon.cue(key).isCue,
                !family.patronymic || (family.surnameForms != nil && !family.strongPatronymic),
                family.firstForms == nil || family.surnameForms != nil
            else { return false }
            let capitalised = tokens[first].isCapitalized && tokens[surname].isCapitalized
            if let forms = family.surnameForms {
                if let given = given.firstForms, !forms.agrees(with: given) { return false }
                // An ordinary word («Кузнец», «волк») is a surname only beside a capitalised, unmistakable first name,
                // or when it ends like a possessive surname («горшков вадим»).
                if forms.contains(.common),
                    !(given.strongFirst && (capitalised || NameLexicon.hasPersonalSurnameEnding(key)))
                {
                    return false
                }
            } else if NameRecognizer.ambiguousKoreanSurnames.contains(key) {
                return capitalised && surname < first && given.strongFirst
            } else if !(NameLexicon.hasPersonalSurnameEnding(key) && (capitalised || !NameLexicon.looksLikeVerb(key)))
                && !NameRecognizer.hasCaucasianSurnameEnding(key)
            {
                return false
            }
            // A first name that is also a word («вера», «роман») needs capitals and an unmistakable surname.
            return given.strongFirst || given.firstName || (capitalised && family.strongSurname)
        }

        /// Whether the word at `index` can carry initials: a surname of the dictionary or with a possessive ending;
        /// an ordinary word only when capitalised.
        /// Whether a one-letter word follows `index`, or a dot after one precedes it: initials may be there.
        func hasSingleLetterBeside(_ index: Int) -> Bool {
            if let next = text.next(after: index), tokens[next].isWord, tokens[next].length == 1 { return true }
            if let dot = text.previous(before: index), tokens[dot].isSymbol("."), dot >= 1, tokens[dot - 1].isWord,
                tokens[dot - 1].length == 1
            {
                return true
            }
            return false
        }

        func isSurnameForInitials(_ index: Int) -> Bool {
            let feature = features[index]
            let key = tokens[index].key
            guard tokens[index].length >= 2, !feature.patronymic, !NameLexicon.notPersons.contains(key),
                !NameLexicon.cue(key).isCue
            else { return false }
            if feature.strongSurname { return true }
            if feature.surnameForms != nil || NameLexicon.hasPersonalSurnameEnding(key) {
                return tokens[index].isCapitalized || !NameLexicon.looksLikeVerb(key)
            }
            return false
        }

        /// One or two single letters after `index` («и.и.», «и. и.», «И И»; one letter only with its dot): the last
        /// token.
        func looseInitials(after index: Int) -> Int? {
            var letters = 0
            var dots = 0
            var last = index
            var cursor = index
            while letters < 2, let next = text.next(after: cursor), !text.lineBreak(between: cursor, next),
                tokens[next].isWord, tokens[next].length == 1, ScannedText.isLetter(tokens[next].scalar)
            {
                letters += 1
                last = next
                cursor = next
                if text.isSymbol(next + 1, ".") {
                    dots += 1
                    last = next + 1
                    cursor = next + 1
                }
            }
            // Without dots the letters must not read as words: «Петрова и я», «Иванов с ним» are no initials. In
            // capitals a capital says nothing, so only a surname of the dictionary that is no ordinary word carries
            // them («ИВАНОВ А В», not «ОФОРМЛЯЮТ НЕСКОЛЬКО МЕСЯЦЕВ А В ШКОЛУ»).
            if letters == 2, dots == 0, let second = text.previous(before: last + 1),
                NameRecognizer.oneLetterWords.contains(tokens[second].key),
                !tokens[second].isCapitalized
                    || tokens[index].isUpper && tokens[index].length > 1 && !features[index].strongSurname
            {
                return nil
            }
            return letters == 2 || (letters == 1 && dots == 1) ? last : nil
        }

        /// One or two single letters with dots before `index` («и.и. петров», «и. петров»): the first token.
        func looseInitials(before index: Int) -> Int? {
            var first: Int?
            var cursor = index
            var letters = 0
            while letters < 2, let dot = text.previous(before: cursor), tokens[dot].isSymbol("."), dot >= 1,
                tokens[dot - 1].isWord, tokens[dot - 1].length == 1, !text.lineBreak(between: dot, cursor)
            {
                first = dot - 1
                cursor = dot - 1
                letters += 1
            }
            return first
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
        // «ул. Дуси Ковальчук»: look past one capitalised word of the street's name.
        for _ in 0..<3 {
            guard let word = text.word(previous) else { return false }
            if AddressLexicon.streetTypes.contains(word.key) || NameRecognizer.honorifics.contains(word.key)
                || AddressLexicon.trailingStreetTypes.contains(word.key)
                || AddressLexicon.isMisspelledStreetType(word.key)  // «на прлспект Карла Маркса»
            {
                return true
            }
            // A cue or a sentence's word is no part of a street's name: in «болтаются на улице Пишет Киселев М.Г.»
            // and «…на улице Спасибо. Пишет Макарова Н.В.» a signature follows the street word.
            guard word.isCapitalized, !NameLexicon.cue(word.key).isCue, !NameLexicon.notPersons.contains(word.key),
                let before = text.previous(before: previous), !text.lineBreak(between: before, previous)
            else { return false }
            previous = before
            if text.tokens[previous].isSymbol("."), let earlier = text.previous(before: previous) { previous = earlier }
        }
        return false
    }

    /// Cues that are no role nouns («я», «пишет», «со слов»): after them a capitalised word needs a name's shape.
    static let nonRoleCues = WordSet([
        "я", "пишет", "написал", "написала", "обратился", "обратилась", "слов", "зам", "глава", "главы", "ребенок",
        "ребенка", "сын", "сына", "дочь", "дочери", "мать", "отец", "муж", "жена", "мужа", "жены", "внук", "внучка",
    ])
    /// «старший по дому», «мастер на участке».
    static let complementPrepositions = WordSet(["по", "на", "в", "из"])

    /// Whether a capital follows the first letter other than right after a hyphen («СанПиН», not «Петрова-Водкина»).
    static func hasInnerCapital(_ token: Token, _ text: ScannedText) -> Bool {
        var previous: Unicode.Scalar = "-"
        for scalar in text.scalars[token.start..<token.end].dropFirst() {
            if ScannedText.isUpper(scalar), previous != "-" { return true }
            previous = scalar
        }
        return false
    }

    /// Words of addresses and offices that a capitalised word beside a surname never is a first name of: «Улица
    /// Кирова», «Школа Петрова», «Отделение Иванова».
    static func isAddressOrOfficeWord(_ key: WordKey) -> Bool {
        AddressLexicon.streetTypes.contains(key) || AddressLexicon.trailingStreetTypes.contains(key)
            || AddressLexicon.settlementTypes.contains(key) || AddressLexicon.publicBuildings.contains(key)
            || NumberCue.of(key) != nil || honorifics.contains(key)
    }

    /// Prepositions before which a word is a place: «в Королеве», «из Антонова».
    static let placePrepositions = WordSet(["в", "во", "из", "под", "до", "г", "город", "села", "деревни", "поселка"])

    /// Endings of surnames of the peoples of Russia and its neighbours, beyond «-ов/-ин».
    static let surnameShapes = WordSet(endings: [
        "ов", "ев", "ин", "ова", "ева", "ина", "ян", "янц", "дзе", "швили", "ани", "ели", "ули", "енко", "чук", "юк",
        "ский", "цкий", "ская", "цкая", "ич", "ых", "их", "ук", "ко", "ус",
    ])

    /// Whether a word ends like a surname of any of those peoples.
    static func hasSurnameShape(_ key: WordKey) -> Bool {
        key.length >= 4 && surnameShapes.containsEnding(of: key, lengths: 2...5)
    }

    /// Armenian and Georgian surname endings (-ян, -янц, -швили, -дзе, -ели, -иани) in any case, for a word beside a first
    /// name: «саркисян анаит», «церетели тамара».
    static func hasCaucasianSurnameEnding(_ key: WordKey) -> Bool {
        key.length >= 6 && caucasianSurnameEndings.containsEnding(of: key, lengths: 2...5)
            || key.length >= 8 && key.hasSuffix(georgianEnding)
    }
    private static let caucasianSurnameEndings = WordSet(endings: [
        "ян", "яна", "яну", "яном", "яне", "янц", "швили", "дзе", "иани",
    ])
    /// «-ели» ends many plural nouns too («недели», «качели»): only long words count.
    private static let georgianEnding = WordKey("ели")

    /// Surnames of the Korean people of Russia and Central Asia (indeclinable, any gender).
    static let koreanSurnames: WordTable<NameDictionary.Forms> = {
        let anyForm = NameDictionary.Forms.agreement.subtracting(.plural)
        let surnames = [
            "пак", "тен", "тян", "цой", "чен", "чой", "когай", "огай", "югай", "пегай", "лигай", "тегай", "хегай",
            "шегай", "дегай", "кигай", "тхай", "хван", "чжон", "ням",
        ]
        return WordTable(surnames.map { ($0, anyForm) })
    }()

    /// Korean surnames that are also ordinary Russian words: a surname only written before an unmistakable capitalised
    /// first name («Нам Виктор»), never after a name («Пишет Иванов Иван Нам нужен…»).
    static let ambiguousKoreanSurnames = WordSet(["нам", "хан", "кан", "шин", "мин", "юн", "мун"])

    /// Diminutives a citizen writes for a person that the dictionary also lists as ordinary words.
    static let diminutives = WordSet([
        "люда", "люды", "люде", "люду", "людой", "саша", "маша", "таня", "оля", "наташа", "света", "катя", "женя",
        "галя", "надя", "ира", "юля", "леша", "миша", "коля", "вася", "петя", "дима", "вова", "толя", "гоша", "паша",
        "сережа", "костя", "витя", "валя", "зина", "нюра", "шура", "клава", "соня", "аня", "настя", "ксюша", "даша",
        "лиза", "вика", "гуля", "люся", "тося", "ваня",
    ])

    /// The forms of a pejorative diminutive built with «-к-» from a first name: «светка» (света), «лешку» (леша),
    /// «петькой» (петя), «наташки» (наташа); `nil` when the word is not one.
    static func diminutiveForms(_ key: WordKey) -> NameDictionary.Forms? {
        guard key.length >= 5, key.length <= 12 else { return nil }
        let cut: Int
        if diminutiveEndings.containsEnding(of: key, lengths: 2...2) {
            cut = 2
        } else if diminutiveEndings.containsEnding(of: key, lengths: 3...3) {
            cut = 3
        } else {
            return nil
        }
        var length = key.length - cut
        // «-ька» comes from a name in «-я» (Толя → Толька, Катя → Катька), «-ка» from one in «-а» (Света → Светка):
        // «Толку», «Какой» are no one's diminutive.
        let soft = key.byte(at: length - 1) == softSign
        if soft { length -= 1 }
        guard length >= 2 else { return nil }
        var name = key.prefix(length)
        name.append(soft ? ya : a)
        let isName =
            NameLexicon.firstNames.contains(name)
            || NameDictionary.names[firstName: name].map { !$0.contains(.common) && !$0.contains(.place) } ?? false
        return isName ? NameDictionary.Forms.agreement.subtracting(.plural) : nil
    }
    private static let diminutiveEndings = WordSet(endings: ["ка", "ки", "ке", "ку", "кой"])
    private static let softSign = WordKey("ь").last
    private static let a = WordKey("а").last
    private static let ya = WordKey("я").last

    /// Legal forms and kinds of organisations written before a quoted name.
    static let organisationForms = WordSet([
        "ооо", "оао", "зао", "пао", "ао", "нко", "ано", "ип", "тсж", "тсн", "жск", "снт", "ук", "мку", "мбу", "мау",
        "гбу", "гку", "фгбу", "компания", "компании", "фирма", "фирмы", "магазин", "магазина", "кафе", "центр",
        "клиника", "клиники", "организация", "предприятие", "завод", "фонд", "банк",
    ])

    /// One-letter words that end a pair of undotted lower-case letters only as words, never as an initial.
    static let oneLetterWords = WordSet(["я", "в", "к", "с", "у"])

    /// «оглы», «кызы» and their Kazakh, Kyrgyz and Uzbek spellings close a patronymic.
    static let patronymicParticles = WordSet(["оглы", "оглу", "кызы", "кзы", "улы", "уулу", "угли", "кизи", "гызы"])

    /// The particles that are no Russian word in any case («угли» is coals, «улы» too short to trust), written apart
    /// or glued to the father's name by a hyphen or without one («Тофик-оглы», «Тофикоглы»).
    private static let unambiguousParticles = WordSet(["оглы", "оглу", "кызы", "гызы", "уулу"])
    private static let gluedParticles = ["оглы", "кызы", "гызы"].map { WordKey($0) }
    private static let particleFinalY = WordKey("ы").last
    private static let particleFinalU = WordKey("у").last

    /// Whether `key` is an unambiguous particle (`false`), a father's name with one glued to it (`true`), or
    /// neither (`nil`).
    static func particleGlued(_ key: WordKey) -> Bool? {
        // Every particle ends in «ы» or «у»: most words are ruled out without a lookup.
        guard key.last == particleFinalY || key.last == particleFinalU else { return nil }
        if unambiguousParticles.contains(key) { return false }
        guard key.length >= 7 else { return nil }
        return gluedParticles.contains { key.hasSuffix($0) } ? true : nil
    }

    /// Whether a word before «оглы» may be a father's or a first name: any case, no cue, pronoun, preposition or
    /// word of a sentence's frame («сосед», «мне», «пишет»), and no past tense or infinitive unless the dictionary
    /// knows it as a name.
    private static func mayBeTurkicName(_ token: Token, _ feature: Features) -> Bool {
        guard token.isWord, token.length >= 3, !NameLexicon.notPersons.contains(token.key),
            !NameLexicon.cue(token.key).isCue, !isAddressOrOfficeWord(token.key)
        else { return false }
        // «Ниджат», «Фикрет», «Марат» end like present-tense verbs; a past tense, an infinitive or a reflexive form
        // («нахамил», «звонила», «жаловаться») is no name.
        return feature.firstForms != nil || feature.firstName
            || !pastOrInfinitiveEndings.containsEnding(of: token.key, lengths: 2...2)
    }
    private static let pastOrInfinitiveEndings = WordSet(endings: [
        "ть", "ти", "ся", "сь", "ла", "ли", "ло", "ал", "ил", "ел", "ял", "ыл", "ул",
    ])

    /// Whether a word beside a first name and «оглы» may be the surname: a dictionary name, a capitalised word, or a
    /// surname's ending of the peoples who write «оглы/кызы» (-ов, -ева, -ли, -заде …).
    private static func mayBeTurkicSurname(_ token: Token, _ feature: Features) -> Bool {
        guard token.isWord, token.length >= 3, !NameLexicon.notPersons.contains(token.key),
            !NameLexicon.cue(token.key).isCue, !isAddressOrOfficeWord(token.key)
        else { return false }
        return feature.name || feature.surnameForms != nil || feature.surnameLike
            || hasTurkicSurnameShape(token.key)
    }

    /// Surname endings of the Turkic peoples beside the Russian ones: «Гасанли», «Мамедли», «Алиев», «Ахмедзаде».
    static func hasTurkicSurnameShape(_ key: WordKey) -> Bool {
        hasSurnameShape(key) || key.length >= 6 && turkicSurnameEndings.containsEnding(of: key, lengths: 2...4)
    }
    private static let turkicSurnameEndings = WordSet(endings: ["ли", "лы", "заде", "лу"])

    /// Words that make the next name an honorific one: `им. Пушкина`, «имени Ленина», «памяти героев».
    private static let honorifics = WordSet(["им", "имени", "памяти"])
}

import PainmapCore

/// Finds Russian vehicle plates: letter, three digits, two letters, region code (`А123ВС 54`, `а123вс154`,
/// `A123BC77 RUS`), with Latin look-alikes of the twelve plate letters.
struct PlateRecognizer {
    func find(in text: ScannedText, into candidates: inout [Candidate]) {
        let tokens = text.tokens
        var index = 0
        while index + 3 < tokens.count {
            defer { index += 1 }
            let first = tokens[index]
            guard first.isWord, first.length == 1, PlateRecognizer.isPlateLetters(first.key) else { continue }
            guard let digits = following(index, in: text), tokens[digits].isNumber, tokens[digits].length == 3 else {
                continue
            }
            guard let letters = following(digits, in: text), tokens[letters].isWord, tokens[letters].length == 2,
                PlateRecognizer.isPlateLetters(tokens[letters].key)
            else { continue }
            // Lower-case plates only with all parts lower case, upper-case ones with both letter groups upper case.
            guard first.isUpper == tokens[letters].isUpper else { continue }
            // The region code may be left out («Н492КА», «в 178 вх»); then nothing may follow that reads as one.
            guard let region = following(letters, in: text), tokens[region].isNumber,
                (2...3).contains(tokens[region].length)
            else {
                let next = letters + 1 < tokens.count ? tokens[letters + 1] : nil
                if next.map({ !$0.isWord && !$0.isNumber }) ?? true {
                    candidates.append(Candidate(type: .vehiclePlate, start: first.start, end: tokens[letters].end))
                    index = letters
                }
                continue
            }
            var end = tokens[region].end
            if let rus = following(region, in: text), tokens[rus].isWord,
                PlateRecognizer.countryMarks.contains(tokens[rus].key)
            {
                end = tokens[rus].end
            }
            candidates.append(Candidate(type: .vehiclePlate, start: first.start, end: end))
            index = region
        }
    }

    /// The next token if at most one space separates it.
    private func following(_ index: Int, in text: ScannedText) -> Int? {
        var next = index + 1
        if next < text.tokens.count, text.tokens[next].isSpace {
            guard text.tokens[next].length == 1, !text.tokens[next].hasLineBreak else { return nil }
            next += 1
        }
        return next < text.tokens.count ? next : nil
    }

    private static let countryMarks = WordSet(["rus", "рус"])

    /// Indexed by key byte: the twelve plate letters, Cyrillic and their Latin look-alikes (lower case).
    private static let letters: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for letter in [
            "а", "в", "е", "к", "м", "н", "о", "р", "с", "т", "у", "х", "a", "b", "e", "k", "m", "h", "o", "p", "c",
            "t", "y", "x",
        ] {
            table[Int(WordKey(letter).last)] = true
        }
        return table
    }()

    /// Whether every letter of a word of at most 8 letters is a plate letter.
    private static func isPlateLetters(_ key: WordKey) -> Bool {
        guard key.length <= 8 else { return false }
        for index in 0..<key.length where !letters[Int(UInt8(truncatingIfNeeded: key.head0 >> UInt64(index &* 8)))] {
            return false
        }
        return true
    }

    /// The canonical spelling: Cyrillic upper case, no spaces, no «RUS».
    static func normalize(_ surface: String) -> String {
        let map: [Character: Character] = [
            "A": "А", "B": "В", "E": "Е", "K": "К", "M": "М", "H": "Н", "O": "О", "P": "Р", "C": "С", "T": "Т",
            "Y": "У", "X": "Х",
        ]
        var out = ""
        var text = surface.uppercased()
        if text.hasSuffix("RUS") { text.removeLast(3) } else if text.hasSuffix("РУС") { text.removeLast(3) }
        for character in text where !character.isWhitespace {
            out.append(map[character] ?? character)
        }
        return out
    }
}

import Foundation

/// First names and surnames of the OpenCorpora dictionary (CC BY-SA 3.0) with every case form, loaded once from the
/// lexicon bundled with this module (`Resources/names-*.txt`, built by `scripts/dev/build-name-lexicon.py`).
///
/// Each form carries a ``Forms`` mask of the genders and cases it can stand in, so two words agree when their masks
/// share a bit («Иванова Мария»: feminine nominative; «Иванова Петра»: masculine genitive), and a flag saying that
/// the same spelling is also an ordinary word («кузнец», «роман», «вера»), which needs a cue or a partner that is
/// not one. A lookup is one hash probe.
enum NameDictionary {
    /// The genders and cases a form can stand in.
    struct Forms: OptionSet, Sendable {
        let rawValue: UInt16
        /// Masculine forms (any case).
        static let masculine = Forms(rawValue: 0x3F)
        /// Feminine forms (any case).
        static let feminine = Forms(rawValue: 0xFC0)
        /// Nominative, masculine or feminine.
        static let nominative = Forms(rawValue: 0x41)
        /// Plural forms.
        static let plural = Forms(rawValue: 0x1000)
        /// The spelling is also an ordinary word.
        static let common = Forms(rawValue: 0x2000)
        /// The spelling is also a place, organisation or trademark («королев», «пушкино»).
        static let place = Forms(rawValue: 0x4000)
        /// The gender and case bits.
        static let agreement = Forms(rawValue: 0x1FFF)

        /// Whether two forms share a gender and case (or both are plural).
        func agrees(with other: Forms) -> Bool { !intersection(other).intersection(.agreement).isEmpty }
    }

    /// First names (grammeme Name, diminutives included: «саша», «лёша» → «леша») and surnames (grammeme Surn,
    /// Russian and of other peoples: «иванова», «ким», «мамедов»), behind one filter.
    static let names = Names(firstNames: load("names-first-names"), surnames: load("names-surnames"))

    /// The first-name and surname tables behind a 256 KiB bit filter: most words of a text are no names, and the
    /// filter, small enough to stay in cache, turns them away with one hash and two probes (≈ 3 % let through)
    /// without touching the tables' megabytes.
    struct Names: Sendable {
        private let firstNames: WordTable<Forms>
        private let surnames: WordTable<Forms>
        private let bits: [UInt64]
        private static let mask: UInt64 = (1 << 21) - 1

        init(firstNames: [(WordKey, Forms)], surnames: [(WordKey, Forms)]) {
            self.firstNames = WordTable(keyed: firstNames)
            self.surnames = WordTable(keyed: surnames)
            var bits = [UInt64](repeating: 0, count: 1 << 15)
            for (key, _) in firstNames + surnames where key.isLexical && key.length > 0 {
                let hash = key.mixed
                for probe in [hash & Names.mask, (hash >> 32) & Names.mask] {
                    bits[Int(probe >> 6)] |= 1 << (probe & 63)
                }
            }
            self.bits = bits
        }

        /// The forms of `key` as a first name and as a surname.
        @inline(__always)
        func lookup(_ key: WordKey) -> (first: Forms?, surname: Forms?) {
            guard key.isLexical, key.length > 1 else { return (nil, nil) }
            let hash = key.mixed
            let first = hash & Names.mask
            let second = (hash >> 32) & Names.mask
            guard bits[Int(first >> 6)] & (1 << (first & 63)) != 0, bits[Int(second >> 6)] & (1 << (second & 63)) != 0
            else { return (nil, nil) }
            return (firstNames[key, mixed: hash], surnames[key, mixed: hash])
        }

        /// The forms of `key` as a first name.
        subscript(firstName key: WordKey) -> Forms? { lookup(key).first }

        /// The forms of `key` as a surname.
        subscript(surname key: WordKey) -> Forms? { lookup(key).surname }
    }

    /// Reads one lexicon file: a form and a hexadecimal mask per line, `#` comments.
    ///
    /// A missing or unreadable file gives an empty table (never a crash): ingest and the pii harness stop first with
    /// ``Redactor/requireLexicon()``'s message, which says where the files were looked for.
    private static func load(_ name: String) -> [(WordKey, Forms)] {
        guard case .success(let folder) = LexiconBundle.located,
            let data = try? Data(
                contentsOf: folder.appendingPathComponent(name).appendingPathExtension("txt"),
                options: .mappedIfSafe
            )
        else { return [] }
        var entries: [(WordKey, Forms)] = []
        entries.reserveCapacity(data.count / 14)
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var index = 0
            let count = bytes.count
            while index < count {
                if bytes[index] == UInt8(ascii: "#") {
                    while index < count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                    index += 1
                    continue
                }
                var key = WordKey()
                while index < count, bytes[index] != UInt8(ascii: " "), bytes[index] != UInt8(ascii: "\n") {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        key.append(byte == UInt8(ascii: "-") ? byte : WordKey.byte(Unicode.Scalar(byte)))
                        index += 1
                    } else if byte == 0xD0 || byte == 0xD1, index + 1 < count {
                        // Two-byte Cyrillic: U+0400…U+047F.
                        let value = (UInt32(byte & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F)
                        let scalar = Unicode.Scalar(value) ?? "?"
                        key.append(WordKey.byte(ScannedText.folded(scalar)))
                        index += 2
                    } else {
                        key.append(0x01)
                        index += 1
                    }
                }
                var mask: UInt16 = 0
                if index < count, bytes[index] == UInt8(ascii: " ") {
                    index += 1
                    while index < count, bytes[index] != UInt8(ascii: "\n") {
                        let byte = bytes[index]
                        let digit: UInt16 =
                            byte >= UInt8(ascii: "a") ? UInt16(byte - UInt8(ascii: "a") + 10) : UInt16(byte &- 48)
                        mask = mask << 4 | (digit & 0xF)
                        index += 1
                    }
                }
                index += 1
                if key.length > 0 { entries.append((key, Forms(rawValue: mask))) }
            }
        }
        return entries
    }
}

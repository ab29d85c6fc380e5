/// Numbers and addresses that are public and never redacted: emergency and hotline numbers, the free federal lines,
/// organisations' numbers and public offices' addresses from `Config/privacy.yaml`.
///
/// Numbers are compared on their digits with the trunk prefix unified (`+7 …` and `8 …` are one number); an entry
/// ending in `*` is a prefix. Addresses are compared on their folded words and numbers, so «ул. Ленина, д. 5» and
/// «улица Ленина 5» differ but «Ул. Ленина, д.5» and «ул. ленина, д. 5» do not.
struct PublicNumbers: Sendable {
    /// Up to 19 digits as a number and a count, built without allocating.
    struct Digits: Hashable, Sendable {
        var value: UInt64 = 0
        var count = 0

        /// Adds a digit; other scalars are skipped.
        @inline(__always)
        mutating func append(_ scalar: Unicode.Scalar) {
            guard ScannedText.isDigit(scalar) else { return }
            if count < 19 { value = value &* 10 &+ UInt64(scalar.value &- 48) }
            count += 1
        }

        /// An 11-digit number's leading 7 read as 8 («+7 …» and «8 …» are one number).
        var trunkUnified: Digits {
            guard count == 11, value / 10_000_000_000 == 7 else { return self }
            return Digits(value: value + 10_000_000_000, count: count)
        }
    }

    private var exact: Set<Digits> = []
    private var prefixes: [Digits] = []
    private var addresses: Set<String> = []

    init(numbers: [String], addresses: [String]) {
        for entry in numbers {
            var digits = Digits()
            for scalar in entry.unicodeScalars { digits.append(scalar) }
            guard digits.count > 0, digits.count <= 19 else { continue }
            if entry.hasSuffix("*") { prefixes.append(digits) } else { exact.insert(digits.trunkUnified) }
        }
        for address in addresses { self.addresses.insert(PublicNumbers.words(address)) }
    }

    /// Whether the digits of a found number are public.
    func containsNumber(_ text: some Sequence<Unicode.Scalar>) -> Bool {
        var digits = Digits()
        for scalar in text { digits.append(scalar) }
        return contains(digits)
    }

    /// Whether a number is public: one of the numbers, or starting with one of the prefixes.
    func contains(_ number: Digits) -> Bool {
        guard number.count <= 19 else { return false }
        let unified = number.trunkUnified
        if exact.contains(unified) { return true }
        for prefix in prefixes where prefix.count <= unified.count {
            var scale: UInt64 = 1
            for _ in 0..<(unified.count - prefix.count) { scale &*= 10 }
            if unified.value / scale == prefix.value { return true }
        }
        return false
    }

    /// Whether a found address is a configured public office's.
    func containsAddress(_ text: some Sequence<Unicode.Scalar>) -> Bool {
        !addresses.isEmpty && addresses.contains(PublicNumbers.words(text))
    }

    var isEmpty: Bool { exact.isEmpty && prefixes.isEmpty && addresses.isEmpty }

    /// Folded letters and digits, one space between runs.
    private static func words(_ text: some Sequence<Unicode.Scalar>) -> String {
        var out = String.UnicodeScalarView()
        var pending = false
        for scalar in text {
            if ScannedText.isLetter(scalar) || ScannedText.isDigit(scalar) {
                if pending, !out.isEmpty { out.append(" ") }
                pending = false
                out.append(ScannedText.folded(scalar))
            } else {
                pending = true
            }
        }
        return String(out)
    }

    private static func words(_ text: String) -> String { words(text.unicodeScalars) }
}

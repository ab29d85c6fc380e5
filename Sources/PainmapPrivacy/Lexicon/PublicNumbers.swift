/// Numbers and addresses that are public and never redacted: emergency and hotline numbers, the free federal lines,
/// organisations' numbers and public offices' addresses from `Config/privacy.yaml`.
///
/// Numbers are compared on their digits with the trunk prefix unified (`+7 …` and `8 …` are one number); an entry
/// ending in `*` is a prefix. Addresses are compared on their folded words and numbers, so «ул. Ленина, д. 5» and
/// «улица Ленина 5» differ but «Ул. Ленина, д.5» and «ул. ленина, д. 5» do not.
struct PublicNumbers: Sendable {
    private var exact: Set<String> = []
    private var prefixes: [String] = []
    private var addresses: Set<String> = []

    init(numbers: [String], addresses: [String]) {
        for entry in numbers {
            let digits = PublicNumbers.digits(entry)
            guard !digits.isEmpty else { continue }
            if entry.hasSuffix("*") { prefixes.append(digits) } else { exact.insert(digits) }
        }
        for address in addresses { self.addresses.insert(PublicNumbers.words(address)) }
    }

    /// Whether the digits of a found number are public.
    func containsNumber(_ text: some Sequence<Unicode.Scalar>) -> Bool {
        let digits = PublicNumbers.digits(text)
        if exact.contains(digits) { return true }
        return prefixes.contains { digits.hasPrefix($0) }
    }

    /// Whether a found address is a configured public office's.
    func containsAddress(_ text: some Sequence<Unicode.Scalar>) -> Bool {
        !addresses.isEmpty && addresses.contains(PublicNumbers.words(text))
    }

    var isEmpty: Bool { exact.isEmpty && prefixes.isEmpty && addresses.isEmpty }

    /// The digits, with an 11-digit number's leading 7 read as 8.
    private static func digits(_ text: some Sequence<Unicode.Scalar>) -> String {
        var digits = String.UnicodeScalarView()
        for scalar in text where ScannedText.isDigit(scalar) { digits.append(scalar) }
        var result = String(digits)
        if result.count == 11, result.hasPrefix("7") { result = "8" + result.dropFirst() }
        return result
    }

    private static func digits(_ text: String) -> String { digits(text.unicodeScalars) }

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

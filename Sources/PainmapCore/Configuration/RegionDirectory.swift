import Foundation

/// The table of federal subjects and the lookups that turn a raw region value into a subject code.
public struct RegionDirectory: Sendable {
    /// All regions, in code order.
    public let regions: [Region]
    private let byCode: [String: Region]
    private let byName: [String: Region]
    private let okato: [String: Region]
    private let oktmo: [String: Region]

    /// Builds the lookups; duplicate codes keep the first entry (validation reports them).
    public init(regions: [Region]) {
        self.regions = regions.sorted { $0.code < $1.code }
        var byCode: [String: Region] = [:]
        var byName: [String: Region] = [:]
        for region in regions {
            if byCode[region.code] == nil { byCode[region.code] = region }
            for spelling in [region.name, region.fullName] + region.aliases {
                let key = RegionDirectory.nameKey(spelling)
                if byName[key] == nil { byName[key] = region }
            }
        }
        self.byCode = byCode
        self.byName = byName
        var okato: [String: Region] = [:]
        var oktmo: [String: Region] = [:]
        for region in regions {
            if let prefix = region.okatoPrefix, okato[prefix] == nil { okato[prefix] = region }
            if let prefix = region.oktmoPrefix, oktmo[prefix] == nil { oktmo[prefix] = region }
        }
        self.okato = okato
        self.oktmo = oktmo
    }

    /// The region with a 2-digit ФИАС/КЛАДР code.
    public func region(code: String) -> Region? { byCode[code] }

    /// Resolves a raw region value in the given code system, or `nil` when it names no known region.
    public func resolve(_ raw: String, system: RegionCodeSystem) -> Region? {
        // Nearly every value begins and ends with a printable ASCII character, which is no white space: skip
        // Foundation's trimming (bridged through NSString) for those.
        let printable: ClosedRange<UInt8> = 0x21...0x7E
        let trimmed =
            raw.utf8.first.map(printable.contains) == true && raw.utf8.last.map(printable.contains) == true
            ? raw : raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        switch system {
        case .kladr:
            guard trimmed.allSatisfy(\.isASCIIDigit), trimmed.count >= 2 else { return nil }
            return byCode[String(trimmed.prefix(2))]
        case .okato:
            return RegionDirectory.longestPrefix(trimmed, in: okato)
        case .oktmo:
            return RegionDirectory.longestPrefix(trimmed, in: oktmo)
        case .name:
            return byName[RegionDirectory.nameKey(trimmed)]
        }
    }

    /// The region whose prefix is the longest prefix of `raw` (so НАО, 111, wins over Архангельская,
    /// 11, for 11100000000).
    ///
    /// Significant prefixes are 2 to 5 digits long.
    private static func longestPrefix(_ raw: String, in table: [String: Region]) -> Region? {
        let digits = Array(raw.utf8)
        guard digits.count >= 2, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        for length in stride(from: min(5, digits.count), through: 2, by: -1) {
            if let region = table[String(decoding: digits[0..<length], as: UTF8.self)] { return region }
        }
        return nil
    }

    /// Folds case, ё and punctuation so «Новосибирская обл.» and «новосибирская обл» compare equal.
    static func nameKey(_ text: String) -> String {
        let lowered = text.lowercased().replacingOccurrences(of: "ё", with: "е")
        var out = ""
        var lastSpace = true
        for scalar in lowered.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
                lastSpace = false
            } else if !lastSpace {
                out.append(" ")
                lastSpace = true
            }
        }
        // Expand the abbreviations exports use («обл.», «респ.», «АО»), so they need no alias.
        let expansions = ["обл": "область", "респ": "республика", "ао": "автономный округ", "кр": "край", "г": ""]
        return out.split(separator: " ").map { expansions[String($0)] ?? String($0) }.filter { !$0.isEmpty }.joined(
            separator: " "
        )
    }
}

extension Character {
    /// Whether the character is one of the ASCII digits 0–9.
    var isASCIIDigit: Bool { isASCII && isNumber }
}

import Foundation

/// The table of federal subjects and the lookups that turn a raw region value into a subject code.
public struct RegionDirectory: Sendable {
    /// All regions, in code order.
    public let regions: [Region]
    private let byCode: [String: Region]
    private let byName: [String: Region]
    private let okato: [(prefix: String, region: Region)]
    private let oktmo: [(prefix: String, region: Region)]

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
        // Longest prefix first, so НАО (111) wins over Архангельская (11) for 11100000000.
        okato = regions.compactMap { r in r.okatoPrefix.map { ($0, r) } }.sorted { $0.0.count > $1.0.count || ($0.0.count == $1.0.count && $0.0 < $1.0) }
        oktmo = regions.compactMap { r in r.oktmoPrefix.map { ($0, r) } }.sorted { $0.0.count > $1.0.count || ($0.0.count == $1.0.count && $0.0 < $1.0) }
    }

    /// The region with a 2-digit ФИАС/КЛАДР code.
    public func region(code: String) -> Region? { byCode[code] }

    /// Resolves a raw region value in the given code system, or `nil` when it names no known region.
    public func resolve(_ raw: String, system: RegionCodeSystem) -> Region? {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
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

    private static func longestPrefix(_ raw: String, in table: [(prefix: String, region: Region)]) -> Region? {
        guard raw.allSatisfy(\.isASCIIDigit), raw.count >= 2 else { return nil }
        for entry in table where raw.hasPrefix(entry.prefix) {
            return entry.region
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
        return out.split(separator: " ").map { expansions[String($0)] ?? String($0) }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

extension Character {
    /// Whether the character is one of the ASCII digits 0–9.
    var isASCIIDigit: Bool { isASCII && isNumber }
}

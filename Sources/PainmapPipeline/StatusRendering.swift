import Foundation
public import PainmapCore

/// Renders `painmap status` and `painmap quarantine` output as text tables or JSON.
///
/// The JSON field names are a contract: `totals` {read, stored, quarantined, duplicate, updated},
/// `by_source` keyed by the five source kinds, `by_region_quarter`, `quarantine_by_reason`, `files`.
public enum StatusRendering {
    private struct Counts: Encodable {
        var read, stored, updated, quarantined, duplicate: Int
        init(_ a: FileAccounting) {
            read = a.read
            stored = a.stored
            updated = a.updated
            quarantined = a.quarantined
            duplicate = a.duplicate
        }
    }

    private struct RegionQuarter: Encodable {
        var region: String
        var regionName: String?
        var quarter: String
        var source: String
        var records: Int
        enum CodingKeys: String, CodingKey {
            case region, quarter, source, records
            case regionName = "region_name"
        }
    }

    private struct Document: Encodable {
        var totals: Counts
        var bySource: [String: Counts]
        var byRegionQuarter: [RegionQuarter]
        var quarantineByReason: [String: Int]
        var files: [String: Int]
        enum CodingKeys: String, CodingKey {
            case totals, files
            case bySource = "by_source"
            case byRegionQuarter = "by_region_quarter"
            case quarantineByReason = "quarantine_by_reason"
        }
    }

    /// The status as pretty, key-sorted JSON.
    public static func json(_ status: StoreStatus, regions: RegionDirectory? = nil) -> String {
        let document = Document(
            totals: Counts(status.totals),
            bySource: Dictionary(
                uniqueKeysWithValues: SourceKind.allCases.map {
                    ($0.rawValue, Counts(status.bySource[$0] ?? FileAccounting()))
                }
            ),
            byRegionQuarter: status.records.map {
                RegionQuarter(
                    region: $0.region,
                    regionName: regions?.region(code: $0.region)?.fullName,
                    quarter: $0.quarter.description,
                    source: $0.source.rawValue,
                    records: $0.count
                )
            },
            quarantineByReason: Dictionary(
                uniqueKeysWithValues: status.quarantineByReason.map { ($0.key.rawValue, $0.value) }
            ),
            files: ["done": status.filesDone, "rejected": status.filesRejected]
        )
        return encode(document)
    }

    /// Quarantine entries as pretty JSON.
    public static func json(_ entries: [QuarantineEntry]) -> String { encode(entries) }

    private static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text + "\n"
    }

    /// The status as Russian text tables: records per source × region × quarter, then quarantine per reason.
    public static func table(_ status: StoreStatus, regions: RegionDirectory? = nil) -> String {
        var out = "Записи по источникам, регионам и кварталам\n"
        let keys = Set(status.records.map { "\($0.region)|\($0.quarter)" }).sorted()
        var rows: [[String]] = [["регион", "квартал"] + SourceKind.allCases.map(\.rawValue) + ["всего"]]
        for key in keys {
            let parts = key.split(separator: "|").map(String.init)
            let items = status.records.filter { $0.region == parts[0] && $0.quarter.description == parts[1] }
            let counts = SourceKind.allCases.map { kind in
                items.filter { $0.source == kind }.reduce(0) { $0 + $1.count }
            }
            let name = regions?.region(code: parts[0]).map { " " + $0.fullName } ?? ""
            rows.append(["\(parts[0])\(name)", parts[1]] + counts.map(String.init) + ["\(counts.reduce(0, +))"])
        }
        out += TextTable.render(rows)
        out += "\nУчёт строк по источникам (прочитано = сохранено + карантин + дубли)\n"
        var accounting: [[String]] = [["источник", "прочитано", "сохранено", "обновлено", "карантин", "дубли"]]
        for kind in SourceKind.allCases {
            let a = status.bySource[kind] ?? FileAccounting()
            accounting.append([
                kind.rawValue, "\(a.read)", "\(a.stored)", "\(a.updated)", "\(a.quarantined)", "\(a.duplicate)",
            ])
        }
        let t = status.totals
        accounting.append(["итого", "\(t.read)", "\(t.stored)", "\(t.updated)", "\(t.quarantined)", "\(t.duplicate)"])
        out += TextTable.render(accounting)
        out += "\nКарантин по причинам\n"
        var reasons: [[String]] = [["причина", "строк", "что значит"]]
        for (reason, count) in status.quarantineByReason.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            reasons.append([reason.rawValue, "\(count)", reason.russianDescription])
        }
        if reasons.count == 1 { reasons.append(["—", "0", ""]) }
        out += TextTable.render(reasons)
        out += "\nФайлов загружено: \(status.filesDone), отклонено целиком: \(status.filesRejected)\n"
        return out
    }
}

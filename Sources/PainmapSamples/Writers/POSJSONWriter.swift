import PainmapCore

/// Renders ПОС records as a Spring-page style JSON export (`{"content": [...], "totalElements": N}`).
///
/// Written by hand rather than with `JSONSerialization`, so key order and spacing are fixed and
/// the bytes are the same on every platform.
struct POSJSONWriter: Sendable {
    func render(_ records: [POSRecord]) -> String {
        var out = "{\n  \"content\": [\n"
        for (index, record) in records.enumerated() {
            out += "    " + object(record) + (index + 1 < records.count ? ",\n" : "\n")
        }
        out += "  ],\n  \"totalElements\": \(records.count)\n}\n"
        return out
    }

    private func object(_ record: POSRecord) -> String {
        let offset = record.region.utcOffsetHours
        let fields: [(String, String)] = [
            ("id", String(record.id)),
            ("createdAt", Self.string(record.created.iso8601(offsetHours: offset))),
            ("answeredAt", record.answered.map { Self.string($0.iso8601(offsetHours: offset)) } ?? "null"),
            ("deadline", Self.string(record.deadline.iso8601(offsetHours: offset))),
            ("region", "{\"code\": \(Self.string(record.region.okato)), \"name\": \(Self.string(record.region.name))}"),
            (
                "municipality",
                "{\"name\": \(Self.string(record.municipality.name)), \"oktmo\": \(Self.string(record.municipality.oktmo))}"
            ),
            ("category", "{\"name\": \(Self.string(record.category))}"),
            ("subcategory", "{\"name\": \(Self.string(record.subcategory))}"),
            ("text", Self.string(record.text)),
            ("answer", record.answer.map { "{\"text\": \(Self.string($0))}" } ?? "null"),
            ("status", Self.string(record.status.jsonCode)),
            ("organization", "{\"name\": \(Self.string(record.organization)), \"opaId\": \(record.opaID)}"),
            ("channel", Self.string(record.channel)),
            ("fz59", record.fz59 ? "true" : "false"),
            ("author", "{\"name\": \(Self.string(record.authorName)), \"phone\": \(Self.string(record.authorPhone))}"),
        ]
        return "{" + fields.map { "\(Self.string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// A JSON string literal (Core's ``JSONString``).
    static func string(_ value: String) -> String { JSONString.literal(value) }
}

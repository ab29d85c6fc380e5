import Foundation
public import PainmapCore

/// Tables and JSON for `painmap review`: what analysts read in a terminal and what scripts parse.
public enum ReviewRendering {
    /// A pain as a JSON object (snake_case keys).
    public static func object(_ pain: ReviewedPain) -> [String: Any] {
        let decision = pain.decision
        var object: [String: Any] = [
            "id": decision.key.painID,
            "region": decision.key.region,
            "quarter": decision.key.quarter.description,
            "title": pain.title,
            "version": decision.version,
            "junk": decision.isJunk,
            "status": decision.status.rawValue,
            "status_name": decision.status.russianName,
            "needs_review": pain.needsReview,
            "proposed_junk": pain.proposedJunk,
        ]
        if let carried = pain.carried {
            object["carried_from"] = carried.key.quarter.description
            object["carried_status"] = carried.status.rawValue
            object["carried_responsible_body"] = carried.responsibleBody ?? NSNull()
        }
        if let stored = pain.pain {
            object["computed_title"] = stored.title
            object["life_situation"] = stored.lifeSituation
            object["count"] = stored.count
            object["rank"] = stored.rank
        }
        let optional: [(String, String?)] = [
            ("junk_reason", decision.junkReason), ("responsible_body", decision.responsibleBody),
            ("solution", decision.solution), ("due_date", decision.dueDate), ("merged_into", decision.mergedInto),
            ("split_from", decision.splitFrom), ("updated_by", decision.updatedBy),
            ("updated_at", decision.updatedAt),
        ]
        for (key, value) in optional { object[key] = value ?? NSNull() }
        return object
    }

    /// An audit entry as a JSON object.
    public static func object(_ entry: DecisionAuditEntry) -> [String: Any] {
        [
            "id": entry.id, "pain_id": entry.key.painID, "region": entry.key.region,
            "quarter": entry.key.quarter.description, "version": entry.version, "kind": entry.kind.rawValue,
            "actor": entry.actor, "at": entry.at, "before": entry.before, "after": entry.after,
        ]
    }

    /// Pretty JSON with sorted keys and a final newline.
    public static func json(_ value: Any) -> String {
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: value,
                options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            )
        else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The list table's rows: a header, then one row per pain.
    public static func rows(_ pains: [ReviewedPain]) -> [[String]] {
        var lines = [["боль", "версия", "записей", "статус", "ответственный", "название"]]
        for pain in pains {
            var status = pain.decision.status.russianName
            if pain.decision.isJunk { status = "не боль" }
            if let into = pain.decision.mergedInto { status = "объединена → \(into)" }
            if pain.needsReview { status += " (требует пересмотра)" }
            if let carried = pain.carried {
                status =
                    pain.proposedJunk
                    ? "предложено: не боль (из \(carried.key.quarter))"
                    : "\(carried.status.russianName) (из \(carried.key.quarter))"
            }
            lines.append(
                [
                    pain.key.painID, String(pain.decision.version), pain.pain.map { String($0.count) } ?? "—",
                    status, pain.decision.responsibleBody ?? "—", pain.title,
                ]
            )
        }
        return lines
    }

    /// One audit line per entry: `#id версия N вид — кто, когда: поле=значение, …`.
    public static func logTable(_ entries: [DecisionAuditEntry]) -> String {
        entries.map { entry in
            let after = entry.after.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            let changed = entry.after.filter { entry.before[$0.key] != $0.value }.keys.sorted()
            let before = changed.compactMap { key in entry.before[key].map { "\(key)=\($0)" } }
            return "#\(entry.id) \(entry.key.painID) версия \(entry.version) \(entry.kind.russianName) — "
                + "\(entry.actor), \(entry.at): \(after.joined(separator: ", "))"
                + (before.isEmpty ? "" : " (было: \(before.joined(separator: ", ")))")
        }.joined(separator: "\n") + (entries.isEmpty ? "" : "\n")
    }

    /// A pain's details: fields, body options, comments and its audit trail.
    public static func details(_ pain: ReviewedPain, log: [DecisionAuditEntry], bodyOptions: [String]) -> String {
        let decision = pain.decision
        var lines = [
            "боль \(pain.key) (версия \(decision.version))",
            "название: \(pain.title)",
        ]
        if let stored = pain.pain {
            lines.append("ситуация: \(stored.lifeSituation); записей: \(stored.count); ранг: \(stored.rank)")
            if decision.title != nil { lines.append("название по расчёту: \(stored.title)") }
        } else if pain.needsReview {
            lines.append("требует пересмотра: повторный запуск не нашёл эту боль")
        }
        lines.append("статус: \(decision.status.russianName)")
        if let carried = pain.carried {
            lines.append(
                pain.proposedJunk
                    ? "предложено: не боль — предшественник в \(carried.key.quarter) исключён: \(carried.junkReason ?? "")"
                    : "решение из \(carried.key.quarter): \(carried.status.russianName)"
                        + (carried.responsibleBody.map { ", ответственный \($0)" } ?? "")
            )
        }
        if decision.isJunk { lines.append("не боль: \(decision.junkReason ?? "")") }
        if let into = decision.mergedInto { lines.append("объединена с: \(into)") }
        if let from = decision.splitFrom { lines.append("выделена из: \(from)") }
        lines.append("ответственный: \(decision.responsibleBody ?? "—")")
        lines.append("решение: \(decision.solution ?? "—")")
        lines.append("срок: \(decision.dueDate ?? "—")")
        if !bodyOptions.isEmpty {
            lines.append(
                "ответственные (сначала названные в записях): " + bodyOptions.prefix(8).joined(separator: "; ")
            )
        }
        let comments = log.filter { $0.kind == .comment }
        if !comments.isEmpty {
            lines.append("комментарии:")
            lines += comments.map { "  \($0.actor), \($0.at): \($0.after["comment"] ?? "")" }
        }
        if !log.isEmpty {
            lines.append("журнал:")
            lines += logTable(log).split(separator: "\n").map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

public import PainmapCore

/// What one ingest did, file by file, for the terminal table and for tests.
public struct IngestReport: Sendable {
    /// The result of one input file.
    public struct FileResult: Sendable {
        /// The outcome of one file.
        public enum Outcome: Sendable {
            /// Read and committed.
            case ingested(FileAccounting, encoding: String)
            /// Already ingested (same digest); nothing was added.
            case skipped(FileAccounting)
            /// Unusable as a whole; recorded as rejected.
            case rejected(LocatedFailure)
            /// No layout covers the file; `explicit` when the user named it (an error), else skipped.
            case unmatched(String, explicit: Bool)
        }

        /// The path as given.
        public var path: String
        /// The source kind, when a layout matched.
        public var source: SourceKind?
        /// The outcome.
        public var outcome: Outcome
    }

    /// Results in input order.
    public var files: [FileResult] = []

    /// Row accounting over the files ingested in this run.
    public var totals: FileAccounting {
        files.reduce(FileAccounting()) { sum, file in
            if case .ingested(let accounting, _) = file.outcome { return sum + accounting }
            return sum
        }
    }

    /// Whether some file was rejected or unmatched (the CLI then exits with 65).
    public var hasFailures: Bool {
        files.contains { file in
            switch file.outcome {
            case .rejected, .unmatched(_, explicit: true): true
            case .ingested, .skipped, .unmatched(_, explicit: false): false
            }
        }
    }

    /// The per-file accounting table in Russian.
    public var table: String {
        var rows: [[String]] = [
            ["файл", "источник", "прочитано", "сохранено", "обновлено", "карантин", "дубли", "итог"]
        ]
        for file in files {
            let kind = file.source?.rawValue ?? "—"
            switch file.outcome {
            case .ingested(let a, let encoding):
                rows.append([
                    file.path, kind, "\(a.read)", "\(a.stored)", "\(a.updated)", "\(a.quarantined)", "\(a.duplicate)",
                    "загружен (\(encoding))",
                ])
            case .skipped:
                rows.append([file.path, kind, "0", "0", "0", "0", "0", "уже загружен, пропущен"])
            case .rejected(let error):
                rows.append([
                    file.path, kind, "—", "—", "—", "—", "—",
                    "отклонён: \(error.code.ingestReason?.rawValue ?? error.code.rawValue)",
                ])
            case .unmatched(_, let explicit):
                rows.append([
                    file.path, kind, "—", "—", "—", "—", "—", explicit ? "нет макета" : "нет макета, пропущен",
                ])
            }
        }
        let t = totals
        rows.append(["итого", "", "\(t.read)", "\(t.stored)", "\(t.updated)", "\(t.quarantined)", "\(t.duplicate)", ""])
        var text = TextTable.render(rows)
        let problems = files.compactMap { file -> String? in
            switch file.outcome {
            case .rejected(let error): error.description
            case .unmatched(let message, explicit: true): "\(file.path): ошибка: \(message)"
            default: nil
            }
        }
        if !problems.isEmpty { text += "\n" + problems.joined(separator: "\n") + "\n" }
        return text
    }
}

extension HostileFiles {
    /// Collects the hostile files of one layout with their `hostile/README.md` rows.
    struct Collector {
        /// The file format (`csv`, `json`, `xml`, `xlsx`).
        let format: String
        /// The feed layout the files pretend to be (`pos-csv`, `pos-json`, …).
        let layout: String
        /// The encoding written in the README when a file does not name one.
        var defaultEncoding = "UTF-8"
        /// The files so far, in the order added.
        private(set) var files: [File] = []

        /// Adds one file.
        ///
        /// - Parameters:
        ///   - name: The file name.
        ///   - records: Data rows or elements as written (before any rejection).
        ///   - bytes: The file's bytes.
        ///   - damage: What is wrong with it, in Russian.
        ///   - outcome: What painmap does with it, in Russian.
        ///   - reason: The reason code it ends with.
        ///   - encoding: The encoding shown in the README (default: ``defaultEncoding``).
        mutating func add(
            _ name: String,
            _ records: Int,
            _ bytes: [UInt8],
            _ damage: String,
            _ outcome: String,
            _ reason: String,
            encoding: String? = nil
        ) {
            files.append(
                File(
                    name: name,
                    format: format,
                    encoding: encoding ?? defaultEncoding,
                    records: records,
                    bytes: bytes,
                    readmeRow: "| `\(name)` | \(layout) | \(damage) | \(outcome) | `\(reason)` |"
                )
            )
        }
    }
}

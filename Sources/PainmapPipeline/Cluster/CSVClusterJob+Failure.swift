public import PainmapCore

extension CSVClusterJob {
    /// A problem that stops `painmap cluster`: the file, its columns or an output path is unusable.
    ///
    /// Reading errors of the CSV itself (bad encoding, unclosed quote) arrive as the reader's own failure,
    /// wrapped with a hint about `--encoding` where it helps.
    public struct Failure: PainmapFailure, Equatable {
        /// What went wrong; each code maps to one exit status.
        public enum Code: String, Sendable, CaseIterable {
            /// The input file does not exist or is not a readable file (66).
            case missingInput
            /// The header lacks a column the options name (65).
            case missingColumns
            /// The file has no header or no data rows (65).
            case emptyFile
            /// The file cannot be decoded or parsed (65).
            case unreadableData
            /// The input changed between the two passes over it (65).
            case inputChanged
            /// An output file cannot be written (74).
            case unwritableOutput
        }

        /// What went wrong.
        public var code: Code
        /// The file and, when known, the line.
        public var location: SourceLocation
        /// What is wrong and what to do, in Russian; it names columns and lines, never row content.
        public var message: String

        /// Creates a failure.
        ///
        /// - Parameters:
        ///   - code: What went wrong.
        ///   - location: The file and line.
        ///   - message: The Russian message.
        public init(code: Code, location: SourceLocation, message: String) {
            self.code = code
            self.location = location
            self.message = message
        }

        /// `export.csv:1: ошибка: …`.
        public var description: String { "\(location): ошибка: \(message)" }

        /// 66 for a missing input, 74 for an unwritable output, 65 otherwise.
        public var exitStatus: ExitStatus {
            switch code {
            case .missingInput: .noInput
            case .unwritableOutput: .ioError
            case .missingColumns, .emptyFile, .unreadableData, .inputChanged: .dataError
            }
        }
    }
}

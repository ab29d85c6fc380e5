public import PainmapCore

extension FailureCode {
    /// The header lacks a column the options name (65).
    public static let missingColumns = FailureCode(rawValue: "cluster.missing_columns")
    /// The file has no header or no data rows (65).
    public static let emptyFile = FailureCode(rawValue: "cluster.empty_file")
    /// The file cannot be decoded or parsed (65).
    public static let unreadableData = FailureCode(rawValue: "cluster.unreadable_data")
    /// The input changed between the two passes over it (65).
    public static let inputChanged = FailureCode(rawValue: "cluster.input_changed")
    /// An output file cannot be written (74).
    public static let unwritableOutput = FailureCode(rawValue: "cluster.unwritable_output")
}

extension CSVClusterJob {
    /// A problem that stops `painmap cluster`: the file, its columns or an output path is unusable.
    ///
    /// Reading errors of the CSV itself (bad encoding, unclosed quote) arrive as the reader's own failure,
    /// wrapped with a hint about `--encoding` where it helps.
    /// - Parameters:
    ///   - code: ``FailureCode/missingInput``, ``FailureCode/missingColumns``, ``FailureCode/emptyFile``,
    ///     ``FailureCode/unreadableData``, ``FailureCode/inputChanged`` or ``FailureCode/unwritableOutput``.
    ///   - location: The file and, when known, the line.
    ///   - message: What is wrong and what to do, in Russian; it names columns and lines, never row content.
    /// - Returns: The failure, with 66 for a missing input, 74 for an unwritable output, 65 otherwise.
    public static func failure(code: FailureCode, location: SourceLocation, message: String) -> LocatedFailure {
        let status: ExitStatus =
            switch code {
            case .missingInput: .noInput
            case .unwritableOutput: .ioError
            default: .dataError
            }
        return LocatedFailure(code, at: location, message: message, status: status)
    }
}

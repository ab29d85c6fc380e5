public import PainmapCore

extension FailureCode {
    /// The file cannot be opened or read (74).
    public static let unreadable = FailureCode(rawValue: "csv.unreadable")
    /// The row's bytes fit neither the file's encoding nor the declared one (65).
    public static let badEncoding = FailureCode(rawValue: "csv.bad_encoding")
    /// A quoted field is not closed before the end of the file (65).
    public static let unterminatedQuote = FailureCode(rawValue: "csv.unterminated_quote")
    /// A field is longer than the reader's cap (65).
    public static let fieldTooLong = FailureCode(rawValue: "csv.field_too_long")
    /// The row has more fields than the reader accepts (65).
    public static let tooManyFields = FailureCode(rawValue: "csv.too_many_fields")

    /// The matching quarantine reason of a row-level reading failure; `nil` for a whole-file problem.
    public var quarantineReason: QuarantineReason? {
        switch self {
        case .badEncoding: .badEncoding
        case .unterminatedQuote: .unterminatedQuote
        case .fieldTooLong: .fieldTooLong
        case .tooManyFields: .wrongFieldCount
        default: nil
        }
    }
}

extension DelimitedTextReader {
    /// A problem that stops reading a file or one of its rows, printed as `data/export.csv:17: ошибка: …`.
    ///
    /// Row-level problems (``FailureCode/badEncoding``, ``FailureCode/unterminatedQuote``,
    /// ``FailureCode/fieldTooLong``, ``FailureCode/tooManyFields``) leave the reader usable: the offending row has
    /// been consumed, so a caller that quarantines rows can catch the failure and call ``next(decoding:)`` again.
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - location: The file and, for row problems, the line.
    ///   - message: What is wrong and what to do, in Russian; it names bytes and fields, never their content.
    /// - Returns: The failure: ``ExitStatus/ioError`` for an unreadable file, else ``ExitStatus/dataError``.
    static func failure(code: FailureCode, location: SourceLocation, message: String) -> LocatedFailure {
        LocatedFailure(code, at: location, message: message, status: code == .unreadable ? .ioError : .dataError)
    }
}

public import PainmapCore

extension FailureCode {
    /// The generator could not build an export it was asked for, such as a workbook or an encoding (70).
    public static let sampleGeneration = FailureCode(rawValue: "samples.failed")
}

extension LocatedFailure {
    /// Why the sample generator stopped: bad options (``FailureCode/usage``, 64), a file it could not write
    /// (``FailureCode/io``, 74) or an export it could not build (``FailureCode/sampleGeneration``, 70).
    ///
    /// - Parameters:
    ///   - code: ``FailureCode/usage``, ``FailureCode/io`` or ``FailureCode/sampleGeneration``.
    ///   - message: What went wrong and what to do, in Russian.
    /// - Returns: The failure, printed as `ошибка: …`.
    static func samples(_ code: FailureCode, message: String) -> LocatedFailure {
        let status: ExitStatus =
            switch code {
            case .usage: .usage
            case .io: .ioError
            default: .software
            }
        return LocatedFailure(code, message: message, status: status)
    }
}

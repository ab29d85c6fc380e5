/// The normalized processing status of a feedback record.
///
/// Exports spell statuses in many ways («Ответ готов», `ANSWERED`, «Рассмотрено»); each feed maps its
/// raw values onto these four in `Config/feeds.yaml`.
public enum RecordStatus: String, Codable, Sendable, CaseIterable {
    /// Received and not yet answered.
    case open
    /// An answer was given.
    case answered
    /// Closed after the answer.
    case closed
    /// Rejected or left without an answer.
    case rejected
}

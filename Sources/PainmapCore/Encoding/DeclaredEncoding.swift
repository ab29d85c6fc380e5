/// The encoding a feed (`encoding:` in `Config/feeds.yaml`) or a caller (`painmap cluster --encoding`) declares for a
/// delimited text file: UTF-8 is always tried first, Windows-1251 only when declared (a file that turns out to be
/// UTF-8 is still read as UTF-8).
public enum DeclaredEncoding: String, Sendable, CaseIterable {
    /// Strict UTF-8, with or without a byte order mark; any other byte sequence is an error.
    case utf8 = "utf-8"
    /// Windows-1251 for files whose first non-ASCII row is not valid UTF-8.
    case cp1251
}

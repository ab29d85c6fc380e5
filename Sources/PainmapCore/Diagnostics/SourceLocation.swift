/// A place in an input or configuration file, printed in compiler style `path:line[:column]`.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file path as the user gave it.
    public var path: String
    /// The 1-based line (CSV physical line, XLSX row, XML line, JSON element index), if known.
    public var line: Int?
    /// The 1-based column, if known.
    public var column: Int?

    /// Creates a location.
    public init(path: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:column`, omitting what is unknown.
    public var description: String {
        var text = path
        if let line { text += ":\(line)" }
        if let line, line > 0, let column { text += ":\(column)" }
        return text
    }
}

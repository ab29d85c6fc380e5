/// How a generated text file is encoded.
enum TextFileEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 с BOM"
    case cp1251 = "windows-1251"

    func encode(_ text: String) throws -> [UInt8] {
        switch self {
        case .utf8: return Array(text.utf8)
        case .utf8BOM: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .cp1251: return try CP1251Encoder().encode(text)
        }
    }
}

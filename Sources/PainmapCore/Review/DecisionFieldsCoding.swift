import Foundation

/// The audit trail's «before» and «after» as stored: JSON objects of strings with sorted keys, the same bytes on
/// every backend.
public enum DecisionFieldsCoding {
    /// Encodes fields as a JSON object with sorted keys.
    public static func encode(_ fields: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(fields) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Decodes a stored object; anything unreadable is an empty object.
    public static func decode(_ text: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }
}

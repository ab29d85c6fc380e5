import Foundation
import PainmapCore

/// Encodes report models as the documented JSON (`docs/report-schema.md`): sorted keys, two-space indentation,
/// unescaped slashes, numbers rounded by ``ReportRounding``, a final line feed.
enum ReportJSONEncoder {
    /// The JSON of `value`.
    /// - Throws: ``LocatedFailure`` (``FailureCode/reportUnencodable``) naming the field when a number is NaN or infinite.
    static func encode(_ value: some Encodable) throws(LocatedFailure) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(value)
            data.append(0x0A)
            return data
        } catch let EncodingError.invalidValue(_, context) {
            throw LocatedFailure.unencodableReport(
                field: path(context.codingPath),
                message: "число не конечно (NaN или бесконечность); это ошибка построения отчёта"
            )
        } catch {
            throw LocatedFailure.unencodableReport(field: "", message: "JSON не удалось построить")
        }
    }

    /// `pains[2].priority.score` from a coding path.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var result = ""
        for key in codingPath {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return result
    }
}

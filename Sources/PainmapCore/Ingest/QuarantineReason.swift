/// Why a row (or a whole file) was set aside: a closed, documented set of codes.
///
/// Codes are stable: they appear in `painmap quarantine --reason`, JSON output and the store.
public enum QuarantineReason: String, Codable, Sendable, CaseIterable {
    /// The bytes fit neither UTF-8 nor the feed's declared legacy encoding.
    case badEncoding = "bad_encoding"
    /// The header lacks columns the layout requires (whole file).
    case missingColumns = "missing_columns"
    /// A quoted CSV field never closes before the end of the file.
    case unterminatedQuote = "unterminated_quote"
    /// A field exceeds the layout's `max_field_bytes`.
    case fieldTooLong = "field_too_long"
    /// The file has no bytes or no data rows (whole file).
    case emptyFile = "empty_file"
    /// A date column could not be parsed with the layout's formats.
    case badDate = "bad_date"
    /// A date lies before 2000 or more than a day after ingest time.
    case dateOutOfRange = "date_out_of_range"
    /// The region value names no region in the declared code system.
    case unknownRegion = "unknown_region"
    /// A required field is empty in this row.
    case missingRequired = "missing_required"
    /// The row has a different number of fields than the header.
    case wrongFieldCount = "wrong_field_count"
    /// XML with a DOCTYPE or entity declaration (whole file).
    case dtdForbidden = "dtd_forbidden"
    /// XML that is not well formed.
    case malformedXML = "malformed_xml"
    /// XML whose bytes are not valid UTF-8 (whole file).
    case notUTF8 = "not_utf8"
    /// A rate whose form version, indicator or value id is not in the configured form.
    case unknownRateValue = "unknown_rate_value"
    /// JSON nested deeper than the limit.
    case tooDeep = "too_deep"
    /// A JSON object repeats a key.
    case duplicateKey = "duplicate_key"
    /// Malformed JSON.
    case malformedJSON = "malformed_json"
    /// A JSON element that is not an object.
    case notAnObject = "not_an_object"
    /// A workbook that is not a ZIP archive or lacks its parts (whole file).
    case notZip = "not_zip"
    /// A workbook part expands beyond the size cap (whole file).
    case zipBomb = "zip_bomb"
    /// A Likert answer outside the questionnaire's scale.
    case badScore = "bad_score"
    /// An identifier of the wrong shape (an ОКАТО, ФРГУ id or `mkgu-id` that is not the digits it must be).
    case badIdentifier = "bad_identifier"

    /// What the reason means, in Russian, for `painmap quarantine`.
    public var russianDescription: String {
        switch self {
        case .badEncoding: "байты не соответствуют ни UTF-8, ни заявленной кодировке"
        case .missingColumns: "в заголовке нет обязательных столбцов"
        case .unterminatedQuote: "кавычка поля не закрыта до конца файла"
        case .fieldTooLong: "поле длиннее допустимого"
        case .emptyFile: "файл пуст"
        case .badDate: "дата не разбирается ни одним из форматов"
        case .dateOutOfRange: "дата вне допустимого диапазона"
        case .unknownRegion: "регион не найден в справочнике"
        case .missingRequired: "пустое обязательное поле"
        case .wrongFieldCount: "число полей не совпадает с заголовком"
        case .dtdForbidden: "XML с DOCTYPE/ENTITY запрещён"
        case .malformedXML: "XML повреждён"
        case .notUTF8: "XML не в UTF-8"
        case .unknownRateValue: "неизвестный показатель или значение оценки"
        case .tooDeep: "слишком глубокая вложенность"
        case .duplicateKey: "повторяющийся ключ JSON"
        case .malformedJSON: "JSON повреждён"
        case .notAnObject: "элемент JSON не является объектом"
        case .notZip: "файл не является книгой XLSX"
        case .zipBomb: "часть книги XLSX превышает допустимый размер"
        case .badScore: "оценка вне шкалы анкеты"
        case .badIdentifier: "идентификатор не той длины или не из цифр"
        }
    }
}

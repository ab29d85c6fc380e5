import Foundation

/// Maps a record's source category, subcategory and ТОТК code to life situations.
///
/// Levels are tried from the most specific: a configured `Категория / Подкатегория` pair, then a subcategory, then
/// the longest configured ТОТК prefix (whole dot-separated levels), then a category alone. The first level that
/// matches decides; when it points at two situations the match is ambiguous and the caller goes on to keywords.
struct CategoryMatcher: Sendable {
    /// The outcome for one record.
    enum Match: Sendable, Equatable {
        /// One situation (its index) and the configured entry that matched.
        case situation(Int, evidence: String)
        /// Several situations at the same level.
        case ambiguous([Int])
        /// Nothing configured matches.
        case none
    }

    private var pairs: [LabelKey: [LabelKey: [(Int, String)]]] = [:]
    private var singles: [LabelKey: [(Int, String)]] = [:]
    /// (levels, situation, prefix), longest first.
    private var codes: [(levels: [Substring], situation: Int, prefix: String)] = []

    /// Indexes the categories and codes of every situation.
    ///
    /// - Parameter situations: The situations, in catalog order.
    init(_ situations: [(categories: [String], codes: [String])]) {
        for (index, situation) in situations.enumerated() {
            for entry in situation.categories {
                if let slash = entry.firstIndex(of: "/") {
                    let category = LabelKey(String(entry[..<slash]))
                    let subcategory = LabelKey(String(entry[entry.index(after: slash)...]))
                    pairs[category, default: [:]][subcategory, default: []].append((index, "категория «\(entry)»"))
                } else {
                    singles[LabelKey(entry), default: []].append((index, "категория «\(entry)»"))
                }
            }
            for prefix in situation.codes {
                let levels = prefix.split(separator: ".", omittingEmptySubsequences: false)
                codes.append((levels, index, prefix))
            }
        }
        codes.sort {
            $0.levels.count != $1.levels.count ? $0.levels.count > $1.levels.count : $0.situation < $1.situation
        }
    }

    /// Matches a record's category fields.
    ///
    /// - Parameters:
    ///   - category: The source's category (`category_raw`).
    ///   - subcategory: The source's subcategory (`subcategory_raw`).
    ///   - code: A classifier code such as a ТОТК code (`category_code`).
    /// - Returns: The decision of the most specific level that matched.
    func match(category: String?, subcategory: String?, code: String?) -> Match {
        let categoryKey = category.map(LabelKey.init).flatMap { $0.isEmpty ? nil : $0 }
        let subcategoryKey = subcategory.map(LabelKey.init).flatMap { $0.isEmpty ? nil : $0 }
        if let categoryKey, let subcategoryKey, let hits = pairs[categoryKey]?[subcategoryKey] {
            return Self.decide(hits)
        }
        if let subcategoryKey, let hits = singles[subcategoryKey] {
            return Self.decide(hits)
        }
        if let code = code?.trimmingCharacters(in: .whitespaces), !code.isEmpty {
            let levels = code.split(separator: ".", omittingEmptySubsequences: false)
            let hits = codes.filter { $0.levels.count <= levels.count && levels.starts(with: $0.levels) }
            if let longest = hits.first?.levels.count {
                return Self.decide(
                    hits.filter { $0.levels.count == longest }.map { ($0.situation, "ТОТК \($0.prefix)") }
                )
            }
        }
        if let categoryKey, let hits = singles[categoryKey] {
            return Self.decide(hits)
        }
        return .none
    }

    private static func decide(_ hits: [(Int, String)]) -> Match {
        let situations = Set(hits.map(\.0)).sorted()
        guard let first = hits.first else { return .none }
        return situations.count == 1 ? .situation(first.0, evidence: first.1) : .ambiguous(situations)
    }
}

#if PostgreSQL
    import PainmapCore
    import PostgresNIO

    /// Builds a statement with numbered parameters: `sql.bind(value)` appends the value and returns its `$n`.
    struct SQLBuilder {
        private(set) var text = ""
        private(set) var binds = PostgresBindings()
        private var count = 0

        init(_ text: String = "") { self.text = text }

        mutating func append(_ fragment: String) { text += fragment }

        /// Appends `value` as the next parameter and returns its placeholder.
        mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value?) -> String {
            binds.append(value)
            count += 1
            return "$\(count)"
        }

        /// The number of parameters bound so far.
        var parameterCount: Int { count }

        var query: PostgresQuery { PostgresQuery(unsafeSQL: text, binds: binds) }

        /// `WHERE`/`AND` conditions on a table's `region` and `quarter`, empty when neither is given.
        mutating func sliceConditions(region: String?, quarter: Quarter?, table: String) -> [String] {
            var conditions: [String] = []
            if let region { conditions.append("\(table).region = \(bind(region))") }
            if let quarter { conditions.append("\(table).quarter = \(bind(quarter.description))") }
            return conditions
        }
    }
#endif

/// The row accounting of one ingested file: `stored + quarantined + duplicate = read`.
public struct FileAccounting: Sendable, Hashable, Codable {
    /// Rows read from the file.
    public var read: Int
    /// Rows that became new records or updated an existing one.
    public var stored: Int
    /// Of `stored`, rows that updated a record a previous export already held.
    public var updated: Int
    /// Rows set aside with a reason.
    public var quarantined: Int
    /// Rows identical to a record already stored (same key, same content).
    public var duplicate: Int

    /// Creates an accounting.
    public init(read: Int = 0, stored: Int = 0, updated: Int = 0, quarantined: Int = 0, duplicate: Int = 0) {
        self.read = read
        self.stored = stored
        self.updated = updated
        self.quarantined = quarantined
        self.duplicate = duplicate
    }

    /// Whether every row read is accounted for.
    public var isBalanced: Bool { read == stored + quarantined + duplicate }

    /// Checks the row-accounting invariant before a store commits a file: every row read is stored, quarantined or
    /// counted as a duplicate.
    ///
    /// - Parameter path: The file, named in the failure.
    /// - Throws: ``LocatedFailure`` with ``FailureCode/storeInternal`` when a row is unaccounted for.
    public func requireBalanced(path: String) throws(LocatedFailure) {
        guard isBalanced else {
            throw LocatedFailure.store(
                .storeInternal,
                message:
                    "нарушен учёт строк файла \(path): прочитано \(read), учтено \(stored + quarantined + duplicate)"
            )
        }
    }

    /// Adds another accounting.
    public static func + (lhs: FileAccounting, rhs: FileAccounting) -> FileAccounting {
        FileAccounting(
            read: lhs.read + rhs.read,
            stored: lhs.stored + rhs.stored,
            updated: lhs.updated + rhs.updated,
            quarantined: lhs.quarantined + rhs.quarantined,
            duplicate: lhs.duplicate + rhs.duplicate
        )
    }
}

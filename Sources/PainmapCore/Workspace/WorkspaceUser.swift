public import Foundation

/// One account of the analysts' workspace (`painmap serve`), as the store keeps it.
///
/// The password is kept only as a bcrypt hash. Regions are two-digit codes; an `admin` reads and decides in every
/// region whatever the list says.
public struct WorkspaceUser: Sendable, Hashable {
    /// The login, unique in the store.
    public var name: String
    /// What the account may do.
    public var role: WorkspaceRole
    /// The regions the account sees (two-digit codes), sorted.
    public var regions: [String]
    /// The bcrypt hash of the password.
    public var passwordHash: String
    /// Whether logins and sessions of the account are refused.
    public var isDisabled: Bool
    /// When the account was created.
    public var createdAt: Date
    /// When the account was last changed.
    public var updatedAt: Date

    /// Creates an account value.
    public init(
        name: String,
        role: WorkspaceRole,
        regions: [String],
        passwordHash: String,
        isDisabled: Bool = false,
        createdAt: Date,
        updatedAt: Date
    ) {
        self.name = name
        self.role = role
        self.regions = Array(Set(regions)).sorted()
        self.passwordHash = passwordHash
        self.isDisabled = isDisabled
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Whether the account may read the region's pains and records.
    public func mayRead(region: String) -> Bool {
        !isDisabled && (role == .admin || regions.contains(region))
    }

    /// Whether the account may decide on the region's pains.
    public func mayEdit(region: String) -> Bool {
        !isDisabled && (role == .admin || (role == .analyst && regions.contains(region)))
    }

    /// The regions as stored: codes joined by commas.
    public var regionList: String { regions.joined(separator: ",") }

    /// Splits a stored or typed region list (`54,41`) into sorted unique codes.
    public static func regions(from list: String) -> [String] {
        Array(Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }))
            .sorted()
    }
}

/// What a workspace account may do in its regions.
public enum WorkspaceRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every region, reads and decides; manages nothing beyond decisions (accounts are `painmap users`).
    case admin
    /// Reads and decides in its own regions.
    case analyst
    /// Reads its own regions.
    case viewer

    /// The role's name as the workspace shows it.
    public var russianName: String {
        switch self {
        case .admin: "администратор"
        case .analyst: "аналитик"
        case .viewer: "наблюдатель"
        }
    }
}

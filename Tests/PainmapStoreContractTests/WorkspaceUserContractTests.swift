import Foundation
import PainmapCore
import Testing

/// Accounts of the workspace (`v9_workspace_users`): the same semantics on every backend.
@Suite struct WorkspaceUserContractTests {
    @Test(arguments: StoreBackend.runnable)
    func accountsAreAddedOnceUpdatedAndListedByName(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let users = try #require(store as? any WorkspaceUserStore)
            let created = Date(timeIntervalSince1970: 1_780_000_000)
            let ivanova = WorkspaceUser(
                name: "ivanova",
                role: .analyst,
                regions: ["54", "41", "54"],
                passwordHash: "$2b$11$hash-a",
                createdAt: created,
                updatedAt: created
            )
            let admin = WorkspaceUser(
                name: "admin",
                role: .admin,
                regions: [],
                passwordHash: "$2b$11$hash-b",
                createdAt: created,
                updatedAt: created
            )
            #expect(try await users.insertWorkspaceUser(ivanova))
            #expect(try await users.insertWorkspaceUser(admin))
            // A taken login changes nothing.
            var impostor = ivanova
            impostor.passwordHash = "$2b$11$other"
            #expect(try await !users.insertWorkspaceUser(impostor))
            let read = try #require(try await users.workspaceUser(named: "ivanova"))
            #expect(read.regions == ["41", "54"] && read.passwordHash == "$2b$11$hash-a" && read.role == .analyst)
            #expect(read.mayEdit(region: "54") && !read.mayRead(region: "77"))

            var disabled = read
            disabled.isDisabled = true
            disabled.updatedAt = created.addingTimeInterval(60)
            #expect(try await users.updateWorkspaceUser(disabled))
            let after = try #require(try await users.workspaceUser(named: "ivanova"))
            #expect(after.isDisabled && !after.mayRead(region: "54") && after.updatedAt == disabled.updatedAt)

            var ghost = admin
            ghost.name = "nobody"
            #expect(try await !users.updateWorkspaceUser(ghost))
            #expect(try await users.workspaceUser(named: "nobody") == nil)
            #expect(try await users.workspaceUsers().map(\.name) == ["admin", "ivanova"])
        }
    }
}

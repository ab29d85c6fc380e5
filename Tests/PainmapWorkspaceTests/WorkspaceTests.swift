#if Workspace
    import Foundation
    import Logging
    import PainmapCore
    import PainmapSQLite
    import PainmapTestSupport
    import Testing

    @testable import PainmapWorkspace

    /// The workspace's building blocks: form parsing, escaping, tokens, the login limit, the leak guard and accounts.
    @Suite struct WorkspaceTests {
        @Test func formBodyDecodesPlusPercentAndRepeats() {
            let form = FormBody(
                "_csrf=ab12&title=%3Cscript%3Ealert(1)%3C%2Fscript%3E&q=%D0%BD%D0%B5%D1%82+%D0%BC%D0%B5%D1%81%D1%82&p=1&p=2&empty="
            )
            #expect(form["title"] == "<script>alert(1)</script>")
            #expect(form["q"] == "нет мест")
            #expect(form.all("p") == ["1", "2"])
            #expect(form["empty"] == "" && form["missing"] == nil)
        }

        @Test func markupEscapesEveryValue() {
            var html = HTMLBuffer()
            html.raw("<td>")
            html.text("<script>alert(1)</script> & \"x\" 'y'")
            html.raw("</td>")
            #expect(html.markup == "<td>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;</td>")
            #expect(HTMLBuffer.pathSegment("детсад/1 a") == "%D0%B4%D0%B5%D1%82%D1%81%D0%B0%D0%B4%2F1%20a")
        }

        @Test func tokensAreRandomAndComparedExactly() {
            let a = SessionStore.randomToken()
            let b = SessionStore.randomToken()
            #expect(a.count == 64 && a != b)
            #expect(SessionStore.matches(a, a))
            #expect(
                !SessionStore.matches(a, b) && !SessionStore.matches(a, String(a.dropLast()))
                    && !SessionStore.matches("", "")
            )
        }

        @Test func sessionsLapseAfterTheirLifetime() async {
            let store = SessionStore(lifetime: 60)
            let start = Date(timeIntervalSince1970: 1_780_000_000)
            let session = await store.create(user: "ivanova", now: start)
            #expect(await store.session(token: session.token, now: start.addingTimeInterval(59))?.user == "ivanova")
            // Use extends it; 61 s after the last use it is gone.
            #expect(await store.session(token: session.token, now: start.addingTimeInterval(59 + 61)) == nil)
        }

        @Test func loginLimitRefusesTheSixthFailureInTheWindow() async {
            let throttle = LoginThrottle(limit: 5, window: 300)
            let start = Date(timeIntervalSince1970: 1_780_000_000)
            let keys = ["user:ivanova", "address:127.0.0.1"]
            for second in 0..<5 {
                #expect(await throttle.retryAfter(keys, now: start.addingTimeInterval(Double(second))) == nil)
                await throttle.recordFailure(keys, now: start.addingTimeInterval(Double(second)))
            }
            #expect(
                await throttle.retryAfter(["user:petrov", "address:127.0.0.1"], now: start.addingTimeInterval(10))
                    == 290
            )
            #expect(
                await throttle.retryAfter(["user:petrov", "address:10.0.0.2"], now: start.addingTimeInterval(10)) == nil
            )
            #expect(await throttle.retryAfter(keys, now: start.addingTimeInterval(301)) == nil)
        }

        @Test func leakGuardMasksRecordedIdentifiersAndPatterns() throws {
            let record = RecordID(rawValue: 42)
            let quarter = try #require(Quarter("2026Q3"))
            let identifiers = [
                RedactedIdentifier(
                    recordID: record,
                    region: "54",
                    quarter: quarter,
                    type: .phone,
                    normalized: "79131234567"
                )
            ]
            let leakGuard = PageLeakGuard(identifiers: identifiers, privacy: .default)
            let logs = LogCapture()
            let cleaned = leakGuard.clean(
                "Нет мест в саду. Звоните 8 913 123-45-67|очередь стоит",
                record: "42",
                logger: logs.logger
            )
            #expect(cleaned == "\(PageLeakGuard.mask)|очередь стоит")
            #expect(logs.lines.contains { $0.contains("42") })
            #expect(leakGuard.clean("Нет мест в саду", record: nil, logger: logs.logger) == "Нет мест в саду")
            let page = "<p>перезвоните 8 913 123-45-67</p>"
            #expect(leakGuard.inspect(page: page, name: "/q").map(\.recordID) == [record])
            #expect(leakGuard.inspect(page: "<p>\(HTMLBuffer.escape("<script>"))</p>", name: "/q").isEmpty)
        }

        @Test func administrationHashesAndChecksInput() async throws {
            let directory = try TemporaryDirectory("workspace-users")
            let store = try SQLiteFeedbackStore(url: directory.url.appendingPathComponent("s.sqlite"))
            let admin = UserAdministration(store: store, knownRegions: ["54", "41"])
            try await admin.add(name: "ivanova", role: .analyst, regions: ["54"], password: "длинный пароль 1")
            let user = try #require(try await store.workspaceUser(named: "ivanova"))
            #expect(user.passwordHash.hasPrefix("$2b$") && !user.passwordHash.contains("длинный"))
            #expect(PasswordHasher.verify("длинный пароль 1", hash: user.passwordHash))
            #expect(!PasswordHasher.verify("длинный пароль 2", hash: user.passwordHash))
            await #expect(throws: LocatedFailure.self) {
                try await admin.add(name: "ivanova", role: .viewer, regions: ["54"], password: "другой пароль 1")
            }
            await #expect(throws: LocatedFailure.self) {
                try await admin.add(name: "petrov", role: .viewer, regions: ["99"], password: "длинный пароль 1")
            }
            await #expect(throws: LocatedFailure.self) {
                try await admin.add(name: "petrov", role: .viewer, regions: ["41"], password: "короткий")
            }
            await #expect(throws: LocatedFailure.self) {
                try await admin.add(name: "Петров", role: .viewer, regions: ["41"], password: "длинный пароль 1")
            }
            try await admin.setDisabled(name: "ivanova", disabled: true)
            #expect(try await store.workspaceUser(named: "ivanova")?.isDisabled == true)
        }
    }
#endif

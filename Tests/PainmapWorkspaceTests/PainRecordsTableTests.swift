#if Workspace
    import Foundation
    import Logging
    import PainmapCore
    import PainmapSQLite
    import PainmapTestSupport
    import Testing

    @testable import PainmapReports
    @testable import PainmapWorkspace

    /// A pain's page lists the records the run stored as the pain's members (`v10_pain_members`), paged, and says
    /// when a store from before that migration has none.
    @Suite struct PainRecordsTableTests {
        let quarter = Quarter("2026Q3")

        /// A store with `count` records of region 54 in 2026Q3; their ids in store order.
        private func store(records count: Int) async throws -> (SQLiteFeedbackStore, [RecordID], TemporaryDirectory) {
            try await store(texts: (1...count).map { "нет мест в детском саду, обращение \($0)" })
        }

        /// A store with one record of region 54 in 2026Q3 per text, stored as given (not redacted); their ids in
        /// store order.
        private func store(texts: [String]) async throws -> (SQLiteFeedbackStore, [RecordID], TemporaryDirectory) {
            let directory = try TemporaryDirectory("workspace-members")
            let store = try SQLiteFeedbackStore(url: directory.url.appendingPathComponent("s.sqlite"))
            let quarter = try #require(self.quarter)
            let outcomes: [RowOutcome<RedactedRecord>] = texts.enumerated().map { offset, text in
                let number = offset + 1
                var record = FeedbackRecord(
                    source: .pos,
                    feed: "pos-csv",
                    receivedAt: Date(timeIntervalSince1970: 1_783_000_000 + Double(number) * 3600),
                    region: "54",
                    regionRaw: "54",
                    regionCodeSystem: .kladr,
                    quarter: quarter,
                    text: text
                )
                record.sourceRecordID = String(number)
                return .record(
                    RedactedRecord(
                        record: record,
                        naturalKey: record.naturalKey,
                        fingerprint: record.contentFingerprint,
                        identifiers: [],
                        originals: nil
                    ),
                    line: number + 1
                )
            }
            _ = try await store.ingest(
                IngestFileIdentity(digest: "members", path: "pos.csv", feed: "pos-csv", source: .pos),
                rows: .preloaded(outcomes)
            )
            return (store, try await store.storedRecords(region: "54", quarter: quarter).map(\.id), directory)
        }

        private func pain(_ id: String, count: Int) throws -> StoredPain {
            StoredPain(
                region: "54",
                quarter: try #require(quarter),
                lifeSituation: "kindergarten",
                id: id,
                rank: 1,
                title: "нет мест",
                stage: "result",
                count: count,
                priority: 1,
                isSignal: false,
                centroid: ["сад": 1]
            )
        }

        /// The table of pain `id` at page `number`, as the pain's page writes it.
        private func table(
            _ store: SQLiteFeedbackStore,
            pain id: String,
            count: Int,
            page number: Int,
            moves: [RecordDecision] = []
        ) async throws -> String {
            var html = HTMLBuffer()
            try await PainRecordsTable(
                quarter: try #require(quarter),
                region: "54",
                situation: "kindergarten",
                painID: id,
                count: count,
                pageSize: 20
            )
            .render(
                into: &html,
                page: number,
                store: store,
                moves: moves,
                selectable: true,
                leakGuard: PageLeakGuard(identifiers: [], privacy: .default),
                logger: LogCapture().logger
            )
            return html.markup
        }

        /// The record ids a table lists, in order.
        private func listed(_ markup: String) -> [RecordID] {
            markup.matches(of: /<td class="num">(\d+)<\/td>/).compactMap { Int64($0.1).map { RecordID(rawValue: $0) } }
        }

        @Test func aPainPageListsExactlyItsStoredMembersInTheirOrder() async throws {
            let (store, ids, directory) = try await store(records: 30)
            defer { withExtendedLifetime(directory) {} }
            // The pain's members: 23 records, in the order the run gave (newest first there); 7 belong elsewhere.
            let members = Array(ids[0..<23].reversed())
            try await store.replacePains(
                region: "54",
                quarter: try #require(quarter),
                with: [try pain("2026Q3-01", count: 23), try pain("2026Q3-02", count: 7)],
                members: [
                    PainMembers(lifeSituation: "kindergarten", painID: "2026Q3-01", records: members),
                    PainMembers(lifeSituation: "kindergarten", painID: "2026Q3-02", records: Array(ids[23...])),
                ]
            )
            let first = try await table(store, pain: "2026Q3-01", count: 23, page: 1)
            #expect(listed(first) == Array(members[0..<20]))
            #expect(first.contains("23 записей квартала"))
            #expect(first.contains("страница 1 из 2"))
            #expect(first.contains("обращение 23"))
            let second = try await table(store, pain: "2026Q3-01", count: 23, page: 2)
            #expect(listed(second) == Array(members[20...]))
            // A page past the end shows the last one.
            #expect(listed(try await table(store, pain: "2026Q3-01", count: 23, page: 9)) == Array(members[20...]))
            #expect(listed(try await table(store, pain: "2026Q3-02", count: 7, page: 1)) == Array(ids[23...]))
        }

        @Test func recordsMovedByDecisionsAreMarkedAndRecordsSplitInAreNamed() async throws {
            let (store, ids, directory) = try await store(records: 4)
            defer { withExtendedLifetime(directory) {} }
            let quarter = try #require(self.quarter)
            try await store.replacePains(
                region: "54",
                quarter: quarter,
                with: [try pain("2026Q3-01", count: 3), try pain("2026Q3-02", count: 1)],
                members: [
                    PainMembers(lifeSituation: "kindergarten", painID: "2026Q3-01", records: Array(ids[0..<3])),
                    PainMembers(lifeSituation: "kindergarten", painID: "2026Q3-02", records: [ids[3]]),
                ]
            )
            func move(_ id: RecordID, pain: String?, situation: Bool) -> RecordDecision {
                RecordDecision(
                    recordID: id,
                    region: "54",
                    quarter: quarter,
                    painID: pain,
                    movesSituation: situation,
                    lifeSituation: nil,
                    actor: "ivanova",
                    at: "2026-10-01T10:00:00Z"
                )
            }
            let moves = [
                move(ids[0], pain: nil, situation: true),
                move(ids[3], pain: "kindergarten/2026Q3-01", situation: false),
            ]
            let markup = try await table(store, pain: "2026Q3-01", count: 3, page: 1, moves: moves)
            #expect(listed(markup) == Array(ids[0..<3]))
            #expect(markup.contains("перенесена в ситуацию «Не определена» (ivanova)"))
            #expect(!markup.contains("value=\"\(ids[0])\""))
            #expect(markup.contains("value=\"\(ids[1])\""))
            #expect(markup.contains("Перенесены в эту боль решениями аналитиков: #\(ids[3])."))
            let source = try await table(store, pain: "2026Q3-02", count: 1, page: 1, moves: moves)
            #expect(source.contains("перенесена в боль kindergarten/2026Q3-01 (ivanova)"))
        }

        @Test func painsStoredBeforeMembersSayWhenTheirRecordsCome() async throws {
            let (store, _, directory) = try await store(records: 3)
            defer { withExtendedLifetime(directory) {} }
            try await store.replacePains(
                region: "54",
                quarter: try #require(quarter),
                with: [try pain("2026Q3-01", count: 3)]
            )
            let markup = try await table(store, pain: "2026Q3-01", count: 3, page: 1)
            #expect(markup.contains(PainRecordsTable.membersMissing))
            #expect(listed(markup).isEmpty)
            #expect(!markup.contains("<table"))
        }

        /// A phone, an e-mail and a recorded name planted in a citizen's text, a pain's title and an analyst's comment
        /// are masked on a pain's page, logged by record id, and caught by the page's scan (which reads the text
        /// collected as the page is written, as the gate reads the finished markup) when they are not masked.
        @Test func plantedIdentifiersAreMaskedOnThePageAndCaughtByItsScan() async throws {
            let (store, ids, directory) = try await store(texts: [
                "Звоните 8 913 555-12-34, пишите petrov.ivan@mail.ru",
                "За Сидоровым Петром Ильичом стоит очередь, Сидоров Петр Ильич ждёт место",
                "нет мест в детском саду",
            ])
            defer { withExtendedLifetime(directory) {} }
            let quarter = try #require(self.quarter)
            try await store.replacePains(
                region: "54",
                quarter: quarter,
                with: [try pain("2026Q3-01", count: 3)],
                members: [PainMembers(lifeSituation: "kindergarten", painID: "2026Q3-01", records: ids)]
            )
            let leakGuard = PageLeakGuard(
                identifiers: [
                    RedactedIdentifier(
                        recordID: ids[1],
                        region: "54",
                        quarter: quarter,
                        type: .fullName,
                        normalized: "Сидоров Пётр Ильич"
                    )
                ],
                privacy: .default
            )
            let title = "Очередь: Сидоров Петр Ильич, 8 913 987-65-43"
            let comment = "Перезвонить 8 (913) 987-65-43 или написать ivanova.m@ya.ru"
            let planted = [
                "555-12-34", "petrov.ivan@mail.ru", "Сидоров Петр", "987-65-43", "ivanova.m@ya.ru",
            ]
            // A pain's page as `painPage` writes it; `clean` masks what is shown (or not, to test the page's scan).
            func page(logger: Logger, clean: Bool) async throws -> HTMLBuffer {
                func shown(_ text: String) -> String {
                    clean ? leakGuard.clean(text, record: nil, logger: logger) : text
                }
                var page = WorkspacePage(title: shown(title))
                page.body.raw("<h3>Комментарии</h3><blockquote>")
                page.body.text(shown(comment))
                page.body.raw("<span class=\"src\">")
                page.body.text("ivanova · 2026-10-01T10:00:00Z")
                page.body.raw("</span></blockquote>")
                var panel = HTMLBuffer()
                panel.raw("<input type=\"text\" name=\"title\" value=\"\(HTMLBuffer.escape(shown(title)))\">")
                page.body.append(panel)
                if clean {
                    try await PainRecordsTable(
                        quarter: quarter,
                        region: "54",
                        situation: "kindergarten",
                        painID: "2026Q3-01",
                        count: 3,
                        pageSize: 20
                    )
                    .render(
                        into: &page.body,
                        page: 1,
                        store: store,
                        moves: [],
                        selectable: true,
                        leakGuard: leakGuard,
                        logger: logger
                    )
                } else {
                    page.body.raw("<table class=\"records\"><tbody>")
                    for text in try await store.painMembers(
                        of: PainReference(
                            region: "54",
                            quarter: quarter,
                            lifeSituation: "kindergarten",
                            painID: "2026Q3-01"
                        ),
                        offset: 0,
                        limit: 20
                    ).records.map(\.record.text) {
                        page.body.raw("<tr><td class=\"text\">")
                        page.body.text(text)
                        page.body.raw("</td></tr>")
                    }
                    page.body.raw("</tbody></table>")
                }
                return page.render()
            }
            let logs = LogCapture()
            let masked = try await page(logger: logs.logger, clean: true)
            for value in planted { #expect(!masked.markup.contains(value), "\(value)") }
            #expect(masked.markup.contains(PageLeakGuard.mask))
            #expect(masked.markup.contains("нет мест в детском саду"))
            #expect(logs.lines.contains { $0.contains("workspace.record=\(ids[1])") && $0.contains("full_name") })
            #expect(logs.lines.contains { $0.contains("workspace.record=\(ids[0])") && $0.contains("phone") })
            #expect(masked.visibleText.text == ReportGate.markupText(masked.markup))
            #expect(leakGuard.inspect(page: masked, name: "/q").isEmpty)

            let bare = try await page(logger: logs.logger, clean: false)
            #expect(bare.visibleText.text == ReportGate.markupText(bare.markup))
            let findings = leakGuard.inspect(page: bare, name: "/q")
            #expect(findings == leakGuard.inspect(page: bare.markup, name: "/q"))
            #expect(findings.contains { $0.type == .fullName && $0.recordID == ids[1] })
            #expect(findings.filter { $0.type == .phone }.count == 2)
            #expect(findings.filter { $0.type == .email }.count == 2)
        }
    }
#endif

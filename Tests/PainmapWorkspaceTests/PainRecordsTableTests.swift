#if Workspace
    import Foundation
    import PainmapCore
    import PainmapSQLite
    import PainmapTestSupport
    import Testing

    @testable import PainmapWorkspace

    /// A pain's page lists the records the run stored as the pain's members (`v10_pain_members`), paged, and says
    /// when a store from before that migration has none.
    @Suite struct PainRecordsTableTests {
        let quarter = Quarter("2026Q3")

        /// A store with `count` records of region 54 in 2026Q3; their ids in store order.
        private func store(records count: Int) async throws -> (SQLiteFeedbackStore, [RecordID], TemporaryDirectory) {
            let directory = try TemporaryDirectory("workspace-members")
            let store = try SQLiteFeedbackStore(url: directory.url.appendingPathComponent("s.sqlite"))
            let quarter = try #require(self.quarter)
            let outcomes: [RowOutcome<RedactedRecord>] = (1...count).map { number in
                var record = FeedbackRecord(
                    source: .pos,
                    feed: "pos-csv",
                    receivedAt: Date(timeIntervalSince1970: 1_783_000_000 + Double(number) * 3600),
                    region: "54",
                    regionRaw: "54",
                    regionCodeSystem: .kladr,
                    quarter: quarter,
                    text: "нет мест в детском саду, обращение \(number)"
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
    }
#endif

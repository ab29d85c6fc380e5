#if PostgreSQL
    import Foundation
    public import PainmapCore
    import PostgresNIO

    /// The claim table of `painmap run --all-regions` workers (`region_run`, migration `v5_region_run`).
    ///
    /// Locks are PostgreSQL advisory locks keyed by `hashtext('painmap/…/<schema>/<quarter>[/<region>]')`:
    /// - *prepare* (session level, on a connection of its own): held while a worker opens a round — ingest,
    ///   classification, inserting the round's regions — so exactly one worker prepares and the others wait.
    /// - *region* (session level, on the claim session's connection): taken in the same transaction that marks the
    ///   region `running` (under `FOR UPDATE SKIP LOCKED`), released when the outcome is recorded. A worker that is killed
    ///   loses its connection, the server releases the lock, and the region — still `running` — is claimable again.
    extension PostgresFeedbackStore: RegionRunCoordinator {
        public func openRound(quarter: Quarter, prepare: () async throws -> [String]) async throws -> Bool {
            let connection = try await dedicatedConnection(action: "открыть квартал \(quarter) для обработчиков")
            do {
                let opened = try await openRound(quarter: quarter, prepare: prepare, on: connection)
                try? await connection.close()
                return opened
            } catch {
                try? await connection.close()
                throw mapped(error, action: "открыть квартал \(quarter) для обработчиков")
            }
        }

        nonisolated(nonsending) private func openRound(
            quarter: Quarter,
            prepare: () async throws -> [String],
            on connection: PostgresConnection
        ) async throws -> Bool {
            let key = "painmap/prepare/\(address.schema)/\(quarter)"
            try await connection.query("SELECT pg_advisory_lock(hashtext(\(key)))", logger: logger)
            let open = try await connection.query(
                "SELECT count(*) FROM region_run WHERE quarter = \(quarter.description) AND state IN ('pending', 'running')",
                logger: logger
            )
            var unfinished = 0
            for try await count in open.decode(Int.self) { unfinished = count }
            guard unfinished == 0 else {
                try await connection.query("SELECT pg_advisory_unlock(hashtext(\(key)))", logger: logger)
                return false
            }
            let regions = try await prepare()
            try await Self.inTransaction(connection, logger: logger) {
                try await connection.query(
                    "DELETE FROM region_run WHERE quarter = \(quarter.description)",
                    logger: logger
                )
                try await connection.query(
                    """
                    INSERT INTO region_run (quarter, region, state)
                    SELECT \(quarter.description), r, 'pending' FROM unnest(\(regions)::text[]) AS r
                    """,
                    logger: logger
                )
            }
            try await connection.query("SELECT pg_advisory_unlock(hashtext(\(key)))", logger: logger)
            return true
        }

        public func claimSession(host: String, pid: Int32) async throws -> any RegionClaimSession {
            PostgresClaimSession(
                store: self,
                connection: try await dedicatedConnection(action: "открыть сеанс обработчика"),
                host: host,
                pid: pid
            )
        }

        public func regionRuns(quarter: Quarter) async throws -> [RegionRun] {
            var sql = SQLBuilder("SELECT * FROM region_run WHERE quarter = ")
            sql.append(sql.bind(quarter.description) + " ORDER BY region")
            return try await rows(sql, action: "прочитать журнал обработчиков").map {
                try Self.regionRun($0, quarter: quarter)
            }
        }

        /// The name whose `hashtext` keys the session advisory lock a claim session holds on a running region.
        func regionLockKey(_ quarter: Quarter, _ region: String) -> String {
            "painmap/region/\(address.schema)/\(quarter)/\(region)"
        }

        /// A connection outside the pool, for session-level advisory locks that must live exactly as long as it does.
        func dedicatedConnection(action: String) async throws -> PostgresConnection {
            do {
                return try await PostgresConnection.connect(
                    configuration: try Self.connectionConfiguration(address),
                    id: 2,
                    logger: logger
                )
            } catch {
                throw LocatedFailure(postgres: error, action: action, address: address)
            }
        }

        static func regionRun(_ row: PostgresRandomAccessRow, quarter: Quarter) throws -> RegionRun {
            RegionRun(
                quarter: quarter,
                region: try row["region"].decode(String.self),
                state: RegionRun.State(rawValue: try row["state"].decode(String.self)) ?? .failed,
                attempts: try row["attempts"].decode(Int.self),
                host: try row["host"].decode(String?.self),
                pid: (try row["pid"].decode(Int64?.self)).map { Int32(truncatingIfNeeded: $0) },
                startedAt: try row["started_at"].decode(Date?.self),
                finishedAt: try row["finished_at"].decode(Date?.self),
                error: try row["error"].decode(String?.self)
            )
        }
    }

    /// A worker's claim session on a connection of its own (see ``PostgresFeedbackStore``'s `RegionRunCoordinator`).
    final class PostgresClaimSession: RegionClaimSession {
        private let store: PostgresFeedbackStore
        private let connection: PostgresConnection
        private let host: String
        private let pid: Int32

        init(store: PostgresFeedbackStore, connection: PostgresConnection, host: String, pid: Int32) {
            self.store = store
            self.connection = connection
            self.host = host
            self.pid = pid
        }

        private func lockKey(_ quarter: Quarter, _ region: String) -> String {
            store.regionLockKey(quarter, region)
        }

        func claimNext(quarter: Quarter) async throws -> RegionRun? {
            let logger = store.logger
            do {
                return try await PostgresFeedbackStore.inTransaction(connection, logger: logger) {
                    () async throws -> RegionRun? in
                    // Rows another transaction is claiming right now are skipped; of the rest, a `running` row is free only
                    // if no live session holds its lock (its worker died).
                    let candidates = try await connection.query(
                        """
                        SELECT region FROM region_run WHERE quarter = \(quarter.description) AND state IN ('pending', 'running')
                        ORDER BY state = 'running', region FOR UPDATE SKIP LOCKED
                        """,
                        logger: logger
                    )
                    var regions: [String] = []
                    for try await region in candidates.decode(String.self) { regions.append(region) }
                    for region in regions {
                        var locked = false
                        for try await taken in try await connection.query(
                            "SELECT pg_try_advisory_lock(hashtext(\(lockKey(quarter, region))))",
                            logger: logger
                        ).decode(Bool.self) { locked = taken }
                        guard locked else { continue }
                        let claimed = try await connection.query(
                            """
                            UPDATE region_run SET state = 'running', attempts = attempts + 1, host = \(host), pid = \(Int64(pid)),
                                started_at = now(), finished_at = NULL, error = NULL
                            WHERE quarter = \(quarter.description) AND region = \(region) RETURNING *
                            """,
                            logger: logger
                        )
                        for try await row in claimed {
                            return try PostgresFeedbackStore.regionRun(row.makeRandomAccess(), quarter: quarter)
                        }
                    }
                    return nil
                }
            } catch {
                throw store.mapped(error, action: "взять регион квартала \(quarter)")
            }
        }

        func finish(_ claim: RegionRun, outcome: RegionRun.Outcome) async throws {
            let (state, message): (String, String?) =
                switch outcome {
                case .done: ("done", nil)
                case .failed(let message): ("failed", message)
                }
            do {
                try await connection.query(
                    """
                    UPDATE region_run SET state = \(state), finished_at = now(), error = \(message)
                    WHERE quarter = \(claim.quarter.description) AND region = \(claim.region)
                    """,
                    logger: store.logger
                )
                try await connection.query(
                    "SELECT pg_advisory_unlock(hashtext(\(lockKey(claim.quarter, claim.region))))",
                    logger: store.logger
                )
            } catch {
                throw store.mapped(error, action: "записать итог региона \(claim.region)")
            }
        }

        func unfinished(quarter: Quarter) async throws -> Int {
            do {
                var count = 0
                for try await value in try await connection.query(
                    "SELECT count(*) FROM region_run WHERE quarter = \(quarter.description) AND state IN ('pending', 'running')",
                    logger: store.logger
                ).decode(Int.self) { count = value }
                return count
            } catch {
                throw store.mapped(error, action: "прочитать журнал обработчиков")
            }
        }

        func close() async { try? await connection.close() }
    }
#endif

#if Workspace
    import Foundation
    import Logging
    import PainmapCore
    import PainmapReports

    /// What the workspace reads, cached: the report tree a run wrote (`--out`), the store's records and identifiers.
    ///
    /// Reports are read from their JSON (the run's own model, with when it was generated and under which
    /// configuration) and re-read when the file changes, so a rerun or a re-render shows at the next request. The
    /// store is only read: the workspace never takes the run lock.
    actor WorkspaceCatalog {
        let reportsDirectory: URL
        let store: any FeedbackStore
        let privacy: PrivacyConfiguration
        /// How long store-derived values (identifiers, record index) are kept before they are read again.
        let refreshInterval: TimeInterval

        /// The guard for pages outside one region-quarter (lists, search): structured patterns only.
        nonisolated let patternGuard: PageLeakGuard

        private var reports: [String: (modified: Date, report: PainMapReport)] = [:]
        private var indexes: [String: (modified: Date, index: RegionIndex)] = [:]
        private var guards: [String: (loaded: Date, guard: PageLeakGuard)] = [:]
        private var recordIndexes: [String: (loaded: Date, index: PainRecordIndex)] = [:]
        private var building: [String: [CheckedContinuation<PainRecordIndex, any Error>]] = [:]

        init(
            reportsDirectory: URL,
            store: any FeedbackStore,
            privacy: PrivacyConfiguration,
            refreshInterval: TimeInterval
        ) {
            self.reportsDirectory = reportsDirectory
            self.store = store
            self.privacy = privacy
            self.refreshInterval = refreshInterval
            patternGuard = PageLeakGuard(identifiers: [], privacy: privacy)
        }

        // MARK: The report tree

        /// Quarters with reports, newest first.
        func quarters() -> [String] {
            directories(reportsDirectory).filter { Quarter($0) != nil }.sorted(by: >)
        }

        /// Regions of a quarter with a region index, by code.
        func regions(quarter: String) -> [String] {
            let directory = reportsDirectory.appendingPathComponent(quarter, isDirectory: true)
            return directories(directory).filter {
                FileManager.default.fileExists(atPath: directory.appendingPathComponent("\($0)/index.json").path)
            }.sorted()
        }

        /// The region's index (`OUT/<quarter>/<region>/index.json`), if the run wrote it.
        func regionIndex(quarter: String, region: String) throws -> RegionIndex? {
            guard Self.isSafe(quarter), Self.isSafe(region) else { return nil }
            let url = reportsDirectory.appendingPathComponent("\(quarter)/\(region)/index.json")
            guard let modified = Self.modified(url) else { return nil }
            if let cached = indexes[url.path], cached.modified == modified { return cached.index }
            let index = try JSONDecoder().decode(RegionIndex.self, from: Data(contentsOf: url))
            indexes[url.path] = (modified, index)
            return index
        }

        /// A life situation's report (`OUT/<quarter>/<region>/<situation>.json`), if the run wrote it.
        func report(quarter: String, region: String, situation: String) throws -> PainMapReport? {
            guard Self.isSafe(quarter), Self.isSafe(region), Self.isSafe(situation), situation != "index" else {
                return nil
            }
            let url = reportsDirectory.appendingPathComponent("\(quarter)/\(region)/\(situation).json")
            guard let modified = Self.modified(url) else { return nil }
            if let cached = reports[url.path], cached.modified == modified { return cached.report }
            let report = try JSONDecoder().decode(PainMapReport.self, from: Data(contentsOf: url))
            reports[url.path] = (modified, report)
            return report
        }

        // MARK: The store

        /// The leak guard of a region-quarter (its recorded identifiers), re-read every ``refreshInterval``.
        func leakGuard(quarter: Quarter, region: String) async throws -> PageLeakGuard {
            let key = "\(quarter)/\(region)"
            if let cached = guards[key], Date().timeIntervalSince(cached.loaded) < refreshInterval {
                return cached.guard
            }
            let identifiers = try await store.redactedIdentifiers(region: region, quarter: quarter)
            let made = PageLeakGuard(identifiers: identifiers, privacy: privacy)
            guards[key] = (Date(), made)
            return made
        }

        /// The records of each pain of a region-quarter; built once per run and ``refreshInterval`` (one build at a
        /// time per region-quarter: concurrent requests wait for it).
        func recordIndex(quarter: Quarter, region: String) async throws -> PainRecordIndex {
            let key = "\(quarter)/\(region)"
            if let cached = recordIndexes[key], Date().timeIntervalSince(cached.loaded) < refreshInterval {
                return cached.index
            }
            if building[key] != nil {
                return try await withCheckedThrowingContinuation { building[key, default: []].append($0) }
            }
            building[key] = []
            do {
                let pains = try await store.pains(region: region, quarter: quarter)
                let index: PainRecordIndex
                if let cached = recordIndexes[key], cached.index.signature == PainRecordIndex.signature(pains) {
                    index = cached.index
                } else {
                    let records = try await store.classifiedRecords(region: region, quarter: quarter)
                    index = PainRecordIndex(pains: pains, records: records)
                }
                recordIndexes[key] = (Date(), index)
                for waiter in building.removeValue(forKey: key) ?? [] { waiter.resume(returning: index) }
                return index
            } catch {
                for waiter in building.removeValue(forKey: key) ?? [] { waiter.resume(throwing: error) }
                throw error
            }
        }

        // MARK: Files

        private func directories(_ url: URL) -> [String] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { name in
                var isDirectory: ObjCBool = false
                return !name.hasPrefix(".")
                    && FileManager.default.fileExists(
                        atPath: url.appendingPathComponent(name).path,
                        isDirectory: &isDirectory
                    ) && isDirectory.boolValue
            }
        }

        private static func modified(_ url: URL) -> Date? {
            (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
        }

        /// A path component from a URL that cannot leave the report tree.
        static func isSafe(_ component: String) -> Bool {
            !component.isEmpty && component != "." && component != ".."
                && !component.contains("/") && !component.contains("\\") && !component.contains("\0")
        }
    }
#endif

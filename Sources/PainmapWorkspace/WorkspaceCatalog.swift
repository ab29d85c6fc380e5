#if Workspace
    import Foundation
    import Logging
    import PainmapCore
    import PainmapReports
    import PainmapReview

    /// What the workspace reads, cached: the report tree a run wrote (`--out`), the store's records and identifiers.
    ///
    /// Reports are read from their JSON (the run's own model, with when it was generated and under which
    /// configuration) and re-read when the file changes, so a rerun or a re-render shows at the next request. The
    /// store is only read: the workspace never takes the run lock.
    actor WorkspaceCatalog {
        let reportsDirectory: URL
        let store: any FeedbackStore
        let privacy: PrivacyConfiguration
        /// How long store-derived values (identifiers) are kept before they are read again.
        let refreshInterval: TimeInterval

        /// The guard for pages outside one region-quarter (lists, search): structured patterns only.
        nonisolated let patternGuard: PageLeakGuard

        private var reports: [String: (modified: Date, report: PainMapReport)] = [:]
        private var indexes: [String: (modified: Date, index: RegionIndex)] = [:]
        private var guards: [String: (loaded: Date, run: Date, guard: PageLeakGuard)] = [:]
        private var guardsWaiting: [String: [CheckedContinuation<PageLeakGuard, any Error>]] = [:]
        private var bodySources: [String: (run: Date, sources: BodyOptionSources)] = [:]
        private var storedPains: [String: (loaded: Date, run: Date, pains: [StoredPain])] = [:]
        private var bodySourcesWaiting: [String: [CheckedContinuation<BodyOptionSources, any Error>]] = [:]

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

        /// The leak guard of a region-quarter (its recorded identifiers, its scanner built once), re-read every
        /// ``refreshInterval`` and when the run's region index changes.
        ///
        /// One build at a time per region-quarter: while a refresh is being built, requests use the guard built before
        /// it (identifiers are only ever added, by ingest, which a page's records follow at the next run); without one,
        /// they wait for the build.
        func leakGuard(quarter: Quarter, region: String) async throws -> PageLeakGuard {
            let key = "\(quarter)/\(region)"
            let run =
                Self.modified(reportsDirectory.appendingPathComponent("\(quarter)/\(region)/index.json"))
                ?? .distantPast
            let cached = guards[key]
            if let cached, cached.run == run, Date().timeIntervalSince(cached.loaded) < refreshInterval {
                return cached.guard
            }
            if guardsWaiting[key] != nil {
                if let cached { return cached.guard }
                return try await withCheckedThrowingContinuation { guardsWaiting[key, default: []].append($0) }
            }
            guardsWaiting[key] = []
            do {
                let identifiers = try await store.redactedIdentifiers(region: region, quarter: quarter)
                let made = PageLeakGuard(identifiers: identifiers, privacy: privacy)
                guards[key] = (Date(), run, made)
                for waiter in guardsWaiting.removeValue(forKey: key) ?? [] { waiter.resume(returning: made) }
                return made
            } catch {
                for waiter in guardsWaiting.removeValue(forKey: key) ?? [] { waiter.resume(throwing: error) }
                throw error
            }
        }

        /// The stored pains of a region-quarter (what decisions attach to), re-read when the run's region index changes
        /// and every ``refreshInterval`` (a run writes the index just before it stores the pains).
        ///
        /// Reading them costs a JSON decode of every pain's centroid; before this cache, that was a third of a pain
        /// page's CPU.
        func pains(quarter: Quarter, region: String) async throws -> [StoredPain] {
            let key = "\(quarter)/\(region)"
            let run =
                Self.modified(reportsDirectory.appendingPathComponent("\(quarter)/\(region)/index.json"))
                ?? .distantPast
            if let cached = storedPains[key], cached.run == run,
                Date().timeIntervalSince(cached.loaded) < refreshInterval
            {
                return cached.pains
            }
            let pains = try await store.pains(region: region, quarter: quarter)
            storedPains[key] = (Date(), run, pains)
            return pains
        }

        /// What a region-quarter's responsible-body options are drawn from, read once per run: kept until the run's
        /// region index (`OUT/<quarter>/<region>/index.json`) changes (a rerun or a re-render); one read at a time
        /// per region-quarter, concurrent requests wait for it.
        func bodyOptionSources(
            quarter: Quarter,
            region: String,
            store: any FeedbackStore & DecisionStore
        ) async throws -> BodyOptionSources {
            let key = "\(quarter)/\(region)"
            let run =
                Self.modified(reportsDirectory.appendingPathComponent("\(quarter)/\(region)/index.json"))
                ?? .distantPast
            if let cached = bodySources[key], cached.run == run { return cached.sources }
            if bodySourcesWaiting[key] != nil {
                return try await withCheckedThrowingContinuation { bodySourcesWaiting[key, default: []].append($0) }
            }
            bodySourcesWaiting[key] = []
            do {
                let sources = try await BodyOptionSources(store: store, region: region, quarter: quarter)
                bodySources[key] = (run, sources)
                for waiter in bodySourcesWaiting.removeValue(forKey: key) ?? [] { waiter.resume(returning: sources) }
                return sources
            } catch {
                for waiter in bodySourcesWaiting.removeValue(forKey: key) ?? [] { waiter.resume(throwing: error) }
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

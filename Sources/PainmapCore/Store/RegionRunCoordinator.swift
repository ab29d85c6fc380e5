public import Foundation

/// Shares one quarter's regions among `painmap run --all-regions` worker processes on one or several hosts.
///
/// Only a server store implements it (PostgreSQL): SQLite's run lock admits one process per store, so there the
/// regions are shared among tasks of that one process and no claim table is needed.
///
/// A *round* is one all-regions run of a quarter: the regions with records in it, each `pending` until a worker
/// claims it (`running`) and records its outcome (`done` or `failed`). The round is open while any region is pending
/// or running; a worker that starts while it is open joins it, one that starts after it closed opens a new one.
public protocol RegionRunCoordinator: Sendable {
    /// Opens the quarter's round, or joins the open one.
    ///
    /// Holds a store-wide lock for the quarter meanwhile, so exactly one worker prepares (others wait for it). When no
    /// round is open, `prepare` runs under the lock (ingest, classification) and returns the regions of the new round;
    /// when one is open (opened by another worker, or left open by a worker that was killed), `prepare` is not called.
    /// If the preparing worker dies, the lock goes with its session and the next waiter prepares.
    ///
    /// - Returns: Whether this worker opened the round (and prepared it).
    func openRound(quarter: Quarter, prepare: () async throws -> [String]) async throws -> Bool

    /// A claim session: its own connection, holding the lock of the region it works on.
    ///
    /// - Parameters:
    ///   - host: This worker's host name, recorded with each claim.
    ///   - pid: This worker's process id, recorded with each claim.
    /// - Returns: The session; close it when the worker is done.
    /// - Throws: The store's failure when no connection can be opened.
    func claimSession(host: String, pid: Int32) async throws -> any RegionClaimSession

    /// The round's regions with their state, in region order.
    func regionRuns(quarter: Quarter) async throws -> [RegionRun]
}

/// One worker's connection for claiming regions; a region it claims stays locked until ``finish(_:outcome:)``, or
/// until the session ends (the process exits or is killed), when the region becomes claimable again.
public protocol RegionClaimSession: Sendable {
    /// Claims the next region nobody works on: pending, or running under a lock no live session holds.
    ///
    /// - Returns: The claimed region, or `nil` when none is claimable now (see ``unfinished(quarter:)``).
    func claimNext(quarter: Quarter) async throws -> RegionRun?

    /// Records a claimed region's outcome and releases its lock.
    func finish(_ claim: RegionRun, outcome: RegionRun.Outcome) async throws

    /// Regions of the round still pending or running (by any worker, live or not).
    func unfinished(quarter: Quarter) async throws -> Int

    /// Ends the session (releasing any lock it holds).
    func close() async
}

/// One region of a round, as the claim table holds it.
public struct RegionRun: Sendable, Hashable, Codable {
    /// Where a region is in its round.
    public enum State: String, Sendable, Codable {
        /// Not claimed yet.
        case pending
        /// Claimed by a worker (whose session holds the region's lock while it lives).
        case running
        /// Reports written.
        case done
        /// The worker recorded a failure; the region is not retried in this round.
        case failed
    }

    /// How a claimed region ended.
    public enum Outcome: Sendable, Hashable {
        /// Reports written.
        case done
        /// Not written; the message says why (never record text).
        case failed(String)
    }

    /// The quarter.
    public var quarter: Quarter
    /// The region code.
    public var region: String
    /// The state.
    public var state: State
    /// How many times the region was claimed in this round (more than 1 after a worker died holding it).
    public var attempts: Int
    /// The host of the last claim.
    public var host: String?
    /// The process id of the last claim.
    public var pid: Int32?
    /// When the last claim was made.
    public var startedAt: Date?
    /// When the outcome was recorded.
    public var finishedAt: Date?
    /// The failure message of a failed region.
    public var error: String?

    /// Creates an entry.
    public init(
        quarter: Quarter,
        region: String,
        state: State,
        attempts: Int = 0,
        host: String? = nil,
        pid: Int32? = nil,
        startedAt: Date? = nil,
        finishedAt: Date? = nil,
        error: String? = nil
    ) {
        self.quarter = quarter
        self.region = region
        self.state = state
        self.attempts = attempts
        self.host = host
        self.pid = pid
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.error = error
    }
}

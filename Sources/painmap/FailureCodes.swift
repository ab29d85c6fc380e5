import PainmapCore

extension FailureCode {
    /// Some regions of a worker run failed; their reasons are in the claim table (70).
    static let regionsFailed = FailureCode(rawValue: "run.regions_failed")
    /// Some input files were rejected; what was loaded is kept (65).
    static let filesNotIngested = FailureCode(rawValue: "ingest.files_rejected")
}

import Foundation

/// One fuzz target: feeds arbitrary bytes to a parser and traps when a property breaks.
///
/// A crash, an ASan report or a failed `precondition` is a finding; a thrown parse error is not.
protocol FuzzTarget {
    /// Feeds one input.
    func run(_ bytes: [UInt8])
}

/// The registry of targets `scripts/fuzz` can run.
///
/// To add a target: add one file under `Targets/` with a type conforming to ``FuzzTarget``, one line to
/// ``make(_:)`` and ``names``, and its name to `targets` (and its seeds) in `scripts/fuzz`.
enum FuzzTargets {
    /// Every target name, in the order `scripts/fuzz --list` prints them.
    static let names = ["csv", "json", "xml", "xlsx", "text", "redactor"]

    /// The target called `name`, or `nil`.
    static func make(_ name: String) -> (any FuzzTarget)? {
        switch name {
        case "csv": AdapterTarget(feed: "pos-csv", fileExtension: "csv")
        case "json": AdapterTarget(feed: "pos-json", fileExtension: "json")
        case "xml": AdapterTarget(feed: "portal-mkgu", fileExtension: "xml")
        case "xlsx": AdapterTarget(feed: "site-xlsx", fileExtension: "xlsx")
        case "text": TextTarget()
        case "redactor": RedactorTarget()
        default: nil
        }
    }
}

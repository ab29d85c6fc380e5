public import Foundation
public import PainmapCore

/// The `--quarter` of `painmap run`: an explicit quarter such as `2026Q3`, or `current` / `previous` relative to
/// the day the run starts (cron runs `previous` a few days after a quarter closes).
public enum QuarterSpecifier: Sendable, Hashable {
    /// An explicit quarter.
    case explicit(Quarter)
    /// The quarter containing the reference day.
    case current
    /// The quarter before the one containing the reference day.
    case previous

    /// Parses `2026Q3`, `current` or `previous`; `nil` for anything else.
    public init?(_ text: String) {
        switch text.lowercased() {
        case "current": self = .current
        case "previous": self = .previous
        default:
            guard let quarter = Quarter(text) else { return nil }
            self = .explicit(quarter)
        }
    }

    /// The quarter meant on a given day, by the calendar in UTC+3 (Moscow time, where quarter boundaries are set).
    ///
    /// - Parameter day: The reference day (the day the run starts).
    /// - Returns: The quarter, or `nil` when the day's year is outside 1900…9999.
    public func resolve(on day: Date) -> Quarter? {
        switch self {
        case .explicit(let quarter):
            return quarter
        case .current, .previous:
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(secondsFromGMT: 3 * 3600) ?? .gmt
            let parts = calendar.dateComponents([.year, .month], from: day)
            guard let current = Quarter(year: parts.year ?? 0, month: parts.month ?? 0) else { return nil }
            return self == .current ? current : current.previous
        }
    }
}

#if Workspace
    import Foundation

    /// Limits failed logins per account and per client address: after `limit` failures within `window` seconds,
    /// further attempts are refused (429) until the oldest failure leaves the window.
    actor LoginThrottle {
        private var failures: [String: [Date]] = [:]
        private let limit: Int
        private let window: TimeInterval

        init(limit: Int = 5, window: TimeInterval = 300) {
            self.limit = limit
            self.window = window
        }

        /// Seconds to wait before another attempt with any of `keys`, or `nil` when allowed.
        func retryAfter(_ keys: [String], now: Date = Date()) -> Int? {
            var wait: TimeInterval = 0
            for key in keys {
                let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
                failures[key] = recent.isEmpty ? nil : recent
                if recent.count >= limit, let oldest = recent.first {
                    wait = max(wait, window - now.timeIntervalSince(oldest))
                }
            }
            return wait > 0 ? Int(wait.rounded(.up)) : nil
        }

        /// Counts a failed attempt against every key.
        func recordFailure(_ keys: [String], now: Date = Date()) {
            for key in keys { failures[key, default: []].append(now) }
        }

        /// Forgets the failures of an account after it logs in.
        func reset(_ key: String) {
            failures[key] = nil
        }
    }
#endif

import ArgumentParser
import PainmapCore
import PainmapReview

/// A `painmap review` subcommand that makes one decision on one pain: it names the service call, `run` does the rest
/// (load the configuration, open the store, print the audit entries, map failures to exit codes).
protocol DecisionSubcommand: AsyncParsableCommand {
    /// The region, quarter, store and output format.
    var options: ReviewOptions { get }
    /// The pain, the version seen and who decides.
    var decision: DecisionOptions { get }

    /// The service call this subcommand makes.
    func decide(_ call: DecisionCall) async throws -> ReviewOutcome
}

/// What a decision subcommand's service call needs.
struct DecisionCall {
    /// The review service on the opened store.
    let service: ReviewService
    /// The pain decided on.
    let key: PainKey
    /// Who decides.
    let actor: String
    /// The version the analyst saw, if given.
    let expect: Int?
}

extension DecisionSubcommand {
    func run() async throws {
        try await runMapped {
            try await options.withService { service in
                let key = try options.key(decision.pain)
                let call = DecisionCall(service: service, key: key, actor: decision.who, expect: decision.expect)
                options.print(try await decide(call))
            }
        }
    }
}

import ArgumentParser
import Foundation
import PainmapCore
import PainmapReview

struct ReviewJunk: DecisionSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "junk",
        abstract: "Отметить «не боль» (спам, не по теме, благодарность): исключается из счёта и ранжирования."
    )
    @OptionGroup var options: ReviewOptions
    @OptionGroup var decision: DecisionOptions
    @Option(name: .long, help: "Почему это не боль.") var reason: String?
    @Flag(name: .long, help: "Снять отметку «не боль».") var undo = false

    func decide(_ call: DecisionCall) async throws -> ReviewOutcome {
        undo
            ? try await call.service.unjunk(call.key, actor: call.actor, expect: call.expect)
            : try await call.service.junk(call.key, reason: reason ?? "", actor: call.actor, expect: call.expect)
    }
}

struct ReviewMerge: DecisionSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Объединить боли: --pain целевая, --with остальные (через запятую)."
    )
    @OptionGroup var options: ReviewOptions
    @OptionGroup var decision: DecisionOptions
    @Option(name: .customLong("with"), help: "Боли, которые войдут в целевую, через запятую.") var sources: String

    func decide(_ call: DecisionCall) async throws -> ReviewOutcome {
        let ids = sources.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return try await call.service.merge(
            into: call.key,
            sources: ids,
            actor: call.actor,
            expect: call.expect.map { [call.key.painID: $0] } ?? [:]
        )
    }
}

struct ReviewSplit: DecisionSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract:
            "Перенести записи боли в другую боль (--to), в новую (--new-title) или в другую ситуацию (--situation)."
    )
    @OptionGroup var options: ReviewOptions
    @OptionGroup var decision: DecisionOptions
    @Option(name: .long, help: "Записи через запятую: record_id из цитат отчёта (pos:318661436) или id в хранилище.")
    var records: String
    @Option(name: .long, help: "Боль, в которую перенести записи.") var to: String?
    @Option(name: .customLong("new-title"), help: "Название новой боли из этих записей.") var newTitle: String?
    @Option(
        name: .long,
        help:
            "Жизненная ситуация (id из Config/life-situations.yaml; «none» — «Не определена»); учитывается классификацией."
    )
    var situation: String?

    func decide(_ call: DecisionCall) async throws -> ReviewOutcome {
        let ids = try await call.service.recordIDs(
            records.split(separator: ",").map(String.init),
            region: options.region,
            quarter: try options.parsedQuarter
        )
        return try await call.service.split(
            call.key,
            records: ids,
            toPain: to,
            newTitle: newTitle,
            toSituation: situation.map { $0 == "none" ? "" : $0 },
            actor: call.actor,
            expect: call.expect
        )
    }
}

/// `painmap review move`: records in the wrong place go to another life situation, from then on.
struct ReviewMove: DecisionSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract:
            "Перенести записи боли в другую жизненную ситуацию («none» — «Не определена»); классификация учитывает это и дальше."
    )
    @OptionGroup var options: ReviewOptions
    @OptionGroup var decision: DecisionOptions
    @Option(name: .long, help: "Записи через запятую: record_id из цитат отчёта (pos:318661436) или id в хранилище.")
    var records: String
    @Option(name: .long, help: "Жизненная ситуация (id из Config/life-situations.yaml) или «none».") var situation:
        String

    func decide(_ call: DecisionCall) async throws -> ReviewOutcome {
        let ids = try await call.service.recordIDs(
            records.split(separator: ",").map(String.init),
            region: options.region,
            quarter: try options.parsedQuarter
        )
        return try await call.service.move(
            call.key,
            records: ids,
            toSituation: situation == "none" ? "" : situation,
            actor: call.actor,
            expect: call.expect
        )
    }
}

struct ReviewRename: DecisionSubcommand {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: "Дать боли своё название.")
    @OptionGroup var options: ReviewOptions
    @OptionGroup var decision: DecisionOptions
    @Option(name: .long, help: "Новое название.") var title: String

    func decide(_ call: DecisionCall) async throws -> ReviewOutcome {
        try await call.service.rename(
            call.key,
            title: title,
            actor: call.actor,
            expect: call.expect
        )
    }
}

struct ReviewStatusCommand: DecisionSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Статус: новая → в работе → решена, или не подтвердилась / вне компетенции."
    )
    @OptionGroup var options: ReviewOptions
    @OptionGroup var decision: DecisionOptions
    @Option(
        name: .customLong("to"),
        help: "new|in_progress|resolved|not_confirmed|out_of_scope или «в работе», «решена», …"
    )
    var status: String

    func decide(_ call: DecisionCall) async throws -> ReviewOutcome {
        guard let next = ReviewStatus(argument: status) else {
            throw LocatedFailure(
                .usage,
                message: "статус «\(status)» неизвестен; возможны: "
                    + ReviewStatus.allCases.map { "\($0.rawValue) («\($0.russianName)»)" }.joined(
                        separator: ", "
                    ),
                status: .usage
            )
        }
        return try await call.service.setStatus(
            call.key,
            to: next,
            actor: call.actor,
            expect: call.expect
        )
    }
}

struct ReviewAssign: DecisionSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Ответственный орган (варианты: painmap review show; Config/responsible-bodies.yaml)."
    )
    @OptionGroup var options: ReviewOptions
    @OptionGroup var decision: DecisionOptions
    @Option(name: .long, help: "Название органа.") var body: String

    func decide(_ call: DecisionCall) async throws -> ReviewOutcome {
        try await call.service.assign(
            call.key,
            body: body,
            actor: call.actor,
            expect: call.expect
        )
    }
}

struct ReviewSolution: DecisionSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "solution",
        abstract: "Предлагаемое решение и/или срок (ГГГГ-ММ-ДД)."
    )
    @OptionGroup var options: ReviewOptions
    @OptionGroup var decision: DecisionOptions
    @Option(name: .long, help: "Текст решения («» — очистить).") var text: String?
    @Option(name: .long, help: "Срок, ГГГГ-ММ-ДД.") var due: String?

    func decide(_ call: DecisionCall) async throws -> ReviewOutcome {
        try await call.service.setSolution(
            call.key,
            solution: text,
            due: due,
            actor: call.actor,
            expect: call.expect
        )
    }
}

struct ReviewComment: DecisionSubcommand {
    static let configuration = CommandConfiguration(commandName: "comment", abstract: "Добавить комментарий к боли.")
    @OptionGroup var options: ReviewOptions
    @OptionGroup var decision: DecisionOptions
    @Option(name: .long, help: "Текст комментария.") var text: String

    func decide(_ call: DecisionCall) async throws -> ReviewOutcome {
        try await call.service.comment(
            call.key,
            text: text,
            actor: call.actor,
            expect: call.expect
        )
    }
}

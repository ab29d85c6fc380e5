import ArgumentParser
import Foundation
import PainmapCore
import PainmapReview

struct ReviewJunk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "junk",
        abstract: "Отметить «не боль» (спам, не по теме, благодарность): исключается из счёта и ранжирования."
    )
    @OptionGroup var options: ReviewOptions
    @OptionGroup var decision: DecisionOptions
    @Option(name: .long, help: "Почему это не боль.") var reason: String?
    @Flag(name: .long, help: "Снять отметку «не боль».") var undo = false

    func run() async throws {
        try await runMapped {
            try await options.withService { service in
                let key = try options.key(decision.pain)
                if undo {
                    options.print(try await service.unjunk(key, actor: decision.who, expect: decision.expect))
                } else {
                    options.print(
                        try await service.junk(key, reason: reason ?? "", actor: decision.who, expect: decision.expect)
                    )
                }
            }
        }
    }
}

struct ReviewMerge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Объединить боли: --pain целевая, --with остальные (через запятую)."
    )
    @OptionGroup var options: ReviewOptions
    @OptionGroup var decision: DecisionOptions
    @Option(name: .customLong("with"), help: "Боли, которые войдут в целевую, через запятую.") var sources: String

    func run() async throws {
        try await runMapped {
            try await options.withService { service in
                let ids = sources.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                options.print(
                    try await service.merge(
                        into: try options.key(decision.pain),
                        sources: ids,
                        actor: decision.who,
                        expect: decision.expect.map { [decision.pain: $0] } ?? [:]
                    )
                )
            }
        }
    }
}

struct ReviewSplit: AsyncParsableCommand {
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

    func run() async throws {
        try await runMapped {
            try await options.withService { service in
                let ids = try await service.recordIDs(
                    records.split(separator: ",").map(String.init),
                    region: options.region,
                    quarter: try options.parsedQuarter
                )
                options.print(
                    try await service.split(
                        try options.key(decision.pain),
                        records: ids,
                        toPain: to,
                        newTitle: newTitle,
                        toSituation: situation.map { $0 == "none" ? "" : $0 },
                        actor: decision.who,
                        expect: decision.expect
                    )
                )
            }
        }
    }
}

/// `painmap review move`: records in the wrong place go to another life situation, from then on.
struct ReviewMove: AsyncParsableCommand {
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

    func run() async throws {
        try await runMapped {
            try await options.withService { service in
                let ids = try await service.recordIDs(
                    records.split(separator: ",").map(String.init),
                    region: options.region,
                    quarter: try options.parsedQuarter
                )
                options.print(
                    try await service.move(
                        try options.key(decision.pain),
                        records: ids,
                        toSituation: situation == "none" ? "" : situation,
                        actor: decision.who,
                        expect: decision.expect
                    )
                )
            }
        }
    }
}

struct ReviewRename: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: "Дать боли своё название.")
    @OptionGroup var options: ReviewOptions
    @OptionGroup var decision: DecisionOptions
    @Option(name: .long, help: "Новое название.") var title: String

    func run() async throws {
        try await runMapped {
            try await options.withService { service in
                options.print(
                    try await service.rename(
                        try options.key(decision.pain),
                        title: title,
                        actor: decision.who,
                        expect: decision.expect
                    )
                )
            }
        }
    }
}

struct ReviewStatusCommand: AsyncParsableCommand {
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

    func run() async throws {
        try await runMapped {
            try await options.withService { service in
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
                options.print(
                    try await service.setStatus(
                        try options.key(decision.pain),
                        to: next,
                        actor: decision.who,
                        expect: decision.expect
                    )
                )
            }
        }
    }
}

struct ReviewAssign: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Ответственный орган (варианты: painmap review show; Config/responsible-bodies.yaml)."
    )
    @OptionGroup var options: ReviewOptions
    @OptionGroup var decision: DecisionOptions
    @Option(name: .long, help: "Название органа.") var body: String

    func run() async throws {
        try await runMapped {
            try await options.withService { service in
                options.print(
                    try await service.assign(
                        try options.key(decision.pain),
                        body: body,
                        actor: decision.who,
                        expect: decision.expect
                    )
                )
            }
        }
    }
}

struct ReviewSolution: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solution",
        abstract: "Предлагаемое решение и/или срок (ГГГГ-ММ-ДД)."
    )
    @OptionGroup var options: ReviewOptions
    @OptionGroup var decision: DecisionOptions
    @Option(name: .long, help: "Текст решения («» — очистить).") var text: String?
    @Option(name: .long, help: "Срок, ГГГГ-ММ-ДД.") var due: String?

    func run() async throws {
        try await runMapped {
            try await options.withService { service in
                options.print(
                    try await service.setSolution(
                        try options.key(decision.pain),
                        solution: text,
                        due: due,
                        actor: decision.who,
                        expect: decision.expect
                    )
                )
            }
        }
    }
}

struct ReviewComment: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "comment", abstract: "Добавить комментарий к боли.")
    @OptionGroup var options: ReviewOptions
    @OptionGroup var decision: DecisionOptions
    @Option(name: .long, help: "Текст комментария.") var text: String

    func run() async throws {
        try await runMapped {
            try await options.withService { service in
                options.print(
                    try await service.comment(
                        try options.key(decision.pain),
                        text: text,
                        actor: decision.who,
                        expect: decision.expect
                    )
                )
            }
        }
    }
}

#if Workspace
    import ArgumentParser
    import Foundation
    import PainmapCore
    import PainmapPipeline
    import PainmapWorkspace

    /// `painmap users`: accounts of the workspace.
    struct UsersCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "users",
            abstract: "Учётные записи рабочего места (painmap serve): добавить, отключить, сменить пароль.",
            discussion: """
                Пример: echo 'длинный пароль' | painmap users add ivanova --role analyst --regions 54,41
                Пароль читается из стандартного ввода (первая строка) или запрашивается в терминале — никогда \
                из аргументов. Роли: analyst (решает в своих регионах), viewer (читает свои регионы), admin (все).
                """,
            subcommands: [Add.self, Disable.self, Enable.self, Passwd.self, List.self]
        )

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Добавить учётную запись.",
                discussion: "Пример: painmap users add ivanova --role analyst --regions 54 < пароль.txt"
            )
            @OptionGroup var global: GlobalOptions
            @Argument(help: "Имя (латиница, цифры, . _ -).") var name: String
            @Option(name: .long, help: "Роль: analyst, viewer или admin.") var role: String
            @Option(name: .long, help: "Регионы через запятую (двузначные коды); для admin не нужны.")
            var regions: String = ""

            func run() async throws {
                try await runMapped {
                    guard let role = WorkspaceRole(rawValue: role) else {
                        throw LocatedFailure(
                            .usage,
                            message: "роль «\(role)»: analyst, viewer или admin",
                            status: .usage
                        )
                    }
                    let password = try PasswordInput.read(confirm: true)
                    let (name, regions) = (name, regions)
                    try await UsersCommand.withAdministration(global) {
                        try await $0.add(
                            name: name,
                            role: role,
                            regions: WorkspaceUser.regions(from: regions),
                            password: password
                        )
                    }
                    print("учётная запись \(name) добавлена: \(role.rawValue)")
                }
            }
        }

        /// Disables or re-enables an account and says which (`users disable` and `users enable`).
        static func setDisabled(_ global: GlobalOptions, name: String, disabled: Bool) async throws {
            try await runMapped {
                try await UsersCommand.withAdministration(global) {
                    try await $0.setDisabled(name: name, disabled: disabled)
                }
                print("учётная запись \(name) \(disabled ? "отключена" : "включена")")
            }
        }

        struct Disable: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Отключить учётную запись (вход и сеансы).")
            @OptionGroup var global: GlobalOptions
            @Argument var name: String

            func run() async throws {
                try await UsersCommand.setDisabled(global, name: name, disabled: true)
            }
        }

        struct Enable: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Снова включить учётную запись.")
            @OptionGroup var global: GlobalOptions
            @Argument var name: String

            func run() async throws {
                try await UsersCommand.setDisabled(global, name: name, disabled: false)
            }
        }

        struct Passwd: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Сменить пароль (из стандартного ввода или терминала)."
            )
            @OptionGroup var global: GlobalOptions
            @Argument var name: String

            func run() async throws {
                try await runMapped {
                    let password = try PasswordInput.read(confirm: true)
                    let name = name
                    try await UsersCommand.withAdministration(global) {
                        try await $0.setPassword(name: name, password: password)
                    }
                    print("пароль \(name) изменён")
                }
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Показать учётные записи (без паролей).")
            @OptionGroup var global: GlobalOptions

            func run() async throws {
                try await runMapped {
                    let users = try await UsersCommand.withAdministration(global) { try await $0.list() }
                    for user in users {
                        let regions = user.role == .admin ? "все" : user.regions.joined(separator: ",")
                        print(
                            "\(user.name)\t\(user.role.rawValue)\t\(regions)\t\(user.isDisabled ? "отключена" : "активна")"
                        )
                    }
                }
            }
        }

        static func withAdministration<T: Sendable>(
            _ global: GlobalOptions,
            _ body: (UserAdministration) async throws -> T
        ) async throws -> T {
            let configuration = try ConfigurationLoader().load(directory: global.configURL)
            let known = Set(configuration.regions.regions.map(\.code))
            return try await global.storeLocation.withStore(exclusive: false) { store in
                guard let users = store as? any WorkspaceUserStore else {
                    throw LocatedFailure(
                        .storeLocation,
                        message: "хранилище не хранит учётные записи",
                        status: .configError
                    )
                }
                return try await body(UserAdministration(store: users, knownRegions: known))
            }
        }
    }

    /// Reads a password: a prompt without echo on a terminal (asked twice), else the first line of stdin.
    enum PasswordInput {
        static func read(confirm: Bool) throws -> String {
            guard isatty(STDIN_FILENO) == 1 else {
                guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                    throw LocatedFailure(
                        .missingInput,
                        message: "пароль не получен: подайте его первой строкой stdin",
                        status: .noInput
                    )
                }
                return line
            }
            let first = try prompt("Пароль: ")
            if confirm, try prompt("Ещё раз: ") != first {
                throw LocatedFailure(.usage, message: "пароли не совпали", status: .usage)
            }
            return first
        }

        private static func prompt(_ text: String) throws -> String {
            FileHandle.standardError.write(Data(text.utf8))
            var saved = termios()
            tcgetattr(STDIN_FILENO, &saved)
            var silent = saved
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
            defer {
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
                FileHandle.standardError.write(Data("\n".utf8))
            }
            return readLine(strippingNewline: true) ?? ""
        }
    }
#endif

#if PostgreSQL
    import NIOCore
    import PainmapCore
    import PostgresNIO

    /// PostgreSQL store failures with a Russian message a person can act on.
    ///
    /// Server errors are mapped by SQLSTATE. The message carries the SQLSTATE and, for constraint violations, the
    /// constraint's name, never the server's own message or detail: those can quote values of a row (`invalid input
    /// syntax …: "<text>"`, `Key (…)=(…)`), and record text must not reach a terminal or a log.
    extension LocatedFailure {
        /// Maps an error from postgres-nio.
        ///
        /// - Parameters:
        ///   - error: What postgres-nio threw.
        ///   - action: What painmap was doing, as «не удалось <action>».
        ///   - address: The store, named in connection and login failures.
        init(postgres error: any Error, action: String, address: PostgresStoreAddress) {
            guard let error = error as? PSQLError else {
                if error is CancellationError {
                    self = .store(.storeUnavailable, message: "не удалось \(action): операция прервана")
                } else {
                    self = .store(.storeInternal, message: "не удалось \(action): \(type(of: error))")
                }
                return
            }
            switch error.code {
            case .server:
                let state = error.serverInfo?[.sqlState] ?? "?????"
                let (code, advice) = Self.classifyPostgres(sqlState: state, address: address)
                let constraint = error.serverInfo?[.constraintName].map { ", ограничение \($0)" } ?? ""
                self = .store(
                    code,
                    message: "не удалось \(action): PostgreSQL SQLSTATE \(state)\(constraint); \(advice)"
                )
            case .connectionError:
                let cause = error.underlying.map { " (\(Self.describe($0)))" } ?? ""
                self = .store(
                    .storeUnavailable,
                    message:
                        "не удалось \(action): нет соединения с PostgreSQL \(address.endpoint)\(cause); проверьте, что сервер запущен и принимает соединения по адресу из --store или PAINMAP_STORE, и повторите"
                )
            case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection, .poolClosed:
                self = .store(
                    .storeUnavailable,
                    message:
                        "не удалось \(action): соединение с PostgreSQL \(address.endpoint) оборвалось; незафиксированное откатилось, повторите запуск"
                )
            case .sslUnsupported:
                self = .store(
                    .storeLocation,
                    message:
                        "не удалось \(action): PostgreSQL \(address.endpoint) не поддерживает TLS, а в адресе sslmode=require; включите ssl на сервере или укажите sslmode=disable"
                )
            case .authMechanismRequiresPassword, .unsupportedAuthMechanism, .saslError:
                self = .store(
                    .storeLocation,
                    message:
                        "не удалось \(action): PostgreSQL \(address.endpoint) требует пароль для «\(address.user)» (\(error.code)); укажите его в адресе или в PGPASSWORD"
                )
            case .queryCancelled:
                self = .store(.storeUnavailable, message: "не удалось \(action): запрос отменён")
            default:
                self = .store(.storeInternal, message: "не удалось \(action): postgres-nio \(error.code)")
            }
        }

        /// The failure code (and so the exit status) and advice for a server error's SQLSTATE (https://www.postgresql.org/docs/current/errcodes-appendix.html).
        static func classifyPostgres(sqlState: String, address: PostgresStoreAddress) -> (FailureCode, String) {
            switch sqlState {
            case "28P01", "28000":
                return (
                    .storeLocation,
                    "PostgreSQL \(address.endpoint) отклонил вход «\(address.user)»; проверьте пользователя, пароль (в адресе или PGPASSWORD) и pg_hba.conf"
                )
            case "3D000":
                return (
                    .storeLocation,
                    "базы «\(address.database)» на \(address.endpoint) нет; создайте её (createdb \(address.database)) или исправьте адрес"
                )
            case "42501":
                return (
                    .storeLocation,
                    "у «\(address.user)» нет прав на базу «\(address.database)» или схему «\(address.schema)»; выдайте их (GRANT) или смените пользователя"
                )
            case "53100":
                return (
                    .storeIO,
                    "на сервере PostgreSQL заполнен диск; освободите место и повторите — зафиксированное ранее не пострадало"
                )
            case "53200":
                return (.storeUnavailable, "серверу PostgreSQL не хватило памяти; повторите позже")
            case "53300":
                return (.storeUnavailable, "у PostgreSQL исчерпаны соединения (max_connections); повторите позже")
            case "40001", "40P01", "55P03", "57014":
                return (.storeUnavailable, "конфликт с параллельной транзакцией; повторите")
            case "57P01", "57P02", "57P03":
                return (.storeUnavailable, "сервер PostgreSQL останавливается или запускается; повторите позже")
            default:
                if sqlState.hasPrefix("58") || sqlState.hasPrefix("XX") {
                    return (.storeIO, "ошибка ввода-вывода на сервере PostgreSQL; смотрите журнал сервера")
                }
                if sqlState.hasPrefix("23") {
                    return (.storeConstraint, "это ошибка painmap или схемы хранилища; сообщите разработчикам")
                }
                if sqlState.hasPrefix("08") {
                    return (.storeUnavailable, "соединение с PostgreSQL \(address.endpoint) прервано; повторите")
                }
                return (.storeInternal, "это ошибка painmap или схемы хранилища; сообщите разработчикам")
            }
        }

        private static func describe(_ error: any Error) -> String {
            if let io = error as? IOError { return "errno \(io.errnoCode)" }
            return String(describing: error)
        }
    }
#endif

#if Workspace
    import Hummingbird
    import NIOCore
    import PainmapReview
    public import Logging
    public import PainmapCore

    /// `painmap serve`: the analysts' web workspace over a store and the report tree a run wrote.
    ///
    /// Server-rendered Russian pages without scripts, scoped to each account's regions; sessions in memory with
    /// `HttpOnly`, `SameSite=Strict` cookies (`Secure` behind TLS), a CSRF token on every form, a CSP that admits no
    /// script, a limit on failed logins, and every page through the reports' leak gate. It only reads what the run
    /// wrote and never takes the run lock, so a quarterly run may go on meanwhile.
    public struct WorkspaceServer: Sendable {
        let store: any FeedbackStore
        let users: any WorkspaceUserStore
        let decisions: any FeedbackStore & DecisionStore
        let configuration: PainmapConfiguration
        let options: WorkspaceOptions
        let logger: Logger

        /// Creates a server.
        ///
        /// - Throws: ``LocatedFailure`` (78) when the store cannot keep accounts.
        public init(
            store: any FeedbackStore,
            configuration: PainmapConfiguration,
            options: WorkspaceOptions,
            logger: Logger
        )
            throws
        {
            guard let users = store as? any WorkspaceUserStore else {
                throw LocatedFailure(
                    .storeLocation,
                    message: "это хранилище не хранит учётные записи",
                    status: .configError
                )
            }
            guard let decisions = store as? any FeedbackStore & DecisionStore else {
                throw LocatedFailure(.storeLocation, message: "это хранилище не хранит решения", status: .configError)
            }
            self.store = store
            self.users = users
            self.decisions = decisions
            self.configuration = configuration
            self.options = options
            self.logger = logger
        }

        /// Serves until SIGTERM or SIGINT (graceful: requests in flight finish).
        ///
        /// - Parameter onListening: Called with the bound port once the server accepts connections.
        /// - Throws: What binding the address throws (the port is taken, the host unknown).
        public func run(onListening: @escaping @Sendable (Int) -> Void) async throws {
            let responder = WorkspaceResponder(
                users: users,
                catalog: WorkspaceCatalog(
                    reportsDirectory: options.reportsDirectory,
                    store: store,
                    privacy: configuration.privacy,
                    refreshInterval: 60
                ),
                sessions: SessionStore(lifetime: options.sessionLifetime),
                throttle: LoginThrottle(),
                options: options,
                logger: logger,
                styleSheet: WorkspacePage.styleSheet,
                store: store,
                review: ReviewService(
                    store: decisions,
                    catalog: configuration.lifeSituations,
                    bodies: configuration.responsibleBodies
                ),
                configuration: configuration
            )
            let app = Application(
                responder: responder,
                configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port)),
                onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) },
                logger: logger
            )
            try await app.runService()
        }
    }
#endif

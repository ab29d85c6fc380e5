#if Workspace
    import Hummingbird
    import NIOCore

    /// A request's context: Hummingbird's core storage plus the peer address (the login limit counts by it).
    struct WorkspaceRequestContext: RequestContext, RemoteAddressRequestContext {
        var coreContext: CoreRequestContextStorage
        let remoteAddress: SocketAddress?

        init(source: ApplicationRequestContextSource) {
            coreContext = .init(source: source)
            remoteAddress = source.channel.remoteAddress
        }
    }
#endif

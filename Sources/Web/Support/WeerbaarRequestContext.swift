import Hummingbird
import NIOCore

/// The request context of the running server: Hummingbird's basics plus the client's address, which
/// the portal's sign-in lockout counts per client. Nothing else keeps the address.
public struct WeerbaarRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }
}

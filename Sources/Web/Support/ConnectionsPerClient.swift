import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import Synchronization

/// A cap on the connections one client address holds at once, so one client cannot take every file
/// descriptor of the process (the probe held 20,000 idle sockets from one address and every other
/// visitor timed out). A connection over the cap is closed as soon as it is accepted, before a byte is
/// read. The cap is generous because a whole town hall may share one address; the idle timeout
/// (`HTTP_IDLE_TIMEOUT_SECONDS`) makes connections left alone give their place back.
///
/// Connections from a trusted reverse proxy are never capped: all clients arrive through it, and the
/// proxy is where their own caps belong (docs/architecture.md).
public final class ConnectionsPerClient: Sendable {
    public let limit: Int
    let trustedProxies: TrustedProxies
    private let open = Mutex<[String: Int]>([:])

    public init(limit: Int, trustedProxies: TrustedProxies = .none) {
        self.limit = limit
        self.trustedProxies = trustedProxies
    }

    /// Takes a place for `address`; false when it already holds `limit` connections.
    func admit(_ address: String) -> Bool {
        if trustedProxies.isTrusted(address) { return true }
        return open.withLock { open in
            let held = open[address, default: 0]
            guard held < limit else { return false }
            open[address] = held + 1
            return true
        }
    }

    func release(_ address: String) {
        if trustedProxies.isTrusted(address) { return }
        open.withLock { open in
            let held = open[address, default: 0] - 1
            open[address] = held > 0 ? held : nil
        }
    }

    /// Connections held now by `address` (for tests and logs).
    public func held(by address: String) -> Int { open.withLock { $0[address, default: 0] } }

    /// The HTTP/1 server of `serve`: Hummingbird's, with this cap in front of its pipeline.
    public func http1(_ configuration: HTTP1Channel.Configuration) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            CappedHTTP1Channel(inner: HTTP1Channel(responder: responder, configuration: configuration), cap: self)
        }
    }
}

/// Hummingbird's HTTP/1 child channel with `ConnectionsPerClient` as the first handler.
struct CappedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value
    let inner: HTTP1Channel
    let cap: ConnectionsPerClient

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        guard let address = channel.remoteAddress?.ipAddress else { return inner.setup(channel: channel, logger: logger) }
        guard cap.admit(address) else {
            logger.warning("Connection refused: too many from one client", metadata: ["client": "\(address)", "limit": "\(cap.limit)"])
            channel.close(promise: nil)
            return channel.eventLoop.makeFailedFuture(ChannelError.ioOnClosedChannel)
        }
        let cap = self.cap
        channel.closeFuture.whenComplete { _ in cap.release(address) }
        return inner.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}

import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A small SMTP client on SwiftNIO: STARTTLS or implicit TLS, AUTH PLAIN or LOGIN, several messages
/// per connection. It speaks only what a platform sending its own mail needs, and sorts failures
/// into temporary and permanent (`SMTPError`) so an outbox knows whether to retry.
public struct SMTPClient: Sendable {
    public let configuration: SMTPConfiguration
    /// A connection on which nothing arrives for this long is closed.
    public var idleTimeout: TimeAmount

    public init(configuration: SMTPConfiguration, idleTimeout: TimeAmount = .seconds(60)) {
        self.configuration = configuration
        self.idleTimeout = idleTimeout
    }

    /// Sends one message on a connection of its own.
    public func send(_ message: MailMessage) async throws {
        try await withSession { try await $0.send(message) }
    }

    /// Opens a connection (TLS and authentication as configured), runs `body` with it, and says
    /// QUIT. Use it to send many messages over one connection.
    public func withSession<T: Sendable>(_ body: (SMTPSession) async throws -> T) async throws -> T {
        let configuration = self.configuration
        let tls = try Self.tlsContext(configuration)
        let idle = idleTimeout
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(15))
                .connect(host: configuration.host, port: configuration.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if configuration.security == .tls, let tls {
                            try channel.pipeline.syncOperations.addHandler(
                                try NIOSSLClientHandler(context: tls, serverHostname: Self.sniName(configuration.host)))
                        }
                        try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: idle))
                        try channel.pipeline.syncOperations.addHandler(CloseWhenIdle())
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw SMTPError.connection("cannot connect to \(configuration.host):\(configuration.port): \(error)")
        }
        return try await channel.executeThenClose { inbound, outbound in
            let session = SMTPSession(inbound: inbound.makeAsyncIterator(), outbound: outbound, channel: channel.channel,
                                      configuration: configuration, tls: tls)
            try await session.open()
            let result = try await body(session)
            try? await session.quit()
            return result
        }
    }

    static func tlsContext(_ configuration: SMTPConfiguration) throws -> NIOSSLContext? {
        guard configuration.security != .none else { return nil }
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        if let ca = configuration.caFile {
            tls.additionalTrustRoots = [.file(ca)]
        }
        do {
            return try NIOSSLContext(configuration: tls)
        } catch {
            throw SMTPError.connection("TLS configuration: \(error)")
        }
    }

    /// Server Name Indication takes a host name, never an IP address.
    static func sniName(_ host: String) -> String? {
        host.allSatisfy({ $0.isNumber || $0 == "." || $0 == ":" }) ? nil : host
    }
}

/// Closes the connection when IdleStateHandler reports that nothing was read for too long; the
/// session then sees the connection end and reports a timeout.
private final class CloseWhenIdle: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}

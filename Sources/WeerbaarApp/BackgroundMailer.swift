import Logging
import Mail
import ServiceLifecycle
import Synchronization

/// Takes mail from a request and delivers it in the background, so a visitor who signs up does not
/// wait on an SMTP conversation (which, while an edition goes out, queues behind the outbox's
/// connections to the same server).
///
/// The queue lives in memory and is bounded: when it is full, or the service is not running (not yet
/// started, or stopped), `send` delivers in the request itself, slower but nothing lost. On a graceful shutdown everything queued
/// is still delivered before `run` returns. A crash loses what was queued: the visitor then sees no
/// confirmation mail and signs up again, which sends a new link (the sign-up itself is stored).
public final class BackgroundMailer: Mailer, Service {
    private let mailer: any Mailer
    private let logger: Logger
    private let retryDelays: [Duration]
    private let parallel: Int
    private let messages: AsyncStream<MailMessage>
    private let queue: AsyncStream<MailMessage>.Continuation
    /// Whether `run` is draining the queue; until it is, nothing may wait there.
    private let draining = Mutex(false)

    /// - Parameters:
    ///   - capacity: messages waiting at most; beyond it `send` delivers in the caller's task.
    ///   - parallel: deliveries at a time, so one slow server answer does not hold up the rest.
    ///   - retryDelays: the waits before each new attempt after a temporary failure (4xx, connection).
    public init(mailer: any Mailer, logger: Logger, capacity: Int = 1000, parallel: Int = 4,
                retryDelays: [Duration] = [.seconds(5), .seconds(30), .seconds(120)]) {
        self.mailer = mailer
        self.logger = logger
        self.parallel = max(1, parallel)
        self.retryDelays = retryDelays
        (messages, queue) = AsyncStream.makeStream(of: MailMessage.self, bufferingPolicy: .bufferingOldest(max(1, capacity)))
    }

    /// Whether `run` is draining the queue, so `send` hands mail over instead of delivering it.
    public var isRunning: Bool { draining.withLock { $0 } }

    public func send(_ message: MailMessage) async throws {
        guard isRunning else { return try await mailer.send(message) }
        switch queue.yield(message) {
        case .enqueued: return
        case .dropped, .terminated: try await mailer.send(message)
        @unknown default: try await mailer.send(message)
        }
    }

    public func run() async {
        draining.withLock { $0 = true }
        defer { draining.withLock { $0 = false } }
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                var running = 0
                for await message in messages {
                    if running == parallel {
                        await group.next()
                        running -= 1
                    }
                    running += 1
                    group.addTask { [self] in await deliver(message) }
                }
            }
        } onGracefulShutdown: { [queue] in
            // Take no more; what is queued is still delivered, and `send` now delivers in the caller.
            queue.finish()
        }
    }

    /// One message, retried after temporary failures; a failure at the end is logged, as the request
    /// that asked for it has long been answered.
    private func deliver(_ message: MailMessage) async {
        var attempt = 0
        while true {
            do {
                try await mailer.send(message)
                return
            } catch let error as SMTPError where error.isTemporary && attempt < retryDelays.count {
                // A shutdown cuts the wait short rather than hold the process for minutes.
                let delay = retryDelays[attempt]
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
                attempt += 1
            } catch {
                logger.error("Sending a mail in the background failed", metadata: ["subject": "\(message.subject)", "error": "\(error)"])
                return
            }
        }
    }
}

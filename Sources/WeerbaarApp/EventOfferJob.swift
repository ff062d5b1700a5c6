import Foundation
import Logging
import ServiceLifecycle
import Web

/// Inside `weerbaar serve`: every 30 seconds, seats whose offer lapsed go to the next in line, so a
/// freed seat is offered within a minute; ranked choices are assigned once registration closes; and
/// reminders go out 7 days and 1 day before each session. Every step is one transaction on the event's row, so
/// several instances may run it at once.
struct EventOfferJob: Service {
    let offers: EventOffers
    let logger: Logger
    var interval: Duration = .seconds(30)

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await offers.sweep(now: Date(), logger: logger)
            await offers.remind(now: Date(), logger: logger)
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}

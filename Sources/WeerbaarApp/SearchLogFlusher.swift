import Foundation
import Logging
import SearchLog
import ServiceLifecycle

/// Runs inside `weerbaar serve`: writes the recorded searches to the store every few seconds and once
/// more at shutdown, and deletes hours older than the retention period once an hour. Several
/// instances may run: each writes its own tallies, and the store's upsert adds them up.
struct SearchLogFlusher: Service {
    let recorder: SearchLogRecorder
    let store: any SearchLogStore
    let retentionDays: Int
    let interval: Duration
    let logger: Logger

    func run() async throws {
        var lastPurge = ContinuousClock.now - .seconds(7200)
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            await flush()
            if ContinuousClock.now - lastPurge >= .seconds(3600) {
                lastPurge = ContinuousClock.now
                await purge()
            }
        }
        await flush()
    }

    func flush() async {
        do {
            let (written, dropped) = try await recorder.flush(to: store)
            if dropped > 0 {
                logger.warning("Search log buffer was full; searches not logged", metadata: ["dropped": "\(dropped)", "written": "\(written)"])
            }
        } catch {
            logger.error("Writing the search log failed; will retry", metadata: ["error": "\(error)"])
        }
    }

    func purge() async {
        let cutoff = LoggedSearch.hour(of: Date().addingTimeInterval(-Double(retentionDays) * 86_400))
        do {
            let removed = try await store.purge(before: cutoff)
            if removed > 0 { logger.info("Purged old search log hours", metadata: ["rows": "\(removed)", "before": "\(cutoff)"]) }
        } catch {
            logger.error("Purging the search log failed", metadata: ["error": "\(error)"])
        }
    }
}

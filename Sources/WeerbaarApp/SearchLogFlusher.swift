import Foundation
import Logging
import SearchLog
import ServiceLifecycle

/// Runs inside `weerbaar serve`: writes the recorded searches to the store every few seconds and once
/// more at shutdown (the retention job deletes old hours). Several instances may run: each writes
/// its own tallies, and the store's upsert adds them up.
struct SearchLogFlusher: Service {
    let recorder: SearchLogRecorder
    let store: any SearchLogStore
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            await flush()
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
}

// The search-and-facet core on synthetic catalogues: index build time, query latency percentiles over a
// fixed mix of text and facet queries, and resident memory. Run in release:
//   swift run -c release SearchBench 10000 100000
//   swift run -c release SearchBench --site 10000   (/zoeken: offerings and articles)
import Catalogue
import CatalogueService
import Foundation
import Search

let sizes = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let counts = sizes.isEmpty ? [10_000, 100_000] : sizes

// `SearchBench --site 10000`: /zoeken's searches over as many offerings as articles.
if CommandLine.arguments.contains("--site") {
    for count in counts { SiteSearchBench.run(count: count) }
    exit(0)
}

for count in counts {
    let offerings = SyntheticCatalogue.make(count: count, seed: 42)
    let rssBefore = Memory.residentMegabytes()
    let start = ContinuousClock.now
    let catalogue = LiveCatalogue(taxonomy: .standard, offerings: offerings)
    let build = ContinuousClock.now - start
    let rssAfter = Memory.residentMegabytes()

    print(String(format: "offerings=%d build=%.2fs rss_index=%.0fMB rss_total=%.0fMB",
                 count, build / .seconds(1), rssAfter - rssBefore, rssAfter))
    let mixes: [(String, [CatalogueQuery])] = [
        ("typical", SyntheticCatalogue.queries()),
        ("typo", SyntheticCatalogue.typoQueries()),
        ("hostile", SyntheticCatalogue.hostileQueries()),
    ]
    for (name, queries) in mixes {
        // Warm up, then measure every query of the mix many times.
        for query in queries { _ = catalogue.search(query) }
        var samples: [Double] = []
        let rounds = max(1, (count >= 100_000 ? 200 : 1_000) / queries.count)
        for _ in 0..<rounds {
            for query in queries {
                let t0 = ContinuousClock.now
                let page = catalogue.search(query)
                let elapsed = ContinuousClock.now - t0
                precondition(page.total >= 0)
                samples.append(elapsed / .milliseconds(1))
            }
        }
        samples.sort()
        func percentile(_ p: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count) * p))] }
        print("  " + name.padding(toLength: 8, withPad: " ", startingAt: 0) + String(format: " queries=%d p50=%.3fms p95=%.3fms p99=%.3fms max=%.3fms",
                     samples.count, percentile(0.5), percentile(0.95), percentile(0.99), samples.last ?? 0))
    }

    // Suggestions as a user types: every prefix (two letters and more) of sampled words and phrases.
    let typed = SyntheticCatalogue.typedPrefixes()
    for text in typed { _ = catalogue.suggest(text) }
    var samples: [Double] = []
    var shown = 0
    for _ in 0..<(count >= 100_000 ? 3 : 10) {
        for text in typed {
            let t0 = ContinuousClock.now
            let suggestions = catalogue.suggest(text)
            samples.append((ContinuousClock.now - t0) / .milliseconds(1))
            shown += suggestions.count
        }
    }
    samples.sort()
    func percentile(_ p: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count) * p))] }
    print(String(format: "  suggest  prefixes=%d p50=%.3fms p95=%.3fms p99=%.3fms max=%.3fms mean_suggestions=%.1f",
                 samples.count, percentile(0.5), percentile(0.95), percentile(0.99), samples.last ?? 0,
                 Double(shown) / Double(samples.count)))
}

import Catalogue
import Foundation

/// Import and export of exchange files against a store, keeping the live catalogue in step.
public struct CatalogueImporter: Sendable {
    public let store: any CatalogueStore
    public let live: LiveCatalogue?

    public init(store: any CatalogueStore, live: LiveCatalogue? = nil) {
        self.store = store
        self.live = live
    }

    public struct File: Sendable {
        public var name: String
        public var data: Data
        public init(name: String, data: Data) {
            self.name = name
            self.data = data
        }
    }

    /// Validates every file and applies them together in one transaction: any problem in any file and
    /// nothing is written. A record's key may appear only once across all files. `adjust` changes each
    /// valid record before it is stored (the demo moves its dates to the day it is loaded).
    public func importFiles(_ files: [File], adjust: @Sendable (OfferingRecord) -> OfferingRecord = { $0 }) async throws -> UpsertSummary {
        let taxonomy = try await store.taxonomy()
        var records: [OfferingRecord] = []
        var problems: [(String, ImportProblem)] = []
        var seen: [OfferingKey: String] = [:]
        for file in files {
            let read: Result<[OfferingRecord], ImportRejected>
            if UploadReader.Format(fileName: file.name) != nil {
                read = UploadReader.read(file.data, fileName: file.name, taxonomy: taxonomy)
            } else if let format = Self.sniff(file.data) {
                read = ExchangeFile.read(file.data, format: format, taxonomy: taxonomy)
            } else {
                problems.append((file.name, ImportProblem(.file, "onbekend bestandstype; gebruik .json, .csv of .xlsx")))
                continue
            }
            switch read {
            case .success(let fileRecords):
                for record in fileRecords {
                    if let other = seen[record.key] {
                        problems.append((file.name, ImportProblem(.file, field: "id", "'\(record.key)' staat ook in \(other)")))
                    }
                    seen[record.key] = file.name
                }
                records += fileRecords
            case .failure(let rejected):
                problems += rejected.problems.map { (file.name, $0) }
            }
        }
        guard problems.isEmpty else {
            throw FileImportRejected(problems: problems)
        }
        let summary = try await store.upsert(records.map(adjust))
        if summary.changed, let live { try await live.reload(from: store) }
        return summary
    }

    public func export(format: ExchangeFile.Format) async throws -> Data {
        let offerings = try await store.allOfferings()
        return ExchangeFile.write(offerings.map(\.record), format: format)
    }

    private static func sniff(_ data: Data) -> ExchangeFile.Format? {
        guard let first = data.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }) else { return nil }
        return first == UInt8(ascii: "{") ? .json : .csv
    }
}

/// An import refused because of problems in one or more files; nothing was written.
public struct FileImportRejected: Error, Sendable, CustomStringConvertible {
    public var problems: [(file: String, problem: ImportProblem)]

    public var description: String {
        problems.map { "\($0.file): \($0.problem)" }.joined(separator: "\n")
    }
}

import Foundation

/// A gemeente as CBS lists it: the respondent of a needs survey, the gemeente of a practice example
/// or a registration. The list is reference data shipped with this target (`Resources/gemeenten.csv`,
/// source and year in `Resources/BRON.md`), read by `MunicipalityList`.
public struct Municipality: Sendable, Hashable, Codable {
    /// The CBS code, "GM0363".
    public var code: String
    public var name: String
    public var province: String
    public var inhabitants: Int?

    public init(code: String, name: String, province: String, inhabitants: Int?) {
        self.code = code
        self.name = name
        self.province = province
        self.inhabitants = inhabitants
    }

    public var sizeClass: SizeClass? { inhabitants.map(SizeClass.init(inhabitants:)) }
}

/// Inhabitants classes as the results filter by them: CBS's classes taken together so that each
/// holds enough gemeenten to show results (a class of a handful would be suppressed anyway).
public enum SizeClass: String, Sendable, CaseIterable, Codable {
    case upTo20k = "tot-20000"
    case upTo50k = "20000-50000"
    case upTo100k = "50000-100000"
    case over100k = "100000-en-meer"

    public init(inhabitants: Int) {
        switch inhabitants {
        case ..<20_000: self = .upTo20k
        case ..<50_000: self = .upTo50k
        case ..<100_000: self = .upTo100k
        default: self = .over100k
        }
    }

    public var label: String {
        switch self {
        case .upTo20k: "Tot 20.000 inwoners"
        case .upTo50k: "20.000 tot 50.000 inwoners"
        case .upTo100k: "50.000 tot 100.000 inwoners"
        case .over100k: "100.000 inwoners en meer"
        }
    }
}

/// The respondent list: every gemeente by code, in the order of the file.
public struct MunicipalityList: Sendable {
    public let all: [Municipality]
    private let byCode: [String: Municipality]

    public init(_ municipalities: [Municipality]) {
        all = municipalities
        byCode = Dictionary(municipalities.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func municipality(_ code: String) -> Municipality? { byCode[code] }

    public var provinces: [String] {
        all.map(\.province).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.sorted()
    }

    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Reads the CSV `code,naam,provincie,inwoners`. A list that is not one is refused whole.
    public static func parse(csv text: String) throws -> MunicipalityList {
        let rows: [CSVTable.Row]
        do { rows = try CSVTable.parse(text) } catch { throw Problem(description: "regel \(error.line): \(error.message)") }
        guard let header = rows.first?.fields, header.prefix(3) == ["code", "naam", "provincie"] else {
            throw Problem(description: "de eerste regel moet zijn: code,naam,provincie,inwoners")
        }
        var list: [Municipality] = []
        var seen = Set<String>()
        for row in rows.dropFirst() where !(row.fields.count == 1 && row.fields[0].isEmpty) {
            let f = row.fields + Array(repeating: "", count: max(0, 4 - row.fields.count))
            let code = f[0].trimmingCharacters(in: .whitespaces)
            guard code.count == 6, code.hasPrefix("GM"), code.dropFirst(2).allSatisfy(\.isNumber) else {
                throw Problem(description: "regel \(row.line): ‘\(code)’ is geen CBS-code (GM gevolgd door vier cijfers)")
            }
            guard seen.insert(code).inserted else { throw Problem(description: "regel \(row.line): \(code) staat er twee keer in") }
            let name = f[1].trimmingCharacters(in: .whitespaces), province = f[2].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !province.isEmpty else { throw Problem(description: "regel \(row.line): naam en provincie zijn verplicht") }
            let inhabitants = Int(f[3].trimmingCharacters(in: .whitespaces))
            list.append(Municipality(code: code, name: name, province: province, inhabitants: inhabitants))
        }
        guard !list.isEmpty else { throw Problem(description: "de lijst is leeg") }
        return MunicipalityList(list)
    }
}

extension MunicipalityList {
    /// The gemeenten as CBS lists them, shipped with the program (`Resources/gemeenten.csv`; source,
    /// reference date and licence in `Resources/BRON.md`).
    public static let cbs: MunicipalityList = {
        guard let url = Bundle.module.url(forResource: "gemeenten", withExtension: "csv", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8),
              let list = try? MunicipalityList.parse(csv: text) else { return MunicipalityList([]) }
        return list
    }()
}

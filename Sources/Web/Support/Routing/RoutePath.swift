import Markup

/// One definition of an internal URL. The router registers its template and every link, form action
/// and redirect is built from it, so a renamed route cannot leave a broken link behind. The number of
/// parameters is in the type: a path with two cannot be built with one.
protocol RouteTemplate: Sendable, CustomStringConvertible {
    /// Hummingbird's path syntax: `/beheer/aanbod/{provider}/{id}`.
    var template: String { get }
}

extension RouteTemplate {
    var description: String { template }

    /// The template with its `{…}` parameters filled in order, each escaped as a path segment.
    func filled(_ values: [String], query: String?) -> String {
        var out = ""
        var rest = Substring(template)
        var values = values[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            out += PercentEncoding.pathSegment(values.popFirst() ?? "")
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        if let query, !query.isEmpty { out += "?" + query }
        return out
    }

    /// The names of the template's parameters, in order.
    var parameterNames: [String] {
        template.split(separator: "/").compactMap { $0.hasPrefix("{") && $0.hasSuffix("}") ? String($0.dropFirst().dropLast()) : nil }
    }
}

/// A path without parameters: `PortalPaths.dashboard()` is the text "/beheer".
struct Path: RouteTemplate {
    let template: String
    init(_ template: String) {
        precondition(!template.contains("{"), "a path with parameters is a Path1, Path2 or Path3")
        self.template = template
    }
    /// Without a parameter there is nothing to fill: the finder builds dozens of these per page.
    func callAsFunction(query: String? = nil) -> String {
        guard let query, !query.isEmpty else { return template }
        return template + "?" + query
    }
    func appending(_ suffix: String) -> Path { Path(template + suffix) }
}

/// A path with one parameter: `Path1("/beheer/gebruikers/{id}")(account.id.uuidString)`.
struct Path1: RouteTemplate {
    let template: String
    init(_ template: String) {
        self.template = template
        precondition(parameterNames.count == 1, "\(template) has \(parameterNames.count) parameters")
    }
    func callAsFunction(_ a: String, query: String? = nil) -> String { filled([a], query: query) }
    func appending(_ suffix: String) -> Path1 { Path1(template + suffix) }
    func appending(parameter suffix: String) -> Path2 { Path2(template + suffix) }
}

/// A path with two parameters.
struct Path2: RouteTemplate {
    let template: String
    init(_ template: String) {
        self.template = template
        precondition(parameterNames.count == 2, "\(template) has \(parameterNames.count) parameters")
    }
    func callAsFunction(_ a: String, _ b: String, query: String? = nil) -> String { filled([a, b], query: query) }
    func appending(_ suffix: String) -> Path2 { Path2(template + suffix) }
    func appending(parameter suffix: String) -> Path3 { Path3(template + suffix) }
}

/// A path with three parameters.
struct Path3: RouteTemplate {
    let template: String
    init(_ template: String) {
        self.template = template
        precondition(parameterNames.count == 3, "\(template) has \(parameterNames.count) parameters")
    }
    func callAsFunction(_ a: String, _ b: String, _ c: String, query: String? = nil) -> String { filled([a, b, c], query: query) }
    func appending(_ suffix: String) -> Path3 { Path3(template + suffix) }
}

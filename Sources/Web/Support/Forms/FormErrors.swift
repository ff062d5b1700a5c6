/// Validation messages by form name, in the order found; the first per field is shown beside it.
struct FormErrors: Sendable, Equatable, Error {
    private(set) var list: [(name: String, message: String)] = []

    mutating func add(_ name: String, _ message: String) {
        guard !list.contains(where: { $0.name == name }) else { return }
        list.append((name, message))
    }

    subscript(_ name: String) -> String? { list.first { $0.name == name }?.message }
    var isEmpty: Bool { list.isEmpty }

    static func == (a: FormErrors, b: FormErrors) -> Bool {
        a.list.map(\.name) == b.list.map(\.name) && a.list.map(\.message) == b.list.map(\.message)
    }
}

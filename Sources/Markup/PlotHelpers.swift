import Plot

// Attributes Plot has no typed function for (ARIA, roles, data), kept in one place.
extension Node {
    public static func aria(_ name: String, _ value: String) -> Node { .attribute(named: "aria-\(name)", value: value) }
    public static func role(_ value: String) -> Node { .attribute(named: "role", value: value) }
    public static func attr(_ name: String, _ value: String) -> Node { .attribute(named: name, value: value) }
    /// An attribute written even when empty. Plot drops empty ones, and an <option> without a value
    /// submits its label ("Niet vermeld") instead of nothing.
    public static func attrKeepingEmpty(_ name: String, _ value: String) -> Node {
        .attribute(named: name, value: value, ignoreIfValueIsEmpty: false)
    }
}

extension Node where Context: HTML.BodyContext {
    /// <mark>, for highlighted search words.
    public static func mark(_ text: String) -> Node { .element(named: "mark", nodes: [Node.safeText(text)]) }
    public static func legend(_ nodes: Node...) -> Node { .element(named: "legend", nodes: nodes) }
}

extension Attribute {
    public static func aria(_ name: String, _ value: String) -> Attribute { .attribute(named: "aria-\(name)", value: value) }
    public static func attr(_ name: String, _ value: String) -> Attribute { .attribute(named: name, value: value) }
}

import Catalogue
import Markup
import Plot

/// The form controls every feature's pages share: a field with its label, hint and message (linked
/// by `aria-describedby`), text inputs, text areas, selects, checkbox groups and the error summary.
/// Each takes the value and message it shows; a feature's page passes its own.
enum FormControls {
    static func errorSummary(_ errors: FormErrors, label: (String) -> String) -> Node<HTML.BodyContext> {
        guard !errors.isEmpty else { return .empty }
        return .div(.class("notice error-summary"), .role("alert"), .attr("tabindex", "-1"), .id("fouten"),
                    .h2(.class("notice__title"), .safeText(errors.list.count == 1 ? "Er is 1 fout" : "Er zijn \(errors.list.count) fouten")),
                    .ul(.forEach(errors.list) { error in
                        .li(.a(.href("#\(error.name)"), .safeText("\(label(error.name)): \(error.message)")))
                    }))
    }

    /// The ids of the hint and the message, for `aria-describedby`.
    static func describedIDs(_ name: String, hint: String?, error: String?) -> [String] {
        [hint == nil ? nil : "\(name)-uitleg", error == nil ? nil : "\(name)-fout"].compactMap { $0 }
    }

    static func describedBy(_ name: String, hint: String?, error: String?) -> Node<HTML.FormContext> {
        let ids = describedIDs(name, hint: hint, error: error)
        return .group(ids.isEmpty ? .empty : .aria("describedby", ids.joined(separator: " ")),
                      error == nil ? .empty : .aria("invalid", "true"))
    }

    static func wrapper(_ name: String, _ label: String, hint: String?, error: String?, _ control: Node<HTML.FormContext>) -> Node<HTML.FormContext> {
        .div(.class(error == nil ? "field" : "field field--error"),
             .label(.for(name), .safeText(label)),
             .unwrap(hint) { .p(.id("\(name)-uitleg"), .class("hint"), .safeText($0)) },
             .unwrap(error) { .p(.id("\(name)-fout"), .class("field__error"), .safeText($0)) },
             control)
    }

    static func input(_ name: String, _ label: String, value: String, error: String?, type: String = "text", hint: String? = nil) -> Node<HTML.FormContext> {
        let described = describedIDs(name, hint: hint, error: error)
        var attributes: [Attribute<HTML.InputContext>] = [.attr("type", type), .attr("id", name), .attr("name", name), .attr("value", esc(value))]
        if !described.isEmpty { attributes.append(.aria("describedby", described.joined(separator: " "))) }
        if error != nil { attributes.append(.aria("invalid", "true")) }
        // Self-closing: an <input> has no end tag.
        return wrapper(name, label, hint: hint, error: error, .selfClosedElement(named: "input", attributes: attributes))
    }

    static func textarea(_ name: String, _ label: String, value: String, error: String?, hint: String?, rows: Int) -> Node<HTML.FormContext> {
        wrapper(name, label, hint: hint, error: error,
                .element(named: "textarea", nodes: [.attr("id", name), .attr("name", name), .attr("rows", "\(rows)"),
                                                    describedBy(name, hint: hint, error: error),
                                                    // A leading newline would be eaten by the parser; this one is the one eaten.
                                                    .raw("\n"), .safeText(value)]))
    }

    static func option(_ value: String, _ label: String, selected: Bool) -> Node<HTML.FormContext> {
        .element(named: "option", nodes: [.attrKeepingEmpty("value", esc(value)), selected ? .attribute(named: "selected") : .empty, .safeText(label)])
    }

    static func select(_ name: String, _ label: String, value: String, error: String?, options: [(String, String)], empty: String)
        -> Node<HTML.FormContext>
    {
        wrapper(name, label, hint: nil, error: error,
                .element(named: "select", nodes: [.attr("id", name), .attr("name", name), describedBy(name, hint: nil, error: error),
                                                  option("", empty, selected: value.isEmpty),
                                                  .group(options.map { option($0.0, $0.1, selected: $0.0 == value) })]))
    }

    static func checkboxes(_ name: String, _ legend: String, selected: [String], terms: [Term], error: String?) -> Node<HTML.FormContext> {
        .fieldset(.class(error == nil ? "field choices" : "field choices field--error"), .id(name),
                  .legend(.safeText(legend)),
                  .unwrap(error) { .p(.id("\(name)-fout"), .class("field__error"), .safeText($0)) },
                  .forEach(terms) { term in
                      .div(.class("checkbox"),
                           .input(.type(.checkbox), .id(esc("\(name)-\(term.slug)")), .name(name), .value(esc(term.slug)),
                                  .checked(selected.contains(term.slug))),
                           .label(.for(esc("\(name)-\(term.slug)")), .safeText(term.label)))
                  })
    }
}

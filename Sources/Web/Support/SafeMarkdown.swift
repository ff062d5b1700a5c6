import Foundation
import Plot

/// The small Markdown that offering descriptions use — paragraphs, **bold**, *italic*, bulleted and
/// numbered lists, level-3 headings and [links](https://…) — rendered to Plot nodes. Everything else
/// stays literal text, and every piece of text goes through Plot's escaping, so a description can
/// never inject markup or script. Links are kept only for http(s) and mailto.
enum SafeMarkdown {
    static func render(_ markdown: String) -> Node<HTML.BodyContext> {
        var blocks: [Node<HTML.BodyContext>] = []
        var paragraph: [String] = []
        var listItems: [String] = []
        var listOrdered = false

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            blocks.append(.p(inline(paragraph.joined(separator: " "))))
            paragraph = []
        }
        func flushList() {
            guard !listItems.isEmpty else { return }
            let items = listItems.map { Node<HTML.ListContext>.li(inline($0)) }
            blocks.append(listOrdered ? .ol(.group(items)) : .ul(.group(items)))
            listItems = []
        }

        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty {
                flushParagraph()
                flushList()
            } else if let item = bulletItem(line) {
                flushParagraph()
                if listOrdered && !listItems.isEmpty { flushList() }
                listOrdered = false
                listItems.append(item)
            } else if let item = numberedItem(line) {
                flushParagraph()
                if !listOrdered && !listItems.isEmpty { flushList() }
                listOrdered = true
                listItems.append(item)
            } else if line.hasPrefix("#") {
                flushParagraph()
                flushList()
                let text = String(line.drop(while: { $0 == "#" })).trimmingWhitespace()
                blocks.append(.h3(inline(text)))
            } else {
                flushList()
                paragraph.append(line)
            }
        }
        flushParagraph()
        flushList()
        return .group(blocks)
    }

    private static func bulletItem(_ line: String) -> String? {
        for marker in ["- ", "* ", "• "] where line.hasPrefix(marker) { return String(line.dropFirst(marker.count)) }
        return nil
    }

    private static func numberedItem(_ line: String) -> String? {
        let digits = line.prefix(while: \.isNumber)
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
        return String(rest.dropFirst(2))
    }

    /// Inline markup: **strong**, *em* / _em_, [text](url).
    static func inline<Context: HTML.BodyContext>(_ text: String) -> Node<Context> {
        var nodes: [Node<Context>] = []
        var literal = ""
        var index = text.startIndex
        func flush() {
            if !literal.isEmpty { nodes.append(.safeText(literal)) }
            literal = ""
        }
        while index < text.endIndex {
            let rest = text[index...]
            if rest.hasPrefix("**"), let close = rest.dropFirst(2).range(of: "**"), close.lowerBound > rest.index(index, offsetBy: 2) {
                flush()
                nodes.append(.strong(.safeText(String(rest[rest.index(index, offsetBy: 2)..<close.lowerBound]))))
                index = close.upperBound
            } else if rest.hasPrefix("["), let closeText = rest.firstIndex(of: "]"),
                text.index(after: closeText) < text.endIndex, text[text.index(after: closeText)] == "(",
                let closeURL = text[closeText...].firstIndex(of: ")")
            {
                let label = String(text[text.index(after: index)..<closeText])
                let url = String(text[text.index(closeText, offsetBy: 2)..<closeURL])
                flush()
                if isSafeLink(url) {
                    nodes.append(.a(.href(esc(url)), .safeText(label)))
                } else {
                    nodes.append(.safeText(label))
                }
                index = text.index(after: closeURL)
            } else if let marker = rest.first, marker == "*" || marker == "_", !rest.hasPrefix("**"),
                let close = rest.dropFirst().firstIndex(of: marker), close > rest.index(after: index),
                !rest[rest.index(after: index)].isWhitespace
            {
                flush()
                nodes.append(.em(.safeText(String(rest[rest.index(after: index)..<close]))))
                index = text.index(after: close)
            } else {
                literal.append(text[index])
                index = text.index(after: index)
            }
        }
        flush()
        return .group(nodes)
    }

    static func isSafeLink(_ url: String) -> Bool {
        let lower = url.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:"))
            && !url.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" })
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}

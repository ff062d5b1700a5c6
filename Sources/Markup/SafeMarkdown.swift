import Foundation
import Plot

/// The small Markdown that offering descriptions use — paragraphs, **bold**, *italic*, bulleted and
/// numbered lists, level-3 headings and [links](https://…) — rendered to Plot nodes. Everything else
/// stays literal text, and every piece of text goes through Plot's escaping, so a description can
/// never inject markup or script. Links are kept only for http(s) and mailto.
public enum SafeMarkdown {
    public static func render(_ markdown: String) -> Node<HTML.BodyContext> {
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

    /// A piece of a line's inline markup, with the source it came from.
    public enum Inline {
        case text(String)
        case strong(String)
        case em(String)
        case link(label: String, url: String)
    }

    /// Inline markup: **strong**, *em* / _em_, [text](url); the rest literal text. Each token comes
    /// with the source it was read from, so a line can be put back together with changes.
    public static func tokens(_ text: String) -> [(token: Inline, source: Substring)] {
        var tokens: [(token: Inline, source: Substring)] = []
        var literalStart = text.startIndex
        var index = text.startIndex
        func flush(upTo end: String.Index) {
            if literalStart < end { tokens.append((.text(String(text[literalStart..<end])), text[literalStart..<end])) }
        }
        while index < text.endIndex {
            let rest = text[index...]
            if rest.hasPrefix("**"), let close = rest.dropFirst(2).range(of: "**"), close.lowerBound > rest.index(index, offsetBy: 2) {
                flush(upTo: index)
                tokens.append((.strong(String(rest[rest.index(index, offsetBy: 2)..<close.lowerBound])), text[index..<close.upperBound]))
                index = close.upperBound
                literalStart = index
            } else if rest.hasPrefix("["), let closeText = rest.firstIndex(of: "]"),
                text.index(after: closeText) < text.endIndex, text[text.index(after: closeText)] == "(",
                let closeURL = text[closeText...].firstIndex(of: ")")
            {
                flush(upTo: index)
                let label = String(text[text.index(after: index)..<closeText])
                let url = String(text[text.index(closeText, offsetBy: 2)..<closeURL])
                tokens.append((.link(label: label, url: url), text[index...closeURL]))
                index = text.index(after: closeURL)
                literalStart = index
            } else if let marker = rest.first, marker == "*" || marker == "_", !rest.hasPrefix("**"),
                let close = rest.dropFirst().firstIndex(of: marker), close > rest.index(after: index),
                !rest[rest.index(after: index)].isWhitespace
            {
                flush(upTo: index)
                tokens.append((.em(String(rest[rest.index(after: index)..<close])), text[index...close]))
                index = text.index(after: close)
                literalStart = index
            } else {
                index = text.index(after: index)
            }
        }
        flush(upTo: text.endIndex)
        return tokens
    }

    public static func inline<Context: HTML.BodyContext>(_ text: String) -> Node<Context> {
        .group(tokens(text).map { token, _ -> Node<Context> in
            switch token {
            case .text(let literal): .safeText(literal)
            case .strong(let content): .strong(.safeText(content))
            case .em(let content): .em(.safeText(content))
            case .link(let label, let url): isSafeLink(url) ? .a(.href(esc(url)), .safeText(label)) : .safeText(label)
            }
        })
    }

    /// The same Markdown with every link that would be rendered pointing where `transform` says;
    /// everything else exactly as written.
    public static func rewritingLinks(_ markdown: String, _ transform: (String) -> String) -> String {
        markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            tokens(String(line)).map { token, source in
                if case .link(let label, let url) = token, isSafeLink(url) { "[\(label)](\(transform(url)))" } else { String(source) }
            }.joined()
        }.joined(separator: "\n")
    }

    public static func isSafeLink(_ url: String) -> Bool {
        let lower = url.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:"))
            && !url.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" })
    }
}

extension StringProtocol {
    public func trimmingWhitespace() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}

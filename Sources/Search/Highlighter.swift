/// Marks the words of a text that matched a query, including other forms of the same stem
/// ("polariserende" for a query "polarisatie" when both stem alike), and cuts long texts to a window
/// around the first match. Returns segments, not HTML: escaping is the view's job.
public struct Highlighter: Sendable {
    public struct Segment: Sendable, Equatable {
        public var text: String
        public var isMatch: Bool
    }

    let analyzer: DutchAnalyzer

    public init(analyzer: DutchAnalyzer) { self.analyzer = analyzer }

    public func highlight(_ text: String, terms: Set<String>, maxLength: Int? = nil) -> [Segment] {
        var window = text.startIndex..<text.endIndex
        let tokens = analyzer.tokens(text)
        let matches = terms.isEmpty ? [] : tokens.filter { !Set($0.terms).isDisjoint(with: terms) }

        if let maxLength, text.count > maxLength {
            let anchor = matches.first?.range.lowerBound ?? text.startIndex
            // Start a little before the first match, at a word boundary.
            var start = text.index(anchor, offsetBy: -min(40, text.distance(from: text.startIndex, to: anchor)))
            while start > text.startIndex, start < anchor, !text[text.index(before: start)].isWhitespace {
                start = text.index(after: start)
            }
            if text.distance(from: text.startIndex, to: start) < 40 { start = text.startIndex }
            var end = text.index(start, offsetBy: maxLength, limitedBy: text.endIndex) ?? text.endIndex
            while end < text.endIndex, end > start, !text[end].isWhitespace { end = text.index(before: end) }
            window = start..<end
        }

        var segments: [Segment] = []
        var cursor = window.lowerBound
        if cursor > text.startIndex { segments.append(Segment(text: "… ", isMatch: false)) }
        for match in matches where match.range.lowerBound >= cursor && match.range.upperBound <= window.upperBound {
            if cursor < match.range.lowerBound {
                segments.append(Segment(text: String(text[cursor..<match.range.lowerBound]), isMatch: false))
            }
            segments.append(Segment(text: String(text[match.range]), isMatch: true))
            cursor = match.range.upperBound
        }
        if cursor < window.upperBound {
            segments.append(Segment(text: String(text[cursor..<window.upperBound]), isMatch: false))
        }
        if window.upperBound < text.endIndex { segments.append(Segment(text: " …", isMatch: false)) }
        return segments
    }
}

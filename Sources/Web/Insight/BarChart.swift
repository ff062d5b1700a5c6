import Catalogue
import Newsletter
import CatalogueService
import Audit
import Accounts
import Foundation
import Markup
import Plot

/// A horizontal bar chart drawn on the server as SVG, for results and the white spots. It is a
/// picture of a table that stands beside it: the SVG is `role="img"` with a title that says what it
/// shows, and the numbers are in the table for screen readers, printing and copying.
enum BarChart {
    struct Bar {
        var label: String
        var value: Double
        /// The value as the chart writes it ("12", "1,8", "34 %").
        var text: String
        /// Drawn in the accent colour (a white spot, a suppressed group).
        var emphasis = false
    }

    static func svg(_ bars: [Bar], title: String, maximum: Double? = nil) -> Node<HTML.BodyContext> {
        let rowHeight = 26, labelWidth = 230, barWidth = 270, width = 600
        let top = max(maximum ?? 0, bars.map(\.value).max() ?? 0)
        let height = bars.count * rowHeight + 8
        var body = "<title>\(esc(title))</title>"
        for (index, bar) in bars.enumerated() {
            let y = 4 + index * rowHeight
            let length = top > 0 ? Int((bar.value / top * Double(barWidth)).rounded()) : 0
            let label = bar.label.count > 34 ? String(bar.label.prefix(33)) + "…" : bar.label
            body += "<text class=\"chart__label\" x=\"0\" y=\"\(y + 17)\">\(esc(label))</text>"
            body += "<rect class=\"\(bar.emphasis ? "chart__bar chart__bar--emphasis" : "chart__bar")\" x=\"\(labelWidth)\" y=\"\(y + 4)\" "
                + "width=\"\(max(length, bar.value > 0 ? 2 : 0))\" height=\"\(rowHeight - 8)\"/>"
            body += "<text class=\"chart__value\" x=\"\(labelWidth + length + 6)\" y=\"\(y + 17)\">\(esc(bar.text))</text>"
        }
        return .raw("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" "
            + "aria-label=\"\(esc(title))\" preserveAspectRatio=\"xMinYMin meet\">\(body)</svg>")
    }
}

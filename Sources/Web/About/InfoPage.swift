import Foundation
import Markup
import Plot

/// A page of text: a title and sections, each a `## ` heading with Markdown under it.
enum InfoPage {
    struct Model {
        var path: String
        var title: String
        var description: String
        var markdown: String
        /// Whether the newsletter counts clicks (NEWSLETTER_CLICK_COUNTING): the privacy statement says
        /// the one that is true.
        var countsClicks: Bool
    }

    static let withClicks = "{{met-kliktelling}}", withoutClicks = "{{zonder-kliktelling}}"

    static func render(_ model: Model, site: SiteServices) -> String {
        let meta = PageMeta(title: model.title, description: model.description, path: model.path)
        return Layout.render(meta, site: site, content: .div(
            .class("prose"),
            .h1(.safeText(model.title)),
            .forEach(sections(model.markdown, countsClicks: model.countsClicks)) { section in
                .section(.h2(.safeText(section.heading)), SafeMarkdown.render(section.body))
            }))
    }

    /// The text cut at its `## ` headings, with only the click-counting sentence that applies.
    static func sections(_ markdown: String, countsClicks: Bool) -> [(heading: String, body: String)] {
        var sections: [(heading: String, body: String)] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(line)
            if line.hasPrefix(countsClicks ? withoutClicks : withClicks) { continue }
            line = line.replacingOccurrences(of: withClicks, with: "").replacingOccurrences(of: withoutClicks, with: "")
            if line.hasPrefix("## ") {
                sections.append((String(line.dropFirst(3)), ""))
            } else if !sections.isEmpty {
                sections[sections.count - 1].body += line + "\n"
            }
        }
        return sections
    }
}

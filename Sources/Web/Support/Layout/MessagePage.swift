import Markup
import Plot

/// A page that says one thing: a heading, a few paragraphs and at most one link onward. For the
/// answers of forms and personal links (the newsletter, a survey, a tip), never indexed.
enum MessagePage {
    static func render(_ title: String, _ paragraphs: [String], path: String, description: String, site: SiteServices,
                       link: (String, String)? = nil) -> String {
        Layout.render(PageMeta(title: title, description: description, path: path, noIndex: true), site: site, content: .group(
            .h1(.safeText(title)),
            .forEach(paragraphs) { .p(.safeText($0)) },
            .unwrap(link) { .p(.a(.href(esc($0.0)), .safeText($0.1))) }))
    }
}

import Markup
import Newsletter

/// With click counting on, the mail's content links go through `/nieuwsbrief/klik/{id}`: articles'
/// links, offerings and agenda items. Not the personal links (preferences, leaving), not images,
/// and not the archive: the web page links directly, as does the preview.
public enum ClickCounting {
    /// The content with its links replaced, and one counted link per distinct address.
    public static func counting(_ content: EditionContent, baseURL: String) -> (content: EditionContent, links: [EditionLink]) {
        var links: [String: EditionLink] = [:]
        var order: [String] = []
        func counted(_ url: String) -> String {
            guard SafeMarkdown.isSafeLink(url), !url.lowercased().hasPrefix("mailto:") else { return url }
            if links[url] == nil {
                links[url] = EditionLink(url: url)
                order.append(url)
            }
            return baseURL + MailLinks.fill(MailLinks.click, links[url]!.id)
        }
        var copy = content
        copy.sections = content.sections.map { section in
            var section = section
            section.blocks = section.blocks.map { block in
                switch block {
                case .article(let title, let markdown, let imageURL, let imageAlt):
                    .article(title: title, markdown: SafeMarkdown.rewritingLinks(markdown, counted), imageURL: imageURL, imageAlt: imageAlt)
                case .cards(let cards):
                    .cards(cards.map { card in
                        var card = card
                        card.url = counted(card.url)
                        return card
                    })
                case .agenda(let items):
                    .agenda(items.map { item in
                        var item = item
                        item.url = item.url.map(counted)
                        return item
                    })
                }
            }
            return section
        }
        copy.intro = SafeMarkdown.rewritingLinks(content.intro, counted)
        return (copy, order.compactMap { links[$0] })
    }
}

import Foundation
import Markup
import Newsletter
import Plot

/// An edition as a page's fragment, with the site's classes: what the archive shows of a sent edition,
/// rendered once when it is sent and stored beside the mail's variants.
public enum EditionFragment {
    /// The edition's content for a site page, escaped like every other page.
    public static func html(_ content: EditionContent) -> String {
        let sections = content.sections.filter { !$0.blocks.isEmpty }
        let node: Node<HTML.BodyContext> = .div(
            .class("edition"),
            .div(.class("edition__intro"), SafeMarkdown.render(content.intro)),
            .forEach(sections) { section in
                .section(.class("edition__section"),
                         .h2(.safeText(section.title)),
                         .forEach(section.blocks) { block($0) })
            })
        return node.render()
    }

    static func block(_ block: EditionContent.Block) -> Node<HTML.BodyContext> {
        switch block {
        case .article(let title, let markdown, let imageURL, let imageAlt):
            return .article(.class("edition__article"),
                            .if(!title.isEmpty, .h3(.safeText(title))),
                            .unwrap(imageURL) { .img(.src(esc($0)), .alt(esc(imageAlt ?? "")), .class("edition__image")) },
                            SafeMarkdown.render(markdown))
        case .cards(let cards):
            return .ul(.class("edition__cards"), .forEach(cards) { card in
                .li(.p(.class("edition__card-meta"), .safeText(card.kind + " · " + card.provider)),
                    .p(.class("edition__card-title"), .a(.href(esc(card.url)), .safeText(card.title))),
                    .p(.safeText(card.summary)))
            })
        case .agenda(let items):
            return .ul(.class("edition__agenda"), .forEach(items) { item in
                .li(.strong(.safeText(item.date)), .text(" — "),
                    item.safeURL.map { url in
                        Node<HTML.BodyContext>.a(.href(esc(url)), .safeText(item.title))
                    } ?? .safeText(item.title))
            })
        }
    }
}

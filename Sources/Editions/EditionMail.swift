import Markup
import Foundation
import Newsletter
import Plot

/// An edition as e-mail: HTML that common clients render (one 600px table, inline CSS, system fonts,
/// alt text on every image, readable without images and in dark mode) and the same content as plain
/// text. Personal links are placeholders the sender fills in per subscriber.
public enum EditionMail {
    /// The footer's words: why the reader gets this, and what the leave and online links are called.
    public struct Footer: Sendable {
        public var reason: String
        public var leave: String
        public var online: String

        public static let edition = Footer(reason: "U ontvangt WeerbaarNL omdat u zich hebt aangemeld.", leave: "Afmelden", online: "Online lezen")
        public static let alert = Footer(reason: "U ontvangt deze attendering omdat u erom vroeg op Weerbaar.",
                                         leave: "Deze attendering stoppen", online: "Alle resultaten")
    }

    static let font = "font-family:Arial,Helvetica,sans-serif;"
    static let textStyle = font + "font-size:16px;line-height:1.5;color:#1a1a1a;"
    static let linkStyle = "color:#01689b;text-decoration:underline;"

    public static func html(_ content: EditionContent, senderAddress: String, footer: Footer = .edition) -> String {
        let sections = content.sections.filter { !$0.blocks.isEmpty }
        let document = HTML(
            .attribute(named: "lang", value: "nl"),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .meta(.name("color-scheme"), .content("light dark")),
                .meta(.name("supported-color-schemes"), .content("light dark")),
                .title(content.subject),
                // Clients that honour it get a dark palette; the inline colours below are the light one.
                .style("""
                    @media (prefers-color-scheme: dark) {
                      .wb-page { background: #121212 !important; }
                      .wb-card, .wb-card td { background: #1e1e1e !important; color: #f0f0f0 !important; }
                      .wb-card a { color: #8fcbf0 !important; }
                      .wb-footer, .wb-footer td { background: #2a2a2a !important; color: #f0f0f0 !important; }
                    }
                    """)
            ),
            .body(
                .style("margin:0;padding:0;background:#f3f3f3;"),
                // The preview line inbox lists show, hidden in the message itself.
                .div(.style("display:none;max-height:0;overflow:hidden;"), .safeText(preheader(content))),
                .table(
                    .role("presentation"), .class("wb-page"), .attr("width", "100%"), .attr("cellpadding", "0"), .attr("cellspacing", "0"),
                    .style("background:#f3f3f3;"),
                    .tr(.td(
                        .attr("align", "center"), .style("padding:16px 8px;"),
                        .table(
                            .role("presentation"), .class("wb-card"), .attr("width", "600"), .attr("cellpadding", "0"), .attr("cellspacing", "0"),
                            .style("width:100%;max-width:600px;background:#ffffff;border-collapse:collapse;"),
                            .tr(.td(.style("background:#154273;color:#ffffff;padding:16px 24px;" + font + "font-size:22px;font-weight:bold;"),
                                    .text("WeerbaarNL"))),
                            .tr(.td(.style("padding:24px 24px 8px;" + textStyle),
                                    .h1(.style(font + "font-size:26px;line-height:1.25;margin:0 0 12px;color:#154273;"), .safeText(content.subject)),
                                    SafeMarkdown.render(content.intro))),
                            .group(sections.map(section)),
                            .tr(.td(
                                .class("wb-footer"), .style("padding:16px 24px;background:#e8eef5;" + font + "font-size:14px;line-height:1.5;color:#1a1a1a;"),
                                .p(.style("margin:0 0 8px;"),
                                   .text(footer.reason + " "),
                                   .a(.href(EditionVariant.preferencesPlaceholder), .style(linkStyle), .text("Voorkeuren wijzigen")),
                                   .text(" · "),
                                   .a(.href(EditionVariant.unsubscribePlaceholder), .style(linkStyle), .text(footer.leave)),
                                   .text(" · "),
                                   .a(.href(esc(content.archiveURL)), .style(linkStyle), .text(footer.online))),
                                .p(.style("margin:0;"), .safeText(senderAddress))
                            ))
                        )
                    ))
                )
            )
        )
        return document.render()
    }

    static func section(_ section: EditionContent.Section) -> Node<HTML.TableContext> {
        .tr(.td(
            .style("padding:8px 24px 16px;" + textStyle),
            .h2(.style(font + "font-size:20px;line-height:1.3;margin:16px 0 8px;color:#154273;border-top:2px solid #e8eef5;padding-top:16px;"),
                .safeText(section.title)),
            .group(section.blocks.map(block))
        ))
    }

    static func block(_ block: EditionContent.Block) -> Node<HTML.BodyContext> {
        switch block {
        case .article(let title, let markdown, let imageURL, let imageAlt):
            return .div(
                .if(!title.isEmpty, .h3(.style(font + "font-size:18px;margin:12px 0 4px;color:#1a1a1a;"), .safeText(title))),
                .unwrap(imageURL) { url in
                    .img(.src(esc(url)), .alt(esc(imageAlt ?? "")), .attr("width", "552"),
                         .attr("style", "display:block;width:100%;max-width:552px;height:auto;border:0;margin:8px 0;"))
                },
                SafeMarkdown.render(markdown)
            )
        case .cards(let cards):
            return .group(cards.map { card in
                .table(
                    .role("presentation"), .attr("width", "100%"), .attr("cellpadding", "0"), .attr("cellspacing", "0"),
                    .style("border-collapse:collapse;margin:8px 0;"),
                    .tr(.td(
                        .style("border-left:4px solid #01689b;padding:4px 12px;" + textStyle),
                        .p(.style("margin:0;font-size:13px;color:#4a4a4a;"), .safeText(card.kind + " · " + card.provider)),
                        .p(.style("margin:0;font-weight:bold;"), .a(.href(esc(card.url)), .style(linkStyle), .safeText(card.title))),
                        .p(.style("margin:0;"), .safeText(card.summary))
                    ))
                )
            })
        case .agenda(let items):
            return .ul(.style("padding-left:20px;margin:8px 0;"), .group(items.map { item in
                .li(
                    .strong(.safeText(item.date)), .text(" — "),
                    item.safeURL.map { url in
                        Node<HTML.BodyContext>.a(.href(esc(url)), .style(linkStyle), .safeText(item.title))
                    } ?? .safeText(item.title)
                )
            }))
        }
    }

    static func preheader(_ content: EditionContent) -> String {
        let firstLine = content.intro.split(separator: "\n").first.map(String.init) ?? ""
        return String(firstLine.replacingOccurrences(of: "*", with: "").prefix(140))
    }

    /// The same content as plain text: Markdown reads well as it is; links in angle brackets.
    public static func text(_ content: EditionContent, senderAddress: String, footer: Footer = .edition) -> String {
        var lines: [String] = ["WeerbaarNL", "", content.subject.uppercased(), ""]
        if !content.intro.isEmpty { lines += [content.intro, ""] }
        for section in content.sections where !section.blocks.isEmpty {
            lines += ["", "## " + section.title, ""]
            for block in section.blocks {
                switch block {
                case .article(let title, let markdown, let imageURL, let imageAlt):
                    if !title.isEmpty { lines += ["### " + title] }
                    if imageURL != nil, let alt = imageAlt, !alt.isEmpty { lines += ["[Afbeelding: \(alt)]"] }
                    lines += [markdown, ""]
                case .cards(let cards):
                    for card in cards {
                        lines += ["- \(card.title) (\(card.kind), \(card.provider))", "  \(card.summary)", "  <\(card.url)>", ""]
                    }
                case .agenda(let items):
                    for item in items {
                        lines += ["- \(item.date): \(item.title)" + (item.url.map { " <\($0)>" } ?? "")]
                    }
                    lines += [""]
                }
            }
        }
        lines += [
            "-- ",
            footer.reason,
            "Voorkeuren wijzigen: <\(EditionVariant.preferencesPlaceholder)>",
            "\(footer.leave): <\(EditionVariant.unsubscribePlaceholder)>",
            "\(footer.online): <\(content.archiveURL)>",
            senderAddress,
        ]
        return lines.joined(separator: "\n")
    }
}

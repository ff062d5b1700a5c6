import Accounts
import Audit
import Catalogue
import CatalogueService
import Foundation
import Hummingbird
import Knowledge
import Newsletter

/// The redactie's moderation of tips: the queue with age, claim and filters, one tip with its
/// sender and the checklist, and the steps: claim, release, ask for changes, accept (a draft
/// article), decline with a reason. Only the editor who claimed a tip decides it; every step is in
/// the audit log and the sender gets mail at a request and at the decision.
struct TipModerationRoutes<Context: RequestContext> {
    let site: SiteServices
    let portal: PortalServices
    let tips: TipServices

    var routes: [Route<Context>] {
        typealias Paths = TipPaths.Portal
        return [
            Route(.get, Paths.queue, .signedIn(.redactie)) { request in
                let filter = TipQueueFilter(request.query)
                let list = try await tips.store.tips(filter.storeFilter)
                let times = try await tips.store.decisionTimes(since: Date().addingTimeInterval(-TipQueueFilter.decisionWindow))
                return Responses.personal(TipModerationPages.queue(.init(tips: list, filter: filter, median: times.median, decided: times.count,
                                                                          me: request.account.email), site: site))
            },
            Route(.get, Paths.tip, .signedIn(.redactie)) { request in
                let (tip, sender) = try await find(request)
                return Responses.personal(TipModerationPages.tip(model(request, tip, sender, flash: ModerationFlash.read(request.query)), site: site))
            },
            Route(.post, Paths.claim, .signedIn(.redactie)) { request in
                try await step(request, from: [.submitted], to: .inReview, change: TipChange(claim: editor(request)), flash: .opgepakt)
            },
            Route(.post, Paths.release, .signedIn(.redactie)) { request in
                try await step(request, from: [.inReview], to: .submitted, change: TipChange(byClaimer: editor(request), releaseClaim: true), flash: .vrijgegeven)
            },
            Route(.post, Paths.requestChanges, .signedIn(.redactie)) { request in
                let note = String((request.form.first("verzoek") ?? "").prefix(2_001)).trimmingCharacters(in: .whitespacesAndNewlines)
                guard !note.isEmpty, note.count <= 2_000 else {
                    return try await refuse(request, field: "verzoek", note.isEmpty ? "Schrijf wat de inzender moet aanpassen." : "Hoogstens 2.000 tekens.")
                }
                return try await step(request, from: [.inReview], to: .changesRequested, change: TipChange(byClaimer: editor(request), requestNote: note),
                                      flash: .gevraagd) { tip, sender, token in
                    guard let sender else { return }
                    await TipAudit.mail(tips, TipMail.changesRequested(name: sender.name, title: tip.content.title, note: note, link: token), to: sender.email,
                                        logger: request.logger)
                }
            },
            Route(.post, Paths.accept, .signedIn(.redactie)) { request in
                let (tip, sender) = try await find(request)
                let id = (request.form.first("kenmerk") ?? "").trimmingCharacters(in: .whitespaces)
                let note = optionalNote(request, field: "bericht")
                guard Slug.isKebabCase(id), id.count <= 80 else {
                    return try await refuse(request, field: "kenmerk", "Gebruik kleine letters, cijfers en koppeltekens (ten hoogste 80).")
                }
                guard TipModerationPages.checklist.allSatisfy({ request.form.values("controle").contains($0.0) }) else {
                    return try await refuse(request, field: "controle", "Loop de hele checklist na voordat u de inzending overneemt.")
                }
                let article = tip.draftArticle(id: id, sender: sender, today: Day(Date()))
                do {
                    try await tips.store.accept(tip.id, article: article, by: editor(request), note: note, now: Date())
                } catch TipProblem.claimedByOther(let name) {
                    return try await refuse(request, field: "kenmerk", "Deze inzending is in behandeling bij \(name).")
                } catch TipProblem.wrongState {
                    return Responses.seeOther(Paths.tip(tip.id.uuidString))
                } catch ContentProblem.staleVersion {
                    return try await refuse(request, field: "kenmerk", "Er is al een artikel met dit kenmerk. Kies een ander kenmerk.")
                } catch TipProblem.notFound {
                    throw HTTPError(.notFound)
                }
                await TipAudit.record(site: site, tip: tip, actor: request.account, details: "in-behandeling → geaccepteerd (concept \(id))",
                                      logger: request.logger)
                if let sender {
                    await TipAudit.mail(tips, TipMail.accepted(name: sender.name, title: tip.content.title, note: note, link: statusLink(tip)),
                                        to: sender.email, logger: request.logger)
                }
                return Responses.seeOther(ArticlePortalPaths.article(id, query: "opgeslagen"))
            },
            Route(.post, Paths.decline, .signedIn(.redactie)) { request in
                guard let reason = (request.form.first("reden")).flatMap(Tip.DeclineReason.init(rawValue:)) else {
                    return try await refuse(request, field: "reden", "Kies een reden uit de lijst.")
                }
                let note = optionalNote(request)
                return try await step(request, from: [.inReview, .changesRequested], to: .declined,
                                      change: TipChange(byClaimer: editor(request), declineReason: reason, decisionNote: note), flash: .afgewezen) { tip, sender, token in
                    guard let sender else { return }
                    await TipAudit.mail(tips, TipMail.declined(name: sender.name, title: tip.content.title, reason: reason, note: note, link: token),
                                        to: sender.email, logger: request.logger)
                }
            },
        ]
    }

    enum ModerationFlash: String, Flash {
        case opgepakt, vrijgegeven, gevraagd, afgewezen
        var text: String {
            switch self {
            case .opgepakt: "U heeft deze inzending opgepakt; anderen zien dat ze bij u ligt."
            case .vrijgegeven: "De inzending is vrijgegeven en staat weer in de rij."
            case .gevraagd: "Uw verzoek is naar de inzender gemaild."
            case .afgewezen: "De inzending is afgewezen; de inzender krijgt de reden per e-mail."
            }
        }
    }

    func editor(_ request: PortalRequest<Context>) -> Editor { Editor(email: request.account.email, name: request.account.name) }

    func optionalNote(_ request: PortalRequest<Context>, field: String = "notitie") -> String? {
        let note = String((request.form.first(field) ?? "").prefix(1_000)).trimmingCharacters(in: .whitespacesAndNewlines)
        return note.isEmpty ? nil : note
    }

    func find(_ request: PortalRequest<Context>) async throws -> (Tip, TipSender?) {
        guard let id = UUID(uuidString: try request.parameter("id")), let found = try await tips.store.tip(id) else { throw HTTPError(.notFound) }
        return found
    }

    /// The sender's personal link, signed again (the database keeps only its hash).
    func statusLink(_ tip: Tip) -> String { site.absolute(TipPaths.status(tips.links.token(.tip, subscriber: tip.id, expires: nil))) }

    func model(_ request: PortalRequest<Context>, _ tip: Tip, _ sender: TipSender?, flash: ModerationFlash? = nil) -> TipModerationPages.TipModel {
        .init(tip: tip, sender: sender, csrf: request.csrf, me: request.account.email, message: flash?.text)
    }

    func refuse(_ request: PortalRequest<Context>, field: String, _ message: String) async throws -> Response {
        let (tip, sender) = try await find(request)
        var model = model(request, tip, sender)
        model.errors.add(field, message)
        model.form = request.form
        return Responses.personal(TipModerationPages.tip(model, site: site), status: .unprocessableContent)
    }

    /// One step: refused with the reason when the tip moved on or is someone else's; recorded and,
    /// where the sender should hear of it, mailed.
    func step(_ request: PortalRequest<Context>, from: Set<Tip.State>, to: Tip.State, change: TipChange, flash: ModerationFlash,
              then notify: ((Tip, TipSender?, String) async -> Void)? = nil) async throws -> Response {
        let (tip, sender) = try await find(request)
        do {
            try await tips.store.move(tip.id, from: from, to: to, now: Date(), change: change)
        } catch TipProblem.claimedByOther(let name) {
            return try await refuse(request, field: "stap", "Deze inzending is in behandeling bij \(name); alleen die redacteur neemt deze stap.")
        } catch TipProblem.wrongState(let state) {
            return try await refuse(request, field: "stap", "Dit kan niet meer: de inzending is intussen ‘\(state.label.lowercased())’.")
        }
        await TipAudit.record(site: site, tip: tip, actor: request.account, details: "\(tip.state.rawValue) → \(to.rawValue)", logger: request.logger)
        await notify?(tip, sender, statusLink(tip))
        return Responses.seeOther(TipPaths.Portal.tip(tip.id.uuidString, query: flash.rawValue))
    }
}

/// The queue's filter from its query: states (the open ones by default) and a theme.
struct TipQueueFilter: Sendable, Equatable {
    var states: Set<Tip.State>
    var theme: String?

    static let open: Set<Tip.State> = [.submitted, .inReview, .changesRequested]
    /// The median time to a decision is over this window.
    static let decisionWindow: TimeInterval = 90 * 24 * 3600

    init(_ query: QueryString) {
        let chosen = Set(query.values("status").compactMap(Tip.State.init(rawValue:)))
        states = chosen.isEmpty ? Self.open : chosen
        theme = query.first("thema").flatMap { $0.isEmpty ? nil : String($0.prefix(100)) }
    }

    var storeFilter: TipFilter { TipFilter(states: states, theme: theme) }
}

import Markup
import Accounts
import Catalogue
import CatalogueService
import Foundation
import Plot

/// `/beheer/aanbod/uploaden`: a file in the exchange format (JSON, CSV or Excel), first as a dry run —
/// new, changed with their differences, unchanged, and every problem with its row and field — and
/// applied in one go only when the uploader confirms.
enum UploadPage {
    struct Model {
        var csrf: String
        var account: Account
        /// Whether confirming publishes (redacteuren, trusted providers) or submits for review.
        var publishes: Bool
        var error: String?
        var fileName: String?
        var plan: UploadPlan?
        var stagedID: UUID?
    }

    static func render(_ model: Model, site: SiteServices) -> String {
        let meta = PageMeta(title: "Aanbod uploaden", description: "Aanbod uploaden in het beheer van Weerbaar.", path: EditorialPaths.upload(),
                            noIndex: true)
        return Layout.render(meta, site: site, content: .group(
            .nav(.class("breadcrumbs"), .aria("label", "Kruimelpad"),
                 .ol(.li(.a(.href(PortalPaths.dashboard()), .safeText("Beheer"))),
                     .li(.a(.href(EditorialPaths.offerings()), .safeText("Aanbod beheren"))),
                     .li(.aria("current", "page"), .safeText("Uploaden")))),
            .h1(.safeText("Aanbod uploaden")),
            .unwrap(model.plan) { plan in result(plan, model: model) },
            .if(model.plan == nil || !(model.plan!.canApply), uploadForm(model))))
    }

    static func uploadForm(_ model: Model) -> Node<HTML.BodyContext> {
        let error = model.error
        return .group(
            .p(.safeText("Upload een Excel-werkmap (.xlsx), een CSV-bestand (UTF-8) of een JSON-bestand in het uitwisselformaat. "
                + "U ziet eerst wat er verandert; er wordt pas iets opgeslagen als u dat bevestigt.")),
            .p(.safeText("Begin het makkelijkst met het sjabloon: de kolommen met een voorbeeldregel die u overschrijft. "),
               .a(.href(EditorialPaths.templateXLSX()), .safeText("Sjabloon als Excel-werkmap")), .safeText(" of "),
               .a(.href(EditorialPaths.templateCSV()), .safeText("sjabloon als CSV")), .safeText(".")),
            .p(.safeText("De kolommen: " + OfferingField.columnNames.joined(separator: ", ")
                + ". Lijsten (thema’s, doelgroepen, trefwoorden) scheidt u met een puntkomma. "
                + "Kolomnamen uit het uitwisselformaat (zoals title en themes) werken ook.")),
            .if(model.account.role == .partnerEditor,
                .p(.safeText("U kunt alleen aanbod van uw eigen organisatie uploaden."))),
            .form(.class("portal-form"), .action(EditorialPaths.upload()), .method(.post), .enctype(.multipartData),
                  PortalFields.csrf(model.csrf),
                  .div(.class(error == nil ? "field" : "field field--error"),
                       .label(.for("bestand"), .safeText("Bestand")),
                       .p(.id("bestand-uitleg"), .class("hint"), .safeText("Hoogstens 10 MB.")),
                       .unwrap(error) { .p(.id("bestand-fout"), .class("field__error"), .safeText($0)) },
                       .selfClosedElement(named: "input", attributes: [
                           Attribute<HTML.InputContext>.attr("type", "file"), .attr("id", "bestand"), .attr("name", "bestand"),
                           .attr("accept", ".json,.csv,.xlsx"),
                           .aria("describedby", error == nil ? "bestand-uitleg" : "bestand-uitleg bestand-fout"),
                       ] + (error == nil ? [] : [.aria("invalid", "true")]))),
                  .button(.type(.submit), .class("button"), .safeText("Proefrun bekijken"))))
    }

    static func result(_ plan: UploadPlan, model: Model) -> Node<HTML.BodyContext> {
        let new = plan.new, changed = plan.changed, unchanged = plan.unchanged
        return .section(.aria("labelledby", "proefrun"),
            .h2(.id("proefrun"), .safeText("Proefrun van \(model.fileName ?? "het bestand"): er is nog niets opgeslagen")),
            .ul(.li(.safeText("\(new.count) nieuw")), .li(.safeText("\(changed.count) gewijzigd")), .li(.safeText("\(unchanged.count) ongewijzigd")),
                .li(.safeText("\(plan.problems.count) \(plan.problems.count == 1 ? "fout" : "fouten")"))),
            .if(!plan.problems.isEmpty, .div(.class("notice"), .role("alert"),
                .h3(.class("notice__title"), .safeText("Het bestand wordt niet verwerkt. Herstel deze fouten en upload het opnieuw:")),
                .ul(.forEach(plan.problems) { .li(.safeText($0.description)) }))),
            .if(!new.isEmpty, .group(
                .h3(.safeText("Nieuw")),
                .ul(.forEach(new) { .li(.safeText("\($0.record.title) (\($0.record.provider)/\($0.record.id))")) }))),
            .if(!changed.isEmpty, .group(
                .h3(.safeText("Gewijzigd")),
                .forEach(changed) { entry in
                    guard case .changed(let changes) = entry.change else { return .empty }
                    return OfferingHistoryPage.diffTable(changes, caption: "\(entry.record.title) (\(entry.record.provider)/\(entry.record.id))")
                })),
            .if(!unchanged.isEmpty, .details(
                .summary(.safeText("Ongewijzigd (\(unchanged.count))")),
                .ul(.forEach(unchanged) { .li(.safeText($0.record.title)) }))),
            .if(plan.problems.isEmpty && !plan.canApply, .p(.safeText("Er verandert niets: alles in het bestand staat er al zo in."))),
            .unwrap(plan.canApply ? model.stagedID : nil) { id in
                .form(.class("portal-form"), .action(esc(EditorialPaths.applyUpload(id.uuidString))), .method(.post),
                      PortalFields.csrf(model.csrf),
                      .p(.safeText(model.publishes
                          ? "Bij bevestigen wordt alles in één keer gepubliceerd."
                          : "Bij bevestigen wordt alles in één keer ingediend ter beoordeling door de redactie.")),
                      .button(.type(.submit), .class("button"),
                              .safeText("Bevestigen: \(new.count) nieuw, \(changed.count) gewijzigd \(model.publishes ? "publiceren" : "indienen")")))
            })
    }
}

import Audit
import Catalogue
import Foundation
import Hummingbird

/// `/beheer/logboek`: beheerders read the audit log, paged and filtered by person, action and period,
/// and export what the filter shows as CSV.
struct AuditRoutes<Context: RequestContext> {
    let site: SiteServices
    let portal: PortalServices

    var routes: [Route<Context>] {
        [
            Route(.get, AuditPaths.log, .signedIn(.administrators)) { request in
                let perPage = 50
                let page = max(1, min(100_000, Int(request.query.first("pagina") ?? "") ?? 1))
                let form = AuditLogPage.Filter(request.query)
                let total = try await portal.audit.count(form.filter)
                let events = try await portal.audit.events(form.filter, offset: (page - 1) * perPage, limit: perPage)
                return Responses.personal(AuditLogPage.render(events: events, filter: form, page: page,
                                                              pageCount: max(1, (total + perPage - 1) / perPage), total: total, site: site))
            },
            Route(.get, AuditPaths.csv, .signedIn(.administrators)) { request in
                let form = AuditLogPage.Filter(request.query)
                let events = try await portal.audit.events(form.filter, offset: 0, limit: 1_000_000)
                return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
                                                       .contentDisposition: "attachment; filename=\"weerbaar-logboek.csv\""],
                                body: ResponseBody(byteBuffer: ByteBuffer(string: AuditCSV.render(events))))
            },
        ]
    }
}

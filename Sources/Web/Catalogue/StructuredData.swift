import Catalogue
import Foundation

/// schema.org JSON-LD for an offering, typed by kind: a publication is a (Report or) CreativeWork, a
/// training a Course, a contact point a GovernmentService. Encoded with `<` escaped so the data can
/// never close its script element.
enum StructuredData {
    static func offering(_ o: Offering, provider: Provider?, taxonomy: Taxonomy, site: SiteServices) -> String {
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "name": o.title,
            "description": o.summary,
            "url": site.absolute(CataloguePaths.offering(o.slug)),
            "inLanguage": "nl",
            "keywords": (o.themes.map { taxonomy.label(.theme, $0) } + o.keywords).joined(separator: ", "),
        ]
        var organisation: [String: Any] = ["@type": "Organization", "name": provider?.name ?? o.provider]
        if let website = provider?.website { organisation["url"] = website }
        if !o.audiences.isEmpty {
            object["audience"] = o.audiences.map { ["@type": "Audience", "audienceType": taxonomy.label(.audience, $0)] }
        }
        switch o.kind {
        case "publicatie":
            object["@type"] = o.form == "rapport" || o.form == "onderzoek" ? "Report" : "CreativeWork"
            object["publisher"] = organisation
            if let published = o.published { object["datePublished"] = published.description }
        case "training":
            object["@type"] = "Course"
            object["provider"] = organisation
            if let cost = o.cost { object["isAccessibleForFree"] = cost == "gratis" }
        default:
            object["@type"] = "GovernmentService"
            object["provider"] = organisation
            object["areaServed"] = ["@type": "Country", "name": "Nederland"]
        }
        if let url = o.url { object["sameAs"] = url }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }
}

import Catalogue
import Foundation
import Search
import Testing
@testable import CatalogueService

@Suite struct LiveCatalogueTests {
    static func offering(_ id: String, title: String, kind: String, form: String, themes: [String], provider: String = "vng", published: String) -> Offering {
        Offering(provider: provider, id: id, slug: id, title: title, summary: "Samenvatting van \(title).", description: "",
                 kind: kind, form: form, themes: themes, audiences: [], keywords: [], cost: "gratis", delivery: "online",
                 duration: nil, url: nil, contact: nil, published: Day(published), reviewBy: nil,
                 lastChecked: Day(published)!, created: Date(), updated: Date())
    }

    let catalogue = LiveCatalogue(taxonomy: .standard, offerings: [
        offering("a", title: "Handreiking polarisatie", kind: "publicatie", form: "handreiking", themes: ["polarisatie"], published: "2024-01-01"),
        offering("b", title: "Workshop polarisatie", kind: "training", form: "workshop", themes: ["polarisatie", "inclusie"], published: "2024-02-01"),
        offering("c", title: "Vraagbaak extremisme", kind: "contactpunt", form: "vraagbaak", themes: ["extremisme"], provider: "lse", published: "2024-03-01"),
    ])

    @Test func facetCountsAreDisjunctiveAndInTaxonomyOrder() {
        let page = catalogue.search(CatalogueQuery(filters: [.kind: ["training"]]))
        #expect(page.hits.map(\.offering.id) == ["b"])
        let kinds = page.values(of: .kind)
        #expect(kinds.map(\.value) == ["publicatie", "training", "contactpunt"])
        #expect(kinds.map(\.count) == [1, 1, 1])
        #expect(kinds.map(\.selected) == [false, true, false])
        #expect(page.values(of: .theme).first { $0.value == "polarisatie" }?.count == 1)
    }

    @Test func findsBySlugAndKey() {
        #expect(catalogue.offering(slug: "c")?.title == "Vraagbaak extremisme")
        #expect(catalogue.offering(OfferingKey(provider: "lse", id: "c")) != nil)
        #expect(catalogue.offering(slug: "bestaat-niet") == nil)
    }

    @Test func relatedOfferingsShareThemes() {
        let related = catalogue.related(to: catalogue.offering(slug: "a")!)
        #expect(related.map(\.id) == ["b"])
    }

    @Test func pagingReportsTheTotal() {
        let page = catalogue.search(CatalogueQuery(sort: .title, page: 2, perPage: 2))
        #expect(page.total == 3)
        #expect(page.pageCount == 2)
        #expect(page.hits.map(\.offering.id) == ["b"])
    }

    @Test func replaceSwapsTheWholeSnapshot() {
        let copy = LiveCatalogue(taxonomy: .standard, offerings: [])
        #expect(copy.search(CatalogueQuery(text: "polarisatie")).total == 0)
        copy.replace(taxonomy: .standard, offerings: catalogue.snapshot.offerings.values.map { $0 })
        #expect(copy.search(CatalogueQuery(text: "polarisatie")).total == 2)
    }
}

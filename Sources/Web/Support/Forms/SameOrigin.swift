import HTTPTypes
import Foundation
import Hummingbird

/// A post from a page the cache serves to everyone cannot carry a per-visitor token; it is accepted
/// when the browser says it came from this site (`Sec-Fetch-Site: same-origin`, or an `Origin`
/// header equal to the site's), which a form on another site cannot forge.
enum SameOrigin {
    static func isSameOrigin(_ request: Request, baseURL: String) -> Bool {
        if let fetchSite = request.headers[secFetchSite] { return fetchSite == "same-origin" }
        if let origin = request.headers[.origin] { return origin == Self.origin(of: baseURL) }
        return false
    }

    static var secFetchSite: HTTPField.Name { HTTPField.Name("Sec-Fetch-Site")! }

    static func origin(of url: String) -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else { return url }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }
}

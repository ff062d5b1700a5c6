import Markup

/// The site's public addresses that e-mails link to. The web layer registers its routes on these same
/// templates (`CataloguePaths`, `NewsletterPaths`), so a link in a mail and the route it leads to are
/// one definition.
public enum MailLinks {
    public static let offering = "/aanbod/{slug}"
    public static let article = "/artikelen/{id}"
    public static let finder = "/aanbod"
    public static let preferences = "/nieuwsbrief/voorkeuren/{token}"
    public static let unsubscribe = "/nieuwsbrief/afmelden/{token}"
    public static let stopAlert = "/nieuwsbrief/attendering/stoppen/{token}"
    public static let archive = "/nieuwsbrief/archief"
    public static let archivedEdition = "/nieuwsbrief/archief/{slug}"
    public static let click = "/nieuwsbrief/klik/{id}"

    /// A template with its one parameter filled, escaped as a path segment.
    public static func fill(_ template: String, _ value: String) -> String {
        guard let open = template.firstIndex(of: "{"), let close = template[open...].firstIndex(of: "}") else { return template }
        return String(template[..<open]) + PercentEncoding.pathSegment(value) + String(template[template.index(after: close)...])
    }
}

/// Articles in the portal: the list, the form, the history.
enum ArticlePortalPaths {
    static let articles = Path("/beheer/artikelen")
    static let newArticle = Path("/beheer/artikelen/nieuw")
    static let article = Path1("/beheer/artikelen/{id}")
    static let history = article.appending("/geschiedenis")
    static let sendBack = article.appending("/terugsturen")
    static let restore = article.appending("/geschiedenis").appending(parameter: "/{n}").appending("/terugzetten")
}

/// The addresses where beheerders keep providers, and where a provider's logo is served.
enum ProviderPaths {
    static let list = Path("/beheer/aanbieders")
    static let new = Path("/beheer/aanbieders/nieuw")
    static let edit = Path1("/beheer/aanbieders/{provider}")
    static let trust = edit.appending("/vertrouwen")
    /// Public: the sanitised logo, on the provider's public page.
    static let logo = Path1("/aanbieders/{slug}/logo")
}

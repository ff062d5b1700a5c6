/// The pages every Dutch government site has, linked from every page's footer.
enum AboutPaths {
    static let about = Path("/over")
    static let privacy = Path("/privacy")
    static let accessibility = Path("/toegankelijkheid")
    static let contact = Path("/contact")
}

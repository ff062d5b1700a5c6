/// The portal's own address: the dashboard every signed-in visitor lands on.
enum PortalPaths {
    static let dashboard = Path("/beheer")
    /// Below this path live the portal's cookies for forms before sign-in.
    static let root = dashboard
}

/// The portal's addresses that jobs and commands outside the web layer name in their texts (the
/// freshness digest, `weerbaar create-admin`), built from the same definitions as the routes.
public enum PortalLinks {
    public static var signIn: String { AccountPaths.signIn() }
    public static var offerings: String { EditorialPaths.offerings() }
}

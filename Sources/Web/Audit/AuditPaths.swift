/// The audit log's addresses.
enum AuditPaths {
    static let log = Path("/beheer/logboek")
    static let csv = Path("/beheer/logboek.csv")
}

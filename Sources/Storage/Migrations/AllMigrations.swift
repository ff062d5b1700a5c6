import FluentKit

/// Every migration, in order. Append only.
enum AllMigrations {
    static let list: [any Migration] = [
        M0001_CreateTaxonomy(),
        M0002_CreateOfferings(),
        M0003_CreateSearchLog(),
        M0004_CreateAccounts(),
        M0005_CreateAccountTokens(),
        M0006_AddSecondFactor(),
        M0007_CreateAuditLog(),
        M0008_AddAccountBlocking(),
        M0009_CreateScheduledRuns(),
        M0010_CreateEditorialWorkflow(),
        M0011_CreateStagedUploads(),
        M0012_CreateProviderLogos(),
        M0013_CreateSubscribers(),
        M0014_CreateNewsletterEditions(),
        M0015_CreateAlerts(),
        M0016_CreateNewsletterLinks(),
        M0017_CreateSiteSettings(),
        M0018_CreateRecoveryCodes(),
        M0019_AddQualityFields(),
        M0020_CreateHandbook(),
        M0021_AddHandbookReviewComment(),
        M0022_AddSearchThemes(),
        M0023_CreateInsight(),
        M0024_CreateWhiteSpotDigest(),
        M0025_CreateArticles(),
        M0026_AddArticleWorkflow(),
        M0027_CreateTips(),
        M0028_CreateEvents(),
        M0029_AddEventOrganising(),
    ]
}

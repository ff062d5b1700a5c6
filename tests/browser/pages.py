"""Every page type of the public site, as the browser gate visits it."""
PAGE_TYPES = {
    "home": "/",
    "catalogue": "/aanbod",
    "catalogue-filtered": "/aanbod?q=polarisatie&thema=polarisatie&soort=training",
    "catalogue-empty": "/aanbod?thema=ondermijning&doelgroep=onderwijs&kosten=op-aanvraag",
    "catalogue-notice": "/aanbod?pagina=-3&thema=bestaat-niet",
    "offering": "/aanbod/handreiking-demonstraties-en-tegendemonstraties",
    "offering-hostile": "/aanbod/script-alert-1-script-img-src-x-onerror-alert-2",
    "themes": "/themas",
    "theme": "/themas/polarisatie",
    "providers": "/aanbieders",
    "provider": "/aanbieders/szw-ess",
    "not-found": "/bestaat-niet",
}

"""Every page type of the public site, as the browser gate visits it."""
PAGE_TYPES = {
    "home": "/",
    "catalogue": "/aanbod",
    "catalogue-filtered": "/aanbod?q=polarisatie&thema=polarisatie&soort=training",
    "catalogue-empty": "/aanbod?thema=ondermijning&doelgroep=onderwijs&kosten=op-aanvraag",
    "catalogue-notice": "/aanbod?pagina=-3&thema=bestaat-niet",
    "offering": "/aanbod/handreiking-demonstraties-en-tegendemonstraties",
    "offering-hostile": "/aanbod/script-alert-1-script-img-src-x-onerror-alert-2",
    "guide": "/vraagwijzer",
    "guide-answer": "/vraagwijzer?vraag=Er+komt+een+opvanglocatie+en+op+sociale+media+loopt+het+uit+de+hand",
    "guide-themes-chosen": "/vraagwijzer?vraag=onrust+in+de+wijk&thema=vertrouwen&themas=gekozen",
    "themes": "/themas",
    "theme": "/themas/polarisatie",
    "providers": "/aanbieders",
    "provider": "/aanbieders/szw-ess",
    "not-found": "/bestaat-niet",
    "portal-sign-in": "/beheer/inloggen",
}

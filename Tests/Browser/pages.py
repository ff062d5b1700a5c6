"""Every page type of the public site, as the browser gate visits it, and how a test tells that a page
came back as itself rather than as one of the site's error pages (which are valid, accessible HTML
too, so a broken page would otherwise pass)."""
import html
import re

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
    "newsletter": "/nieuwsbrief",
    "about": "/over",
    "privacy": "/privacy",
    "accessibility-statement": "/toegankelijkheid",
    "contact": "/contact",
    "handbook": "/handboek",
    "handbook-phase": "/handboek/fase/escalatie",
    "handbook-entry": "/handboek/artikel/bouwstenen-veerkrachtige-samenleving",
    "handbook-glossary": "/handboek/begrippen",
    "handbook-print": "/handboek/fase/escalatie/afdrukken",
    "handbook-cases": "/handboek/praktijk",
    "learning-routes": "/leerroutes",
    "learning-route": "/leerroutes/polarisatie-voor-beleidsmedewerkers",
    "surveys": "/peilingen",
    "site-search": "/zoeken?q=sleutelfiguren+in+de+wijk",
    "site-search-empty": "/zoeken",
    "practice": "/praktijk",
    "practice-filtered": "/praktijk?thema=polarisatie&provincie=Utrecht",
    "magazine": "/magazine",
    "magazine-edition": "/magazine/1",
    "article": "/artikelen/almelo-buurtgesprekken-na-brand-bij-moskee",
    "infoblad": "/artikelen/infoblad-in-gesprek-met-bezorgde-inwoners-over-een-azc",
    "tip-form": "/tip-ons",
    "agenda": "/agenda",
    "event": "/agenda/themadag-samen-voor-sociale-stabiliteit",
}

# The page types that are deliberately an error page: their status and their error page's title.
# Every other page type answers 200 with a page of its own.
ERRORS = {"not-found": (404, "Pagina niet gevonden")}

# The titles of the site's error pages (ErrorPage in Sources/Web); the document title is
# "<title> – Weerbaar".
ERROR_TITLES = {"Pagina niet gevonden", "Er ging iets mis", "Dit adres klopt niet", "Geen toegang"}


def title_of(body):
    """The document title of an HTML page (bytes or text), unescaped; "" without one."""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    match = re.search(r"<title[^>]*>(.*?)</title>", text, re.S | re.I)
    return html.unescape(match.group(1)).strip() if match else ""


def error_page(title):
    """The error page a document title names ("Pagina niet gevonden"), or None for any other page."""
    head = title.split(" – ")[0].strip()
    return head if head in ERROR_TITLES else None


def assert_page_type(name, title, status=None):
    """Fails unless page type `name` came back as expected: the status (when known; a browser does not
    say) and, by its title, the page itself or, for a deliberate error, that error page."""
    expected_status, expected_error = ERRORS.get(name, (200, None))
    if status is not None:
        assert status == expected_status, f"{name} ({PAGE_TYPES.get(name, name)}): HTTP {status}, expected {expected_status}"
    assert error_page(title) == expected_error, f"{name} ({PAGE_TYPES.get(name, name)}) came back as {title!r}"

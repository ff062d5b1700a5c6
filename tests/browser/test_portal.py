"""The portal in a real browser: signing in, setting up the second factor and signing out by
keyboard alone, and the portal's pages checked with axe like every public page."""
import base64
import hashlib
import hmac
import struct
import time

import axe_runner
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from server import ADMIN_EMAIL, ADMIN_PASSWORD
from test_keyboard import tab_until


def sign_in_by_keyboard(driver, server, password=ADMIN_PASSWORD):
    driver.delete_all_cookies()
    driver.get(server.url + "/beheer")
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/beheer/inloggen"))
    tab_until(driver, lambda e: e.get_attribute("id") == "email")
    ActionChains(driver).send_keys(ADMIN_EMAIL).send_keys(Keys.TAB).send_keys(password).send_keys(Keys.ENTER).perform()


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
    secret = driver.find_element("name", "geheim").get_attribute("value")
    tab_until(driver, lambda e: e.get_attribute("id") == "code")
    ActionChains(driver).send_keys(totp(secret)).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/beheer?tweede-stap"))
    assert "U bent ingelogd als Beheerder Browsertest" in driver.page_source
    results = axe_runner.run(driver)
    assert results["violations"] == [], axe_runner.report(results["violations"])
    for path in ["/beheer/logboek", "/beheer/gebruikers", "/beheer/aanbod"]:
        driver.get(server.url + path)
        results = axe_runner.run(driver)
        assert results["violations"] == [], path + "\n" + axe_runner.report(results["violations"])
    driver.get(server.url + "/beheer")
    cookie = driver.get_cookie("weerbaar_sessie")
    assert cookie and cookie["httpOnly"] and cookie.get("sameSite") == "Lax"
    tab_until(driver, lambda e: e.tag_name == "button" and e.text == "Uitloggen")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "uitgelogd" in d.current_url)
    assert "U bent uitgelogd." in driver.page_source
    driver.get(server.url + "/beheer")
    assert driver.current_url.endswith("/beheer/inloggen")


def test_a_wrong_password_keeps_the_address_and_says_so(server, driver):
    driver.set_window_size(375, 800)
    sign_in_by_keyboard(driver, server, password="niet het goede wachtwoord")
    WebDriverWait(driver, 10).until(lambda d: "klopt niet" in d.page_source)
    assert driver.find_element("id", "email").get_attribute("value") == ADMIN_EMAIL
    assert driver.find_element("id", "wachtwoord").get_attribute("value") == ""
    results = axe_runner.run(driver)
    assert results["violations"] == [], axe_runner.report(results["violations"])

"""The portal in a real browser: signing in and out by keyboard alone, and the signed-in pages
checked with axe like every public page."""
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


def test_sign_in_and_out_by_keyboard(server, driver):
    driver.set_window_size(1280, 900)
    sign_in_by_keyboard(driver, server)
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/beheer"))
    assert "U bent ingelogd als Beheerder Browsertest" in driver.page_source
    results = axe_runner.run(driver)
    assert results["violations"] == [], axe_runner.report(results["violations"])
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

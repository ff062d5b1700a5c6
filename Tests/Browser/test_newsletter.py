"""Signing up for WeerbaarNL in a real browser, by keyboard: from the footer of a cached page (no
token; the browser's same-origin post is what the server checks) and from /nieuwsbrief."""
import axe_runner
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from test_keyboard import tab_until


def test_sign_up_from_the_footer_of_a_cached_page_by_keyboard(server, driver):
    driver.set_window_size(1280, 900)
    driver.delete_all_cookies()
    driver.get(server.url + "/aanbod")
    tab_until(driver, lambda e: e.get_attribute("id") == "nieuwsbrief-email", limit=400)
    ActionChains(driver).send_keys("voet@gemeente.example").send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "Kijk in uw mailbox" in d.page_source)
    results = axe_runner.run(driver)
    assert results["violations"] == [], axe_runner.report(results["violations"])


def test_sign_up_with_themes_and_a_mistake_on_the_newsletter_page(server, driver):
    driver.set_window_size(375, 800)
    driver.delete_all_cookies()
    driver.get(server.url + "/nieuwsbrief")
    tab_until(driver, lambda e: e.get_attribute("id") == "email")
    ActionChains(driver).send_keys("geen adres").perform()
    tab_until(driver, lambda e: e.get_attribute("name") == "themas")
    ActionChains(driver).send_keys(Keys.SPACE).perform()
    tab_until(driver, lambda e: e.tag_name == "button" and e.text == "Aanmelden")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "Er is 1 fout" in d.page_source)
    assert driver.find_element("id", "email").get_attribute("aria-invalid") == "true"
    assert driver.find_element("css selector", "input[name=themas]:checked") is not None, "the chosen theme is kept"
    results = axe_runner.run(driver)
    assert results["violations"] == [], axe_runner.report(results["violations"])
    field = driver.find_element("id", "email")
    field.clear()
    field.send_keys("pagina@gemeente.example", Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "Kijk in uw mailbox" in d.page_source)


def test_an_alert_on_a_search_by_keyboard_with_a_mistake_first(server, driver):
    """From the search results' "Houd mij op de hoogte" to the alert form; axe with the error shown."""
    driver.set_window_size(1280, 900)
    driver.delete_all_cookies()
    driver.get(server.url + "/aanbod?q=polarisatie")
    tab_until(driver, lambda e: e.tag_name == "a" and e.text == "Houd mij op de hoogte", limit=600)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "/nieuwsbrief/attendering" in d.current_url)
    assert "‘polarisatie’" in driver.page_source
    results = axe_runner.run(driver)
    assert results["violations"] == [], axe_runner.report(results["violations"])
    tab_until(driver, lambda e: e.get_attribute("id") == "email")
    ActionChains(driver).send_keys("geen adres").send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "Er is 1 fout" in d.page_source)
    results = axe_runner.run(driver)
    assert results["violations"] == [], axe_runner.report(results["violations"])
    field = driver.find_element("id", "email")
    field.clear()
    field.send_keys("attendering@gemeente.example", Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "Kijk in uw mailbox" in d.page_source)

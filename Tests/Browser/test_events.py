"""The agenda in a real browser: the theme day's whole registration — three rounds of four workshops —
by keyboard alone, with a mistake first; the status page behind the personal link; axe at both widths."""
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from test_insight import check_page
from test_keyboard import tab_until

EVENT = "/agenda/themadag-samen-voor-sociale-stabiliteit"


def test_the_theme_day_is_registered_for_by_keyboard_alone(server, driver):
    driver.set_window_size(1280, 900)
    driver.delete_all_cookies()
    driver.get(server.url + EVENT)
    check_page(driver, "event")
    tab_until(driver, lambda e: e.get_attribute("id") == "naam", limit=300)
    ActionChains(driver).send_keys("Kim Keyboard").perform()
    tab_until(driver, lambda e: e.get_attribute("id") == "email", limit=20)
    ActionChains(driver).send_keys("kim.keyboard@gemeente.example").perform()
    # Rounds 1 and 2 by the arrow keys inside each radio group; round 3 is forgotten.
    for round_name in ("ronde-1", "ronde-2"):
        tab_until(driver, lambda e: e.get_attribute("name") == round_name, limit=40)
        ActionChains(driver).send_keys(Keys.SPACE).send_keys(Keys.ARROW_DOWN).perform()
        assert driver.switch_to.active_element.get_attribute("name") == round_name
    tab_until(driver, lambda e: e.tag_name == "button" and e.text in ("Aanmelden", "Op de wachtlijst"), limit=60)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "Er is 1 fout" in d.page_source)
    assert driver.find_element("css selector", "input[name=ronde-1]:checked").get_attribute("value").startswith("r1-")
    check_page(driver, "event")
    tab_until(driver, lambda e: e.tag_name == "a" and "ronde-3" in (e.get_attribute("href") or ""), limit=40)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    tab_until(driver, lambda e: e.get_attribute("name") == "ronde-3", limit=10)
    ActionChains(driver).send_keys(Keys.SPACE).perform()
    tab_until(driver, lambda e: e.tag_name == "button" and e.text in ("Aanmelden", "Op de wachtlijst"), limit=60)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "/aanmelding/" in d.current_url)
    assert "Status: Bevestigd" in driver.page_source
    check_page(driver, "registration")


def test_the_agenda_filters_by_keyboard(server, driver):
    driver.set_window_size(1280, 900)
    driver.get(server.url + "/agenda")
    check_page(driver, "agenda")
    tab_until(driver, lambda e: e.get_attribute("id") == "soort-webinar", limit=120)
    ActionChains(driver).send_keys(Keys.SPACE).perform()
    tab_until(driver, lambda e: e.tag_name == "button" and e.text == "Toon", limit=120)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "soort=webinar" in d.current_url)
    assert "2 bijeenkomsten" in driver.find_element("css selector", ".finder__results [role=status]").text


def test_an_organiser_builds_an_event_and_writes_to_its_participants(server, driver):
    from insight_fixtures import fill, sign_in

    sign_in(driver, server)
    driver.get(server.url + "/beheer/agenda/nieuw")
    check_page(driver, "portal event form")
    # A mistake first: no themes, no session end; the summary names them and takes the focus.
    for field, value in [("kenmerk", "browsertest-training"), ("titel", "Training voor de browsertest"),
                         ("beschrijving", "Een middag oefenen."), ("locatie", "Stadhuis, Zwolle"), ("aanmelding-open", "2026-01-01"),
                         ("aanmelding-sluit", "2099-01-01"), ("capaciteit", "25"), ("sessie-0-titel", "Middag"),
                         ("sessie-0-datum", "2098-05-01"), ("sessie-0-begin", "13:00")]:
        fill(driver, field, value)
    driver.find_element("css selector", "#soort option[value=training]").click()
    driver.find_element("css selector", "#aanbieder option[value=vng]").click()
    driver.find_element("css selector", "#verdeling option[value=wie-eerst-komt]").click()
    driver.find_element("css selector", ".portal-actions button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: "Kies minstens één thema." in d.page_source)
    assert "Sessie 1: einde" in driver.page_source
    check_page(driver, "portal event form")
    driver.find_element("css selector", "input[name=themas][value=polarisatie]").click()
    fill(driver, "sessie-0-einde", "17:00")
    driver.find_element("css selector", ".portal-actions button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/bewerken?aangemaakt"))
    assert "Ronde 1" in driver.page_source
    check_page(driver, "portal event form")
    driver.get(server.url + "/beheer/agenda/themadag-samen-voor-sociale-stabiliteit")
    assert "Bericht aan de deelnemers" in driver.page_source
    check_page(driver, "portal event")

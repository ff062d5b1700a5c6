"""A keyboard-only path: reach the search, search, apply a filter and open a result with Tab, Space
and Enter alone."""
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait


def tab_until(driver, predicate, limit=80):
    for _ in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        element = driver.switch_to.active_element
        if predicate(element):
            return element
    raise AssertionError("the element was not reachable with Tab")


def test_search_filter_and_open_a_result_by_keyboard(server, driver):
    driver.set_window_size(1280, 900)
    driver.get(server.url + "/")
    search = tab_until(driver, lambda e: e.get_attribute("name") == "q")
    ActionChains(driver).send_keys("polarisatie").send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "/aanbod?" in d.current_url)

    checkbox = tab_until(driver, lambda e: e.get_attribute("type") == "checkbox" and e.get_attribute("name") == "soort")
    value = checkbox.get_attribute("value")
    ActionChains(driver).send_keys(Keys.SPACE).perform()
    # With JavaScript the change applies at once; the apply button is the path without it.
    WebDriverWait(driver, 10).until(lambda d: f"soort={value}" in d.current_url)
    assert driver.switch_to.active_element.get_attribute("value") == value, "focus should return to the filter"

    result = tab_until(driver, lambda e: e.tag_name == "a" and "/aanbod/" in (e.get_attribute("href") or "")
                       and e.find_element("xpath", "./ancestor::ol[contains(@class,'results')]") is not None
                       if e.tag_name == "a" and "/aanbod/" in (e.get_attribute("href") or "") else False)
    href = result.get_attribute("href")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: d.current_url == href)
    assert driver.find_element("tag name", "h1").text


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(server, driver):
    driver.get(server.url + "/aanbod")
    ActionChains(driver).send_keys(Keys.TAB).perform()
    skip = driver.switch_to.active_element
    assert skip.text == "Naar de inhoud"
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    assert driver.switch_to.active_element.get_attribute("id") == "inhoud"


def test_question_guide_by_keyboard(server, driver):
    """Describe a situation, get the answer, switch a recognised theme off and update, keyboard only."""
    driver.set_window_size(1280, 900)
    driver.get(server.url + "/vraagwijzer")
    tab_until(driver, lambda e: e.tag_name == "textarea")
    ActionChains(driver).send_keys("Er is onrust in de wijk na een demonstratie").perform()
    tab_until(driver, lambda e: e.tag_name == "button" and e.text == "Vind passend aanbod")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "vraag=" in d.current_url)
    assert "Zo hebben we uw vraag gelezen" in driver.page_source

    chip = tab_until(driver, lambda e: e.get_attribute("type") == "checkbox" and e.is_selected())
    value = chip.get_attribute("value")
    ActionChains(driver).send_keys(Keys.SPACE).perform()
    tab_until(driver, lambda e: e.tag_name == "button" and e.text == "Antwoord bijwerken")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "themas=gekozen" in d.current_url)
    assert not driver.find_element("id", f"thema-{value}").is_selected()
    assert driver.find_elements("css selector", ".guide-kind")


def test_the_handbook_by_keyboard_from_the_cycle_to_a_phase_and_its_print_view(server, driver):
    """The cycle of phases is text with links: Tab to a phase, Enter, and on to the print view."""
    driver.set_window_size(375, 800)
    driver.get(server.url + "/handboek")
    tab_until(driver, lambda e: e.tag_name == "a" and e.text == "Escalatie", limit=120)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/handboek/fase/escalatie"))
    assert "Wat u kunt doen" in driver.page_source
    tab_until(driver, lambda e: e.tag_name == "a" and e.text.startswith("Afdrukversie"), limit=120)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/handboek/fase/escalatie/afdrukken"))

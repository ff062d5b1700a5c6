"""Suggestions while typing: the search box is an ARIA combobox that works by keyboard alone, and the
search works the same without the script."""
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait


def open_suggestions(driver, server, text):
    driver.set_window_size(1280, 900)
    driver.get(server.url + "/")
    box = driver.find_element("id", "zoeken-home")
    box.click()
    box.send_keys(text)
    WebDriverWait(driver, 10).until(lambda d: box.get_attribute("aria-expanded") == "true")
    return box


def test_the_search_box_is_a_combobox_with_a_listbox(server, driver):
    box = open_suggestions(driver, server, "pola")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-autocomplete") == "list"
    listbox = driver.find_element("id", box.get_attribute("aria-controls"))
    assert listbox.get_attribute("role") == "listbox"
    options = listbox.find_elements("css selector", "[role=option]")
    assert 1 <= len(options) <= 8
    assert any("Polarisatie" in o.text for o in options)
    status = driver.find_element("css selector", ".combobox [role=status]")
    assert "suggestie" in status.get_attribute("textContent")


def test_arrow_keys_move_and_escape_closes(server, driver):
    box = open_suggestions(driver, server, "pola")
    ActionChains(driver).send_keys(Keys.ARROW_DOWN).perform()
    first = box.get_attribute("aria-activedescendant")
    assert first and driver.find_element("id", first).get_attribute("aria-selected") == "true"
    ActionChains(driver).send_keys(Keys.ARROW_DOWN).perform()
    assert box.get_attribute("aria-activedescendant") != first
    assert driver.switch_to.active_element == box, "focus stays in the box"
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    assert box.get_attribute("aria-expanded") == "false"


def test_choosing_a_query_suggestion_searches_for_it(server, driver):
    box = open_suggestions(driver, server, "jongerenw")
    listbox = driver.find_element("id", box.get_attribute("aria-controls"))
    options = listbox.find_elements("css selector", "[role=option]")
    index = next(i for i, o in enumerate(options) if "combobox__option--query" in o.get_attribute("class"))
    for _ in range(index + 1):
        ActionChains(driver).send_keys(Keys.ARROW_DOWN).perform()
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "/aanbod?q=jongerenw" in d.current_url)
    assert "resulta" in driver.find_element("id", "resultaten-aantal").text


def test_enter_without_a_chosen_suggestion_submits_what_was_typed(server, driver):
    open_suggestions(driver, server, "polarisatie op school")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "/aanbod?q=polarisatie+op+school" in d.current_url)


def test_the_open_list_passes_axe(server, driver):
    import axe_runner
    open_suggestions(driver, server, "pola")
    ActionChains(driver).send_keys(Keys.ARROW_DOWN).perform()
    results = axe_runner.run(driver)
    assert results["violations"] == [], axe_runner.report(results["violations"])

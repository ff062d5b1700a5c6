"""The catalogue's layout on a phone and on a desktop. At 375 px the results come first: the filters
are a "Filters (n gekozen)" disclosure (a <details>, no script needed) above them, where they used to
fill 1,350-1,800 px before the first result. At 1280 px the filters are shown beside the results."""
from selenium.webdriver.support.ui import WebDriverWait


def top(driver, selector):
    return driver.execute_script(
        "const e = document.querySelector(arguments[0]); return e ? e.getBoundingClientRect().top + window.scrollY : null;", selector)


def visible(driver, selector):
    return driver.execute_script(
        "const e = document.querySelector(arguments[0]);"
        "return !!e && e.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true});", selector)


def test_on_a_phone_the_results_come_first_and_the_filters_are_one_tap_away(server, driver):
    driver.set_window_size(375, 800)
    driver.get(server.url + "/aanbod?thema=polarisatie&soort=training")
    WebDriverWait(driver, 10).until(lambda d: d.find_elements("css selector", ".results .card"))
    toggle = driver.find_element("css selector", "details.finder__filters > summary")
    assert toggle.text.strip() == "Filters (2 gekozen)"
    assert not visible(driver, "#f-thema-polarisatie"), "the filters are closed on a phone"
    # In the first screen of a phone (812 px), below the header, the demo banner, search and two chips.
    first_result = top(driver, ".results .card")
    assert first_result < 900, f"the first result starts {first_result:.0f} px down at 375 px"
    toggle.click()
    WebDriverWait(driver, 5).until(lambda d: visible(d, "#f-thema-polarisatie"))
    assert driver.find_element("id", "f-thema-polarisatie").is_selected()

    driver.get(server.url + "/aanbod")
    assert driver.find_element("css selector", "details.finder__filters > summary").text.strip() == "Filters"
    first_result = top(driver, ".results .card")
    assert first_result < 750, f"without filters the first result starts {first_result:.0f} px down at 375 px"


def test_on_a_desktop_the_filters_stand_beside_the_results(server, driver):
    driver.set_window_size(1280, 900)
    driver.get(server.url + "/aanbod?thema=polarisatie")
    WebDriverWait(driver, 10).until(lambda d: d.find_elements("css selector", ".results .card"))
    assert visible(driver, "#f-thema-polarisatie"), "the filters are shown without opening anything"
    assert not visible(driver, "details.finder__filters > summary"), "no disclosure on a wide screen"
    filters = driver.find_element("css selector", ".finder__filters").rect
    results = driver.find_element("css selector", ".finder__results").rect
    assert filters["x"] + filters["width"] <= results["x"], "filters left of the results"
    assert abs(top(driver, ".results .card") - top(driver, ".finder__filters")) < 300

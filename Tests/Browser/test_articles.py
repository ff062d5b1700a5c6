"""An article on paper: in print media the navigation, the feedback form and the related articles go,
and the source address appears; on screen it is the other way round."""
from pages import PAGE_TYPES


def test_a_practice_example_prints_without_forms_and_with_its_source(server, driver):
    driver.set_window_size(1280, 900)
    driver.get(server.url + PAGE_TYPES["article"])

    def shown(selector):
        return [e.is_displayed() for e in driver.find_elements("css selector", selector)]

    assert shown(".feedback") == [True] and shown(".print-only") == [False]
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert shown(".feedback") == [False], "no form on paper"
        assert shown(".site-header") == [False] and shown(".breadcrumbs") == [False]
        assert shown(".article-related") in ([False], [])
        source = driver.find_element("css selector", ".print-only")
        assert source.is_displayed() and PAGE_TYPES["article"] in source.text
        assert all(shown(".practice h2")), "the case itself is printed"
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_practice_magazine_and_search_by_keyboard_alone(server, driver):
    """/praktijk: a kind added with the space bar and shown with Enter; /magazine: an edition and one of
    its articles by Tab and Enter; /zoeken: a question typed and a practice example opened."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    from test_keyboard import tab_until

    driver.set_window_size(1280, 900)
    driver.get(server.url + "/praktijk")
    tab_until(driver, lambda e: e.get_attribute("id") == "soort-interview", limit=120)
    ActionChains(driver).send_keys(Keys.SPACE).perform()
    tab_until(driver, lambda e: e.tag_name == "button" and e.text == "Toon", limit=120)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "soort=interview" in d.current_url)
    assert " artikelen" in driver.find_element("css selector", ".finder__results [role=status]").text

    driver.get(server.url + "/magazine")
    tab_until(driver, lambda e: e.tag_name == "a" and "/magazine/" in (e.get_attribute("href") or ""), limit=120)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "/magazine/" in d.current_url)
    tab_until(driver, lambda e: e.tag_name == "a" and "/artikelen/" in (e.get_attribute("href") or ""), limit=120)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "/artikelen/" in d.current_url)
    assert driver.find_element("tag name", "h1").text

    driver.get(server.url + "/zoeken")
    tab_until(driver, lambda e: e.get_attribute("id") == "zoeken-alles", limit=120)
    ActionChains(driver).send_keys("gesprekken met bewoners na een brand").send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "/zoeken?" in d.current_url)
    tab_until(driver, lambda e: e.tag_name == "a" and "/artikelen/" in (e.get_attribute("href") or ""), limit=200)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: "/artikelen/" in d.current_url)

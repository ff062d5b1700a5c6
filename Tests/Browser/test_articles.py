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

"""axe-core with the WCAG 2.1 A and AA rules on every page type, at desktop and phone width."""
import pytest

import axe_runner
from pages import PAGE_TYPES, assert_page_type


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_no_wcag_violations(server, driver, name, width):
    driver.set_window_size(width, 900)
    driver.get(server.url + PAGE_TYPES[name])
    assert_page_type(name, driver.title)  # an error page passes axe too
    results = axe_runner.run(driver)
    assert results["passes"], "axe ran no rule at all"
    violations = results["violations"]
    assert violations == [], f"{name} at {width}px (axe-core {axe_runner.version(driver)}):\n" + axe_runner.report(violations)


@pytest.mark.parametrize("name", ["home", "catalogue-filtered", "offering"])
def test_no_horizontal_scroll_at_320px(server, driver, name):
    driver.set_window_size(320, 800)
    driver.get(server.url + PAGE_TYPES[name])
    assert_page_type(name, driver.title)
    overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at 320px"

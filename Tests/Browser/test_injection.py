"""Stored and reflected injection attempts stay inert in a real browser: no dialog opens and no
element that the attacker wrote exists in the page."""
import urllib.parse

import pytest
from selenium.common.exceptions import NoAlertPresentException

from pages import PAGE_TYPES, error_page

PAGES = [PAGE_TYPES["home"], PAGE_TYPES["offering-hostile"], "/aanbod?q=script", "/themas/inclusie", "/aanbieders/kis",
         "/aanbod?q=" + urllib.parse.quote('"><script>alert(13)</script><img src=x onerror=alert(14)>')]


@pytest.mark.parametrize("path", PAGES)
def test_no_script_runs(server, driver, path):
    driver.get(server.url + path)
    assert error_page(driver.title) is None, f"{path} came back as {driver.title!r}"  # nothing runs on an error page either
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text
    injected = driver.execute_script(
        "return document.querySelectorAll('img, svg, iframe, [onerror], [onload], [onclick], [onmouseover], a[href^=\"javascript:\"]').length"
        " + [...document.scripts].filter(s => !s.src && s.type !== 'application/ld+json').length")
    assert injected == 0

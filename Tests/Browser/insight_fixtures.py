"""An open needs survey with one invitation whose link the test knows, for the browser gate and the
screenshots. The survey is built through the portal as a redacteur would; only the invitation's
token is written to the database directly (the gate's server has no SMTP server to read it from),
stored as the server stores it: by its SHA-256."""
import datetime
import hashlib
import pathlib
import secrets
import sqlite3
import time
import uuid

from selenium.webdriver.support.ui import WebDriverWait

from server import ADMIN_PASSWORD, EDITOR_EMAIL


def sign_in(driver, server, email=EDITOR_EMAIL, password=ADMIN_PASSWORD):
    driver.delete_all_cookies()
    driver.get(server.url + "/beheer/inloggen")
    driver.find_element("id", "email").send_keys(email)
    driver.find_element("id", "wachtwoord").send_keys(password)
    driver.find_element("css selector", "form button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.rstrip("/").endswith("/beheer"))


def fill(driver, field, value):
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element("id", field), value)


def open_survey(server, driver, title="Peiling browsertest"):
    """Creates and opens a survey (needs matrix, a role question, a conditional open question) as the
    redacteur; returns its path in the portal."""
    sign_in(driver, server)
    today = datetime.date.today()
    driver.get(server.url + "/beheer/peilingen/nieuw")
    fill(driver, "titel", title)
    fill(driver, "jaar", str(today.year))
    fill(driver, "open", (today - datetime.timedelta(days=1)).isoformat())
    fill(driver, "sluit", (today + datetime.timedelta(days=30)).isoformat())
    driver.find_element("css selector", "main form button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: "?aangemaakt" in d.current_url)
    path = driver.current_url.split("?")[0].replace(server.url, "")
    for kind, text, options, condition in [("enkele-keuze", "Vanuit welke rol antwoordt u?", "Openbare orde\nSociaal domein", None),
                                           ("open", "Wat mist u voor de openbare orde?", "", ("vanuit-welke-rol-antwoordt-u", "Openbare orde"))]:
        driver.get(server.url + path)
        driver.execute_script("document.getElementById('soort').value = arguments[0]", kind)
        fill(driver, "vraag", text)
        fill(driver, "opties", options)
        if condition:
            driver.execute_script("document.getElementById('als-vraag').value = arguments[0]", condition[0])
            fill(driver, "als-antwoord", condition[1])
        driver.find_element("css selector", "form[action$='/vragen'] button[type=submit]").click()
        WebDriverWait(driver, 10).until(lambda d: "?vraag-toegevoegd" in d.current_url)
    driver.get(server.url + path)
    driver.find_element("css selector", "form[action$='/status'] button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: "?opgeslagen" in d.current_url)
    return path


def invitation(server, survey_path, municipality="GM0344"):
    """A personal link for a contact of a gemeente, as an invitation mail would carry it."""
    token = secrets.token_urlsafe(32)
    survey_id = survey_path.rstrip("/").split("/")[-1]
    database = sqlite3.connect(pathlib.Path(server.data_dir) / "weerbaar.sqlite", timeout=10)
    try:
        with database:
            database.execute("INSERT INTO survey_participants (survey_id, municipality, responded) VALUES (?, ?, 0) "
                             "ON CONFLICT (survey_id, municipality) DO NOTHING", (survey_id, municipality))
            database.execute("INSERT INTO survey_invitations (id, survey_id, municipality, email, name, token_hash, sent_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)",
                             (str(uuid.uuid4()).upper(), survey_id, municipality, f"{token[:8]}@gemeente.example", "Browsertest",
                              hashlib.sha256(token.encode()).hexdigest(), time.time()))
    finally:
        database.close()
    return "/peiling/" + token

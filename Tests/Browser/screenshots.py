"""Writes the screenshots in docs/screenshots/: home, the catalogue (plain and filtered), an offering
and the newsletter form, at 1280 and 375 px, full page; the first screen of a phone (375 x 812) of
the filtered catalogue and the newsletter form; and, signed in as a redacteur, the needs survey's
matrix as a gemeente answers it, the published results, the white spots, the queue of readers' tips
and a sender's status page. Run: .venv/bin/python Tests/Browser/screenshots.py
(after swift build)."""
import pathlib

from server import ROOT, Server, chrome

SHOTS = {
    "home": "/",
    "aanbod": "/aanbod",
    "aanbod-gefilterd": "/aanbod?q=polarisatie&thema=polarisatie&soort=training",
    "aanbod-detail": "/aanbod/handreiking-demonstraties-en-tegendemonstraties",
    "nieuwsbrief": "/nieuwsbrief",
    "handboek": "/handboek",
    "handboek-fase": "/handboek/fase/escalatie",
    "handboek-begrippen": "/handboek/begrippen",
    "handboek-afdrukken": "/handboek/fase/escalatie/afdrukken",
    "leerroute": "/leerroutes/polarisatie-voor-beleidsmedewerkers",
    "praktijk": "/praktijk",
    "artikel": "/artikelen/almelo-buurtgesprekken-na-brand-bij-moskee",
    "zoeken": "/zoeken?q=sleutelfiguren",
    "magazine": "/magazine",
    "tip-ons": "/tip-ons",
    "agenda": "/agenda",
    "bijeenkomst": "/agenda/themadag-samen-voor-sociale-stabiliteit",
}

# What a phone shows before any scrolling.
PHONE_SCREENS = {
    "telefoon-aanbod-gefilterd": "/aanbod?thema=polarisatie&soort=training",
    "telefoon-nieuwsbrief": "/nieuwsbrief",
}


def full_page(driver, server, path, target, width):
    driver.set_window_size(width, 900)
    driver.get(server.url + path)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(height, 6000))
    driver.save_screenshot(str(target))
    print(target.relative_to(ROOT))


def insight_shots(server, out):
    from insight_fixtures import invitation, open_survey, sign_in

    driver = chrome(1280, 900)
    try:
        survey = open_survey(server, driver, title="Behoeftepeiling (voorbeeld voor de schermafbeelding)")
        link = invitation(server, survey)
        sign_in(driver, server)
        driver.get(server.url + "/beheer/peilingen")
        published = driver.find_element("xpath", "//tr[contains(., 'resultaten openbaar')]//a").get_attribute("href")
        survey_id = published.rstrip("/").split("/")[-1]
        from test_tips import personal_link

        shots = {"witte-vlekken": "/beheer/witte-vlekken", "witte-vlek": "/beheer/witte-vlekken/extremisme/training",
                 "peiling-resultaten": f"/peilingen/{survey_id}", "peiling-matrix": link + "/vraag/1",
                 "tips-wachtrij": "/beheer/tips", "tip-status": personal_link(server),
                 "agenda-beheer": "/beheer/agenda/themadag-samen-voor-sociale-stabiliteit",
                 "agenda-bewerken": "/beheer/agenda/leernetwerk-polarisatie/bewerken"}
        for width in (1280, 375):
            for name, path in shots.items():
                full_page(driver, server, path, out / f"{name}-{width}.png", width)
    finally:
        driver.quit()


def main():
    out = ROOT / "docs/screenshots"
    out.mkdir(parents=True, exist_ok=True)
    server = Server(hostile=False)
    try:
        for width in (1280, 375):
            driver = chrome(width, 900)
            try:
                for name, path in SHOTS.items():
                    driver.set_window_size(width, 900)
                    driver.get(server.url + path)
                    height = driver.execute_script("return document.documentElement.scrollHeight")
                    driver.set_window_size(width, min(height, 6000))
                    target = out / f"{name}-{width}.png"
                    driver.save_screenshot(str(target))
                    print(target.relative_to(ROOT))
            finally:
                driver.quit()
        driver = chrome(375, 812)
        try:
            for name, path in PHONE_SCREENS.items():
                driver.set_window_size(375, 812)
                driver.get(server.url + path)
                target = out / f"{name}-375x812.png"
                driver.save_screenshot(str(target))
                print(target.relative_to(ROOT))
        finally:
            driver.quit()
        insight_shots(server, out)
    finally:
        server.stop()


if __name__ == "__main__":
    main()

"""Writes the screenshots in docs/screenshots/: home, the catalogue (plain and filtered), an offering
and the newsletter form, at 1280 and 375 px, full page; and the first screen of a phone (375 x 812) of
the filtered catalogue and the newsletter form. Run: .venv/bin/python Tests/Browser/screenshots.py
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
}

# What a phone shows before any scrolling.
PHONE_SCREENS = {
    "telefoon-aanbod-gefilterd": "/aanbod?thema=polarisatie&soort=training",
    "telefoon-nieuwsbrief": "/nieuwsbrief",
}


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
    finally:
        server.stop()


if __name__ == "__main__":
    main()

"""Writes the screenshots in docs/screenshots/: home, a filtered catalogue and an offering, at 1280
and 375 px, full page. Run: .venv/bin/python Tests/Browser/screenshots.py (after swift build)."""
import pathlib

from server import ROOT, Server, chrome

SHOTS = {
    "home": "/",
    "aanbod-gefilterd": "/aanbod?q=polarisatie&thema=polarisatie&soort=training",
    "aanbod-detail": "/aanbod/handreiking-demonstraties-en-tegendemonstraties",
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
    finally:
        server.stop()


if __name__ == "__main__":
    main()

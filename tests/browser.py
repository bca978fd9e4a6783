"""What the browser tests share: Debian's chromium, the request recorder, and what a page must show."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from generator.site.render import format_phone

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
PHONE = {"width": 360, "height": 640}
RESULT_LINKS = "#sok-treff li a"  # the search page's results (assets/sok/side.js)
SEARCH_DONE = re.compile(r"treff for|Fant ingenting")


def wait_for_search(page, timeout: int = 15_000) -> None:
    """Until the search page says what it found (its status line), results or none."""
    page.locator("#sok-status").filter(has_text=SEARCH_DONE).wait_for(timeout=timeout)


class Recorder:
    """Every request URL and console message of one browser context."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.requests: list[str] = []
        self.console: list[str] = []

    def foreign(self) -> list[str]:
        # data: and blob: URLs are the page's own memory, not network requests.
        return [url for url in self.requests
                if not url.startswith(("data:", "blob:")) and origin(url) != self.origin]


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def phone_checks(page, catalogue) -> list[str]:
    """What must hold for any page on a 360 px wide phone; returns the failures."""
    failures = []
    bar = page.locator("nav.hn-nodlinje[aria-label='Nødnumre']")
    if bar.count() != 1 or not bar.is_visible():
        return [f"emergency bar not visible (found {bar.count()})"]
    box = bar.bounding_box()
    if box is None or box["y"] < 0 or box["y"] + box["height"] > PHONE["height"]:
        failures.append(f"emergency bar is not within the first screen: {box}")
    text = " ".join(bar.inner_text().split())
    for line in catalogue.emergency_lines:
        number = format_phone(line.kontakt.telefon.verdi)
        if number not in text:
            failures.append(f"emergency bar does not show {number!r}: {text!r}")
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    if widths[0] > widths[1]:
        wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
            .slice(0, 8).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().split(/\\s+/).join('.') : ''))""")
        failures.append(f"horizontal scroll: scrollWidth {widths[0]} > innerWidth {widths[1]}; "
                        f"elements reaching past the right edge: {wide}")
    return failures

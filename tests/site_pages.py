"""The pages the browser gates (axe, zoom, privacy, CSP, focus) visit, taken from the built site itself.

Every generated page names its template in `<meta name="hn-sidetype">` (generator/site/render.py); the gates
visit the largest page of every kind, where the most can go wrong, and every page that names no kind
(a hand-written page in docs_dir). A new kind of page is gated the day it is built.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from tests.browser import wait_for_search

_TYPE = re.compile(r'<meta name="hn-sidetype" content="([^"]+)">')
_REFRESH = re.compile(r'<meta http-equiv="refresh"[^>]*>')
# Not a template but a state of one: the search page with results on it.
SEARCH_WITH_RESULTS = "sok/?q=helsestasjon"


@cache
def _pages_by_type(site: Path) -> tuple[tuple[str, str], ...]:
    largest: dict[str, tuple[int, str]] = {}
    untyped: list[tuple[str, str]] = []
    for file in sorted(site.rglob("*.html")):
        url = file.relative_to(site).as_posix().removesuffix("index.html")
        text = file.read_text(encoding="utf-8")
        kind = _TYPE.search(text)
        if kind is None:
            untyped.append((url, url))
            continue
        size = len(text)
        if kind.group(1) not in largest or size > largest[kind.group(1)][0]:
            largest[kind.group(1)] = (size, url)
    return tuple(sorted((kind, url) for kind, (_, url) in largest.items())) + tuple(untyped)


def page_types(site: Path) -> dict[str, str]:
    """Name -> site-relative URL: one page of every kind, every untyped page, and the search with results."""
    pages = dict(_pages_by_type(site))
    pages["sok-med-treff"] = SEARCH_WITH_RESULTS
    return pages


def stay_on_moved_page(page, url: str, site: Path) -> None:
    """A moved page (meta refresh) is shown as it is, without sending the browser on, so it can be checked."""
    file = site / (url.split("?")[0] + ("index.html" if url.endswith("/") or not url else ""))
    text = file.read_text(encoding="utf-8") if file.is_file() else ""
    if _REFRESH.search(text):
        page.route(f"**/{url}", lambda route: route.fulfill(body=_REFRESH.sub("", text), content_type="text/html"))


def open_page(page, url: str, site: Path) -> None:
    """Go to a page as a reader gets it; a moved page stays put (stay_on_moved_page)."""
    stay_on_moved_page(page, url, site)
    page.goto(url)
    if url.startswith("sok/?"):
        wait_for_search(page)

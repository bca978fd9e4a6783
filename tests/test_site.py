"""The built site of the shipped catalogue: pages, search index, emergency bar, no external hosts, links.

Expected pages and numbers come from the catalogue itself (generator.check.pipeline.load_catalogue),
so these tests keep working as services/ grows.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.check.pipeline import load_catalogue
from generator.check.problems import ProblemsFound, format_report
from generator.site.render import format_phone
from tests.conftest import ROOT

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def catalogue():
    try:
        return load_catalogue(ROOT)
    except ProblemsFound as error:
        pytest.fail("the shipped catalogue does not load:\n" + format_report(error.problems))


# --------------------------------------------------------------------------- HTML helpers

class _PageParser(HTMLParser):
    """What these tests read from one page: <html lang>, h1 text, the emergency bar, data-pagefind-body."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html_lang: str | None = None
        self.h1: list[str] = []
        self.bars: list[dict] = []          # every <nav class="hn-nodlinje">: label, text, hrefs
        self.pagefind_body = False
        self._bar: dict | None = None
        self._nav_depth = 0
        self._h1_depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html" and self.html_lang is None:
            self.html_lang = attributes.get("lang")
        if "data-pagefind-body" in attributes:
            self.pagefind_body = True
        if tag == "h1":
            self._h1_depth += 1
            if self._h1_depth == 1:
                self.h1.append("")
        if tag == "nav":
            if self._bar is not None:
                self._nav_depth += 1
            elif "hn-nodlinje" in (attributes.get("class") or "").split():
                self._bar = {"label": attributes.get("aria-label"), "text": "", "hrefs": []}
                self._nav_depth = 1
        if self._bar is not None and tag == "a" and attributes.get("href"):
            self._bar["hrefs"].append(attributes["href"])

    def handle_endtag(self, tag):
        if tag == "h1" and self._h1_depth:
            self._h1_depth -= 1
        if tag == "nav" and self._bar is not None:
            self._nav_depth -= 1
            if self._nav_depth == 0:
                self._bar["text"] = " ".join(self._bar["text"].split())
                self.bars.append(self._bar)
                self._bar = None

    def handle_data(self, data):
        if self._h1_depth:
            self.h1[-1] += data
        if self._bar is not None:
            self._bar["text"] += data


def parse_page(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# --------------------------------------------------------------------------- pages exist

def _expected_pages(catalogue, kind: str) -> list[tuple[str, str]]:
    """(page path inside the site, name the page's h1 must show) for one kind of catalogue page."""
    if kind == "bydel":
        return [(f"bydeler/{a.id}/index.html", a.navn) for a in catalogue.bydeler]
    if kind == "omrade":
        return [(f"omrader/{a.id}/index.html", a.navn) for a in catalogue.shared_areas]
    if kind == "tjeneste":
        return [(f"tjenester/{s.id}/index.html", s.navn) for s in catalogue.services]
    if kind == "kategori":
        return [(f"kategorier/{c.id}/index.html", c.navn) for c in catalogue.categories]
    raise ValueError(kind)


@pytest.mark.parametrize("kind", ["bydel", "omrade", "tjeneste", "kategori"])
def test_every_catalogue_entry_has_its_page(built_site, catalogue, kind):
    expected = _expected_pages(catalogue, kind)
    if kind in ("bydel", "tjeneste", "kategori"):
        assert expected, f"the catalogue has no {kind} at all"
    missing = [path for path, _ in expected if not (built_site / path).is_file()]
    assert not missing, f"{len(missing)} {kind} page(s) missing from the built site: {missing}"
    wrong_title = []
    unindexed = []
    for path, name in expected:
        page = parse_page(built_site / path)
        if not any(name in " ".join(h.split()) for h in page.h1):
            wrong_title.append(f"{path}: h1 {page.h1!r} does not show {name!r}")
        if not page.pagefind_body:
            unindexed.append(path)
    assert not wrong_title, "\n".join(wrong_title)
    assert not unindexed, f"pages without data-pagefind-body (Pagefind will not index them): {unindexed}"


def test_fixed_pages_exist(built_site):
    for path in ["index.html", "kategorier/index.html", "bydeler/index.html", "sok/index.html",
                 "nodnumre/index.html"]:
        assert (built_site / path).is_file(), f"{path} missing from the built site"


# --------------------------------------------------------------------------- Pagefind index

def test_pagefind_index_exists_for_norwegian_bokmal(built_site, catalogue):
    folder = built_site / "pagefind"
    for name in ["pagefind.js", "pagefind-entry.json"]:
        assert (folder / name).is_file(), f"pagefind/{name} missing"
    for sub in ["index", "fragment"]:
        assert (folder / sub).is_dir() and any((folder / sub).iterdir()), f"pagefind/{sub}/ missing or empty"
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    languages = entry.get("languages", {})
    assert "nb" in languages, f"pagefind-entry.json declares languages {sorted(languages)}, not nb"
    catalogue_pages = len(catalogue.areas) + len(catalogue.services) + len(catalogue.categories)
    indexed = languages["nb"]["page_count"]
    assert indexed >= catalogue_pages, (
        f"Pagefind indexed {indexed} pages, fewer than the {catalogue_pages} catalogue pages")


# --------------------------------------------------------------------------- every page: lang, emergency bar

def test_emergency_numbers_in_the_catalogue(catalogue):
    shown = {format_phone(line.kontakt.telefon.verdi) for line in catalogue.emergency_lines}
    assert {"113", "116 117", "116 111"} <= shown, f"emergency lines in the catalogue show {sorted(shown)}"


def test_every_page_is_norwegian_and_has_the_emergency_bar(built_site, catalogue):
    numbers = [line.kontakt.telefon.verdi for line in catalogue.emergency_lines]
    assert numbers, "the catalogue has no emergency lines"
    pages = html_pages(built_site)
    assert len(pages) > len(catalogue.services), f"only {len(pages)} HTML pages in the site"
    failures = []
    for path in pages:
        name = path.relative_to(built_site).as_posix()
        page = parse_page(path)
        if page.html_lang != "nb":
            failures.append(f"{name}: <html lang={page.html_lang!r}>, expected 'nb'")
        bars = [bar for bar in page.bars if bar["label"] == "Nødnumre"]
        if len(bars) != 1:
            failures.append(f"{name}: {len(bars)} <nav class=\"hn-nodlinje\" aria-label=\"Nødnumre\">, expected 1")
            continue
        bar = bars[0]
        tel_digits = {re.sub(r"\D", "", href.removeprefix("tel:")) for href in bar["hrefs"]
                      if href.startswith("tel:")}
        for number in numbers:
            if format_phone(number) not in bar["text"]:
                failures.append(f"{name}: emergency bar does not show {format_phone(number)!r}: {bar['text']!r}")
            if not any(digits == number or digits == "47" + number for digits in tel_digits):
                failures.append(f"{name}: emergency bar has no tel: link to {number} (links: {bar['hrefs']})")
    assert not failures, f"{len(failures)} problem(s):\n" + "\n".join(failures)


# --------------------------------------------------------------------------- nothing loads from another host

# Any scheme followed by //, or a protocol-relative //host: a request to some other host.
_ABSOLUTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.\-]*:)?//", re.IGNORECASE)
# Hosts that serve fonts, libraries or trackers; a static site that loads nothing from elsewhere has none.
_THIRD_PARTY_HOSTS = re.compile(
    r"fonts\.googleapis\.com|fonts\.gstatic\.com|cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com"
    r"|ajax\.googleapis\.com|googletagmanager\.com|google-analytics\.com|use\.fontawesome\.com"
    r"|kit\.fontawesome\.com|cdn\.skypack\.dev|\besm\.sh|code\.jquery\.com|bootstrapcdn\.com"
    r"|polyfill\.io|cdn\.tailwindcss\.com|static\.cloudflareinsights\.com|plausible\.io",
    re.IGNORECASE)
_TOKEN_END = re.compile(r"""[\s"'`()<>]""")
# <link rel=...> values the browser does not fetch by itself.
_NON_LOADING_RELS = {"canonical", "alternate", "author", "help", "license", "next", "prev", "me",
                     "bookmark", "external", "nofollow", "noopener", "noreferrer"}
# (tag, attribute) pairs whose URL the browser requests without the user choosing to.
_LOADING_ATTRIBUTES = {
    ("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"), ("source", "srcset"),
    ("iframe", "src"), ("frame", "src"), ("embed", "src"), ("object", "data"), ("video", "src"),
    ("video", "poster"), ("audio", "src"), ("track", "src"), ("input", "src"), ("form", "action"),
    ("button", "formaction"), ("input", "formaction"), ("base", "href"), ("use", "href"),
    ("use", "xlink:href"), ("image", "href"), ("image", "xlink:href"), ("link", "imagesrcset"),
    ("body", "background"), ("table", "background"), ("td", "background"),
}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.{0,4000}?)\1\s*\)""", re.IGNORECASE | re.DOTALL)
_CSS_IMPORT = re.compile(r"""@import\s+(['"])(.*?)\1""", re.IGNORECASE)
_JS_LOADS = [
    ("fetch()", re.compile(r"""\bfetch\(\s*(['"`])(.*?)\1""")),
    ("import()", re.compile(r"""\bimport\(\s*(['"`])(.*?)\1""")),
    ("import from", re.compile(r"""\bimport\s+(?:[\w$*{},\s]+\s+from\s+)?(['"])(.*?)\1""")),
    ("importScripts()", re.compile(r"""\bimportScripts\(\s*(['"`])(.*?)\1""")),
    ("new Worker()", re.compile(r"""\bnew\s+(?:Shared)?Worker\(\s*(['"`])(.*?)\1""")),
    ("sendBeacon()", re.compile(r"""\bsendBeacon\(\s*(['"`])(.*?)\1""")),
    ("new WebSocket()", re.compile(r"""\bnew\s+WebSocket\(\s*(['"`])(.*?)\1""")),
    ("new EventSource()", re.compile(r"""\bnew\s+EventSource\(\s*(['"`])(.*?)\1""")),
    ("XMLHttpRequest.open()", re.compile(r"""\.open\(\s*['"][A-Za-z]+['"]\s*,\s*(['"`])(.*?)\1""")),
]


def _srcset_urls(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def _third_party_hosts(text: str) -> list[str]:
    """Each mention of a CDN, font or tracker host, with the URL around it (linear time: some of the
    JavaScript Material ships is hundreds of kB of minified text)."""
    found = []
    for m in _THIRD_PARTY_HOSTS.finditer(text):
        before = _TOKEN_END.split(text[max(0, m.start() - 300):m.start()])[-1]
        after = _TOKEN_END.split(text[m.end():m.end() + 300])[0]
        found.append(f"third-party host: {before}{m.group(0)}{after}")
    return found


def external_loads_in_css(text: str) -> list[str]:
    found = [f"CSS url({m.group(2)})" for m in _CSS_URL.finditer(text) if _ABSOLUTE.match(m.group(2))]
    found += [f"CSS @import {m.group(2)}" for m in _CSS_IMPORT.finditer(text) if _ABSOLUTE.match(m.group(2))]
    found += _third_party_hosts(text)
    return found


def external_loads_in_js(text: str) -> list[str]:
    found = []
    for what, pattern in _JS_LOADS:
        found += [f"JS {what} {m.group(2)}" for m in pattern.finditer(text) if _ABSOLUTE.match(m.group(2))]
    found += _third_party_hosts(text)
    return found


class _ResourceScanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._raw: tuple[str, bool] | None = None   # ("script"|"style", inline?)

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        for name, value in attributes.items():
            if (tag, name) in _LOADING_ATTRIBUTES:
                urls = _srcset_urls(value) if name.endswith("srcset") else [value]
                self.found += [f"<{tag} {name}={url}>" for url in urls if _ABSOLUTE.match(url)]
        if tag == "link" and _ABSOLUTE.match(attributes.get("href", "")):
            rels = set(attributes.get("rel", "").lower().split())
            if not rels or not rels <= _NON_LOADING_RELS:
                self.found.append(f"<link rel={attributes.get('rel', '')!r} href={attributes['href']}>")
        if tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh":
            target = re.search(r"url\s*=\s*['\"]?([^'\";]+)", attributes.get("content", ""), re.IGNORECASE)
            if target and _ABSOLUTE.match(target.group(1)):
                self.found.append(f"<meta http-equiv=refresh url={target.group(1)}>")
        if "style" in attributes:
            self.found += [f"style attribute on <{tag}>: {f}" for f in external_loads_in_css(attributes["style"])]
        if tag in ("script", "style"):
            self._raw = (tag, tag == "style" or "src" not in attributes)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in ("script", "style"):
            self._raw = None

    def handle_endtag(self, tag):
        if self._raw and tag == self._raw[0]:
            self._raw = None

    def handle_data(self, data):
        if self._raw and self._raw[1]:
            scan = external_loads_in_css if self._raw[0] == "style" else external_loads_in_js
            self.found += [f"inline <{self._raw[0]}>: {f}" for f in scan(data)]


def external_loads_in_html(text: str) -> list[str]:
    """Every URL on another host that this HTML makes the browser request by itself.

    Plain <a href> links are not requests the page makes, so they are not reported.
    """
    scanner = _ResourceScanner()
    scanner.feed(text)
    scanner.close()
    return scanner.found


def external_loads_in_site(site: Path) -> list[str]:
    scanners = {".html": external_loads_in_html, ".htm": external_loads_in_html,
                ".css": external_loads_in_css, ".js": external_loads_in_js, ".mjs": external_loads_in_js}
    found = []
    for path in sorted(site.rglob("*")):
        scan = scanners.get(path.suffix.lower())
        if scan and path.is_file():
            name = path.relative_to(site).as_posix()
            found += [f"{name}: {what}" for what in scan(path.read_text(encoding="utf-8", errors="replace"))]
    return found


@pytest.mark.parametrize("snippet", [
    '<head><link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto"></head>',
    '<head><link rel="preconnect" href="https://fonts.gstatic.com" crossorigin></head>',
    '<script src="//cdn.jsdelivr.net/npm/x.js"></script>',
    '<img src="https://example.org/logo.png" alt="">',
    '<img srcset="a.png 1x, https://example.org/b.png 2x" alt="">',
    '<iframe src="https://www.youtube.com/embed/x"></iframe>',
    '<form action="https://search.example.org/"><input name="q"></form>',
    '<style>@import "https://example.org/x.css";</style>',
    '<style>body { background: url(https://example.org/bg.png) }</style>',
    '<div style="background-image: url(\'//example.org/bg.png\')"></div>',
    '<script>fetch("https://api.example.org/data.json")</script>',
    '<link rel="icon" href="https://example.org/favicon.ico">',
])
def test_scanner_catches_a_resource_from_another_host(snippet):
    assert external_loads_in_html(snippet), f"scanner missed: {snippet}"


def test_scanner_catches_google_fonts_and_cdn_in_css_and_js():
    assert external_loads_in_css("@font-face{src:url(https://fonts.gstatic.com/s/roboto.woff2)}")
    assert external_loads_in_css('@import url("https://fonts.googleapis.com/css2?family=Inter");')
    assert external_loads_in_js('const m = await import("https://unpkg.com/lib@1/x.js")')
    assert external_loads_in_js('s.src="https://cdn.jsdelivr.net/npm/mermaid"')


def test_scanner_allows_plain_links_and_same_site_resources():
    snippet = """<html lang="nb"><head>
      <link rel="stylesheet" href="../assets/navigator.css"><script type="module" src="/assets/sok/side.js"></script>
      <link rel="canonical" href="https://hjelp.example.org/sok/">
      <style>.x { background: url(data:image/png;base64,AAAA) } .y { background: url(../img/y.png) }</style>
    </head><body>
      <a href="https://www.oslo.kommune.no/bydeler/bydel-sagene/">oslo.kommune.no</a>
      <a href="tel:113">113</a> <img src="../assets/images/favicon.png" alt="">
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18"/></svg>
      <form action="../sok/" method="get"><input name="q"></form>
      <script>fetch("../pagefind/pagefind-entry.json")</script>
    </body></html>"""
    assert external_loads_in_html(snippet) == []


def test_nothing_in_the_site_loads_from_another_host(built_site):
    found = external_loads_in_site(built_site)
    assert not found, ("the built site makes the browser contact other hosts "
                       f"({len(found)} finding(s)):\n" + "\n".join(found))


# --------------------------------------------------------------------------- internal links

LINKCHECKER = Path(sys.executable).parent / "linkchecker"


def _linkcheck(start: Path) -> subprocess.CompletedProcess:
    # On a local file no --check-extern means: follow and check file: URLs only, never fetch
    # http(s) ones. --no-warnings keeps the report to errors; the exit code is 1 on any error.
    return subprocess.run(
        [sys.executable, str(LINKCHECKER), "--no-status", "--no-warnings", "--threads", "4", str(start)],
        capture_output=True, text=True, timeout=600)


def test_linkchecker_catches_a_broken_internal_link():
    """The options used below really report a broken internal link (and ignore external ones)."""
    holder = Path(tempfile.mkdtemp(prefix="hjelpenavigator-linkcheck-"))
    try:
        holder.chmod(0o755)   # linkchecker run as root reads as user nobody
        (holder / "finnes").mkdir(mode=0o755)
        (holder / "finnes" / "index.html").write_text("<html><body>ok</body></html>", encoding="utf-8")
        start = holder / "index.html"
        start.write_text('<html><body><a href="finnes/">ok</a> <a href="https://example.invalid/">ute</a>'
                         ' <a href="tel:113">113</a> <a href="mangler/">borte</a></body></html>',
                         encoding="utf-8")
        for path in holder.rglob("*"):
            path.chmod(0o755 if path.is_dir() else 0o644)
        result = _linkcheck(start)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "mangler/" in result.stdout and "1 error found" in result.stdout, result.stdout
        assert "example.invalid" not in result.stdout, "an external link was checked or reported"
    finally:
        shutil.rmtree(holder, ignore_errors=True)


def test_no_broken_internal_links(built_site):
    assert LINKCHECKER.exists(), f"{LINKCHECKER} is missing: install the test extras"
    result = _linkcheck(built_site / "index.html")
    report = result.stdout + result.stderr
    assert result.returncode == 0, f"linkchecker exited {result.returncode}:\n{report}"
    assert "0 errors found" in result.stdout, report

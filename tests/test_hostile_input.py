"""Hostile input: a catalogue whose every text field carries script and HTML payloads.

tests/fixtures/hostile is a copy of the fixture catalogue with `<script>`, `onerror=`, `javascript:`
URLs, Markdown link tricks, `{{ 7*7 }}`, `---` and quotes and newlines in every text field of the
services and the path. Lines ending in `# ugyldig-url` put a non-https address in a URL field:
the check must refuse each of them. With those lines fixed the site must build, and no payload may
reach the pages as markup: not in the HTML, and not in the browser (window.__pwned stays undefined).
"""
from __future__ import annotations

import html
import re
import shutil
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from playwright.sync_api import expect

from generator.check.pipeline import check
from tests.conftest import ROOT, mkdocs_build
from tests.http_server import serve_directory
from tests.browser import RESULT_LINKS, wait_for_search
from tests.site_pages import stay_on_moved_page
from tests.conftest import mkdocs_project


HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
BAD_URL_MARK = "# ugyldig-url"
# Valid https, so the check lets it through, and still hostile: it must end up escaped in href.
FIXED_URL = "'https://fikset.example.org/\"><script>window.__pwned=1</script>'"
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
ESCAPED_IMG = "&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;"  # as Jinja's autoescape writes it
MARKDOWN_LINK = "[klikk](javascript:window.__pwned=1)"
JINJA = "{{ 7*7 }}"
SORBY = 'Bydel <img src=x onerror="window.__pwned=1"> Sørby {{ 7*7 }}'  # omrade.navn in sorby.yml
# Set whenever a payload writes window.__pwned; the getter keeps returning what was written.
TRAP = """(() => {
  let value;
  Object.defineProperty(window, "__pwned", {
    configurable: false,
    get() { return value; },
    set(v) { value = v; console.error("PWNED " + location.href); },
  });
})();"""


def _bad_url_lines() -> set[tuple[str, int]]:
    """(file, line) of every line the fixture marks as a non-https address in a URL field."""
    found = set()
    for path in sorted(HOSTILE.rglob("*.yml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.rstrip().endswith(BAD_URL_MARK):
                found.add((path.relative_to(HOSTILE).as_posix(), number))
    return found


def _fix_bad_urls(root: Path) -> None:
    for path in root.rglob("*.yml"):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        for index, line in enumerate(lines):
            if line.rstrip().endswith(BAD_URL_MARK):
                key = re.match(r"^(\s*(?:- )?[a-z_]+: )", line)
                assert key, f"{path}:{index + 1}: marked line without a key"
                lines[index] = key.group(1) + FIXED_URL + "\n"
        path.write_text("".join(lines), encoding="utf-8")


def test_the_fixture_carries_every_payload_in_services_and_the_path():
    texts = {p.relative_to(HOSTILE).as_posix(): p.read_text(encoding="utf-8") for p in HOSTILE.rglob("*.yml")}
    assert set(texts) == {"services/kategorier.yml", "services/nasjonale.yml", "services/nordby.yml",
                          "services/oslo.yml", "services/sorby.yml", "services/kriseord.yml",
                          "journeys/test-sti.yml"}
    everything = "\n".join(texts.values())
    for payload in [SCRIPT, IMG, MARKDOWN_LINK, JINJA, "\n      ---\n", '\\"', "\\n"]:
        assert payload in everything, payload
    assert any("javascript:" in line for line in everything.splitlines() if line.rstrip().endswith(BAD_URL_MARK))


def test_the_check_refuses_every_javascript_url_with_file_and_line(tmp_path):
    shutil.copytree(HOSTILE, tmp_path, dirs_exist_ok=True)
    marked = _bad_url_lines()
    assert len(marked) >= 5

    catalogue, problems = check(tmp_path)

    assert catalogue is None
    url_problems = [p for p in problems if p.kind == "https_url"]
    assert {(p.file, p.line) for p in url_problems} == marked, "\n".join(p.format() for p in problems)
    for found in url_problems:
        text = found.format()
        line = (tmp_path / found.file).read_text(encoding="utf-8").splitlines()[found.line - 1]
        value = line.split(":", 1)[1].split(BAD_URL_MARK)[0].strip().strip("'\"")
        assert text.startswith(f"{found.file}:{found.line}:{found.column}: feil i feltet «"), text
        assert f"«{value}»" in text and "https://" in text, text
    # The javascript: text in names and descriptions is only text: no problem points at it. What else
    # is reported follows from the refused files (their emergency lines are missing).
    others = {p.kind for p in problems} - {"https_url"}
    assert others <= {"missing_emergency_line"}, "\n".join(p.format() for p in problems)


@pytest.mark.parametrize("url", ["https://[nordby.example.org/", "https://nordby.example.org]/",
                                 "https://nordby.example\uff0forg/"])
def test_the_check_refuses_an_address_the_pages_could_not_show(project, url):
    # These match the https pattern, but urlsplit (used to show the host) raises on them:
    # the check must refuse them instead of the build failing with a traceback.
    project.replace("services/nordby.yml", "kilde: https://nordby.example.org/hfu\n",
                    f"kilde: '{url}'\n")

    catalogue, problems = check(project.root)

    assert catalogue is None
    assert [(p.kind, p.file, p.line) for p in problems] == [("https_url", "services/nordby.yml", 46)]


class _Writer:
    """Enough of conftest's `project` for mkdocs_project()."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site():
    holder = Path(tempfile.mkdtemp(prefix="hjelpenavigator-hostile-"))
    try:
        shutil.copytree(HOSTILE, holder, dirs_exist_ok=True)
        _fix_bad_urls(holder)
        catalogue, problems = check(holder)
        assert not problems, "with the URL fields fixed the check must pass:\n" + "\n".join(
            p.format() for p in problems)
        mkdocs_project(_Writer(holder))
        result = mkdocs_build(holder)
        output = result.stdout + result.stderr
        assert result.returncode == 0, output
        assert "Traceback" not in output and "WARNING" not in output, output
        yield holder / "build" / "site"
    finally:
        shutil.rmtree(holder, ignore_errors=True)


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


class _Markup(HTMLParser):
    """What the browser would see as markup: tags, attributes, and the text of script elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._in_script = tag == "script"
        if tag == "script":
            self.scripts.append("")

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def _markup_failures(page: Path, text: str) -> list[str]:
    failures = []
    for raw in ["<script>window.__pwned", "<img src=x", "<svg onload", "<svg/onload"]:
        if raw in text:
            failures.append(f"raw {raw!r}")
    if re.search(r"""(href|src|action)\s*=\s*["']?\s*(javascript|data):""", text, re.IGNORECASE):
        failures.append("a javascript: or data: address in href/src/action")
    parser = _Markup()
    parser.feed(text)
    for tag, attrs in parser.tags:
        for name, value in attrs:
            if name.startswith("on"):
                failures.append(f"<{tag} {name}={value!r}>")
            if name in {"href", "src", "action", "formaction"} and value and \
                    value.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                failures.append(f"<{tag} {name}={value!r}>")
    failures += [f"<script> with {script.strip()[:80]!r}" for script in parser.scripts if "__pwned" in script]
    return [f"{page}: {failure}" for failure in failures]


def test_no_payload_reaches_the_html_as_markup(hostile_site):
    pages = _pages(hostile_site)
    assert len(pages) > 40
    failures = []
    for page in pages:
        failures += _markup_failures(page.relative_to(hostile_site), page.read_text(encoding="utf-8"))
    assert not failures, "\n".join(failures)
    # Not vacuous: the payloads are on the pages, as text.
    service = (hostile_site / "tjenester" / "familieteamet-nordby" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in service
    assert ESCAPED_IMG in service
    assert "https://fikset.example.org/&#34;&gt;&lt;script&gt;" in service


def test_the_markup_check_catches_an_unescaped_payload():
    for payload in [SCRIPT, IMG, '<a href="javascript:window.__pwned=1">x</a>', '<p onclick=x>', "<svg/onload=x>"]:
        assert _markup_failures(Path("x.html"), f"<p>{payload}</p>"), payload
    assert not _markup_failures(Path("x.html"), f"<p>{html.escape(SCRIPT + IMG + MARKDOWN_LINK)}</p>")


def test_jinja_looking_text_markdown_links_and_front_matter_stay_text(hostile_site):
    service = (hostile_site / "tjenester" / "familieteamet-nordby" / "index.html").read_text(encoding="utf-8")
    h1 = re.search(r"<h1>(.*?)</h1>", service, re.DOTALL).group(1)
    assert JINJA in h1 and "49" not in h1, h1
    title = re.search(r"<title>(.*?)</title>", service, re.DOTALL).group(1)
    assert title.startswith("Familie&lt;script&gt;window.__pwned=1&lt;/script&gt;teamet"), title
    # The "---" block in the description is body text, not a second front matter.
    assert "---\ntitle: &lt;script&gt;window.__pwned=1&lt;/script&gt;\ntemplate: main.html\n---" in service
    assert MARKDOWN_LINK in service
    for page in _pages(hostile_site):
        assert "49" not in re.sub(r"\d{3,}|\d+\.\d+", "", _visible_text(page)), f"{page}: 7*7 was evaluated"


def _visible_text(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"<(script|style|svg)\b.*?</\1>", "", text, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


@pytest.fixture(scope="module")
def base_url(hostile_site):
    """Overrides test_browser's base_url, so open_context serves the hostile site."""
    with serve_directory(hostile_site) as url:
        yield url


def _trapped_context(open_context):
    context, recorder = open_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(TRAP)
    return context, recorder


def _pwned(recorder) -> list[str]:
    return [line for line in recorder.console if "PWNED" in line]


@pytest.mark.browser
def _serve(body: str):
    return lambda route: route.fulfill(body=body, content_type="text/html")


def test_the_browser_trap_fires_on_an_unescaped_payload(open_context, base_url, hostile_site):
    # The same page with one payload unescaped: without the site's Content-Security-Policy the trap sees it
    # run, so the test below can be trusted; with the policy, the browser refuses to run it at all.
    page_html = (hostile_site / "tjenester" / "familieteamet-nordby" / "index.html").read_text(encoding="utf-8")
    assert ESCAPED_IMG in page_html
    broken = page_html.replace(ESCAPED_IMG, IMG)
    unprotected = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", broken)
    assert unprotected != broken
    for body, runs in ((unprotected, True), (broken, False)):
        context, recorder = _trapped_context(open_context)
        context.route(f"{base_url}kontroll/", _serve(body))
        page = context.new_page()
        page.goto("kontroll/")  # the load event waits for the image, and so for its onerror
        assert (page.evaluate("() => window.__pwned") == 1) is runs
        assert bool(_pwned(recorder)) is runs


@pytest.mark.browser
def test_visiting_every_page_of_the_hostile_site_runs_no_payload(open_context, hostile_site):
    context, recorder = _trapped_context(open_context)
    page = context.new_page()
    failures = []
    pages = _pages(hostile_site)
    for file in pages:
        path = file.relative_to(hostile_site).as_posix().removesuffix("index.html")
        stay_on_moved_page(page, path, hostile_site)  # an old bydel's page holds the editor's old name too
        response = page.goto(path)
        if response is None or response.status != 200:
            failures.append(f"{path}: HTTP {response.status if response else 'no response'}")
            continue
        page.wait_for_load_state("load")
        value = page.evaluate("() => typeof window.__pwned")
        if value != "undefined":
            failures.append(f"{path}: window.__pwned is {value}")
    assert len(pages) > 40
    assert not failures and not _pwned(recorder), "\n".join(failures + _pwned(recorder))
    assert not recorder.foreign(), f"requests left {recorder.origin}: {recorder.foreign()}"


@pytest.mark.browser
@pytest.mark.parametrize("query", ["klikk", "pwned", "script", IMG, "<script>window.__pwned=1</script>", "zzkriseord"])
def test_search_results_and_the_query_stay_text(open_context, query):
    # The indexed text holds every payload; the search page writes results, the query and filters as text.
    context, recorder = _trapped_context(open_context)
    page = context.new_page()
    page.goto(f"sok/?q={quote(query)}")
    wait_for_search(page)
    page.wait_for_timeout(300)  # let the excerpts render
    shown = page.locator(RESULT_LINKS).count()
    assert query in page.locator("#sok-status").inner_text()
    if query == "zzkriseord":
        # A crisis word no page holds: the help box, and no «try another word».
        assert shown == 0
        expect(page.locator("#sok-krise")).to_be_visible()
        expect(page.locator("#sok-hjelp")).to_be_hidden()
    if query == "klikk":
        assert shown > 0, "searching for a word on the hostile pages found nothing"
        assert "window.__pwned" in page.locator("#sok-treff").inner_text()
        # Filter values are editors' text: they must arrive as text, neither run nor shown with entities.
        page.locator("#sok-filter summary").click()
        page.locator("#sok-filtre label").first.wait_for(timeout=15_000)
        labels = {re.sub(r" \(\d+\)$", "", label.strip())
                  for label in page.locator("#sok-filtre label").all_text_contents()}
        categories = yaml.safe_load((HOSTILE / "services" / "kategorier.yml").read_text(encoding="utf-8"))
        akutt = next(k["navn"] for k in categories["kategorier"] if k["id"] == "akutt")
        assert "&lt;img" in akutt and "&amp;lt;img" in akutt
        assert {SORBY, akutt} <= labels, labels
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert not _pwned(recorder), _pwned(recorder)
    assert not recorder.foreign(), f"requests left {recorder.origin}: {recorder.foreign()}"

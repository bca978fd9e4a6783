"""The Content-Security-Policy: first in every page's <head>, no 'unsafe-inline' for scripts, and it works."""
from __future__ import annotations

import re

import pytest

from generator.mkdocs.csp import host_headers, inline_script_hashes, policy, with_policy
from tests.site_pages import open_page, page_types

_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
# Collects the violations a page reports, from before its first script runs.
VIOLATIONS = """window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__violations.push(e.effectiveDirective + " " + e.blockedURI));"""


def _directives(text: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in text.split(";") if part.strip()}


def test_every_built_page_starts_its_head_with_a_policy_that_allows_exactly_its_scripts(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert pages
    for file in pages:
        text = file.read_text(encoding="utf-8")
        head = re.search(r"<head>\s*(<[^>]*>)", text)
        assert head and _POLICY.fullmatch(head.group(1)), f"{file}: the policy is not the first element of <head>"
        assert len(_POLICY.findall(text)) == 1, f"{file}: more than one policy"
        directives = _directives(_POLICY.search(text).group(1))
        assert "'unsafe-inline'" not in directives["script-src"] and "'unsafe-eval'" not in directives["script-src"], file
        assert directives["object-src"] == ["'none'"] and directives["base-uri"] == ["'none'"], file
        assert directives["form-action"] == ["'self'"] and directives["default-src"] == ["'self'"], file
        allowed = {s for s in directives["script-src"] if s.startswith("'sha256-")}
        assert allowed == set(inline_script_hashes(text)), f"{file}: the hashes are not those of its inline scripts"


def test_the_host_header_files_carry_the_policy_for_every_page(built_site):
    every_hash = set()
    for file in built_site.rglob("*.html"):
        every_hash |= set(inline_script_hashes(file.read_text(encoding="utf-8")))
    netlify = (built_site / "_headers").read_text(encoding="utf-8")
    nginx = (built_site / "nginx-sikkerhet.conf").read_text(encoding="utf-8")
    header = re.search(r"^  Content-Security-Policy: (.*)$", netlify, re.M).group(1)
    assert header in nginx
    directives = _directives(header)
    assert every_hash and {s for s in directives["script-src"] if s.startswith("'sha256-")} == every_hash
    assert directives["frame-ancestors"] == ["'none'"]  # a header can say this, a <meta> cannot


def test_hashes_cover_only_scripts_the_browser_runs():
    page = ('<html><head><title>x</title></head><body><script>a()</script><script src="b.js"></script>'
            '<script type="application/json">{"c": 1}</script><script type="module">d()</script>'
            '<script>a()</script></body></html>')
    hashes = inline_script_hashes(page)
    assert len(hashes) == 2  # a() once, d(); not the file, not the JSON
    placed = with_policy(with_policy(page))
    assert placed.startswith('<html><head><meta http-equiv="Content-Security-Policy"')
    assert placed.count("Content-Security-Policy") == 1
    assert all(h in policy(hashes) for h in hashes)
    assert "frame-ancestors" in host_headers(hashes)["_headers"]


@pytest.mark.browser
def test_the_browser_refuses_a_foreign_image_and_an_injected_inline_script(open_context):
    context, _ = open_context()
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    page.goto("./")
    page.evaluate("""() => {
        const img = document.createElement("img");
        img.src = "https://example.org/spor.png";
        document.body.append(img);
        const script = document.createElement("script");
        script.textContent = "window.__ran = true";
        document.body.append(script);
        const handler = document.createElement("div");
        handler.setAttribute("onclick", "window.__clicked = true");
        document.body.append(handler);
        handler.click();
    }""")
    # Violations are reported asynchronously (the policy forbids wait_for_function's eval): poll for them.
    for _ in range(50):
        violations = page.evaluate("() => window.__violations")
        if len(violations) >= 3:
            break
        page.wait_for_timeout(100)
    assert any(v.startswith("img-src https://example.org/") for v in violations), violations
    assert sum(v.startswith("script-src") for v in violations) >= 2, violations  # the script and the handler
    assert page.evaluate("() => [window.__ran, window.__clicked]") == [None, None]


@pytest.mark.browser
def test_no_page_breaks_its_own_policy(open_context, built_site):
    context, recorder = open_context()
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    failures = []
    for name, url in page_types(built_site).items():
        open_page(page, url, built_site)
        page.wait_for_load_state("load")
        violations = page.evaluate("() => window.__violations")
        if violations:
            failures.append(f"{name} ({url}): {violations}")
    console = [line for line in recorder.console if "Content Security Policy" in line]
    assert not failures and not console, "\n".join(failures + console)

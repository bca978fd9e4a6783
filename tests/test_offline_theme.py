"""The theme's CDN fallbacks are removed from the built site, and the browser is told to refuse others."""
from __future__ import annotations

from generator.mkdocs.offline_theme import EMPTY_SCRIPT, remove_third_party_loaders


def test_unpkg_loaders_are_replaced_and_source_maps_removed(tmp_path):
    scripts = tmp_path / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    bundle = scripts / "bundle.abc.min.js"
    bundle.write_text('a=_t("https://unpkg.com/resize-observer-polyfill");b=_t("https://unpkg.com/mermaid@11/dist/mermaid.min.js");c="https://example.org/link"')
    (scripts / "bundle.abc.min.js.map").write_text('{"sources":["https://unpkg.com/x"]}')

    removed = remove_third_party_loaders(tmp_path)

    assert removed == ["https://unpkg.com/resize-observer-polyfill", "https://unpkg.com/mermaid@11/dist/mermaid.min.js"]
    text = bundle.read_text()
    assert "unpkg" not in text and text.count(EMPTY_SCRIPT) == 2
    assert "https://example.org/link" in text
    assert not (scripts / "bundle.abc.min.js.map").exists()


def test_every_built_page_forbids_requests_to_other_hosts(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'http-equiv="Content-Security-Policy" content="default-src \'self\';' in html, page
        assert "connect-src 'self'" in html and "font-src 'self'" in html, page

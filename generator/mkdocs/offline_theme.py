"""Material's script bundle can fall back to loading code from unpkg.com (a ResizeObserver polyfill
for old browsers, and mermaid for diagrams, which this site has none of). A health site must not
make such requests, so after the build those addresses are replaced with an empty data: script.
The Content-Security-Policy in site_overrides/main.html would block them anyway; this removes
the references themselves."""
from __future__ import annotations

import re
from pathlib import Path

THIRD_PARTY_LOADER = re.compile(r"https://unpkg\.com/[A-Za-z0-9@./_-]+")
EMPTY_SCRIPT = "data:text/javascript,"


def remove_third_party_loaders(site_dir: Path) -> list[str]:
    """Rewrite the theme's bundles in place; returns the addresses that were removed."""
    removed: list[str] = []
    for bundle in (site_dir / "assets" / "javascripts").glob("*.js"):
        text = bundle.read_text(encoding="utf-8")
        found = THIRD_PARTY_LOADER.findall(text)
        if found:
            bundle.write_text(THIRD_PARTY_LOADER.sub(EMPTY_SCRIPT, text), encoding="utf-8")
            removed += found
    # The source maps repeat those addresses and serve no reader.
    for source_map in (site_dir / "assets" / "javascripts").glob("*.js.map"):
        source_map.unlink()
    return removed

"""One head: `python -m generator render` writes exactly the files the MkDocs build publishes from the catalogue."""
from __future__ import annotations

import subprocess
import sys

from generator.views.addresses import page_url
from tests.conftest import ROOT

# Published by MkDocs and the theme themselves, not from the catalogue.
THEME_PAGES = {"404.html"}


def test_the_command_line_writes_what_the_build_publishes(built_site, tmp_path):
    out = tmp_path / "ut"
    subprocess.run([sys.executable, "-m", "generator", "render", str(out)], cwd=ROOT, check=True,
                   capture_output=True, text=True, timeout=300)
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert any(p.startswith("api/") for p in written) and "assets/bydelsgrenser.json" in written, written[:5]

    missing, differ, from_catalogue = [], [], set()
    for path in written:
        if path.endswith(".md"):
            published = f"{page_url(path)}index.html"
        else:
            published = path
            if (built_site / path).is_file() and (built_site / path).read_bytes() != (out / path).read_bytes():
                differ.append(path)
        from_catalogue.add(published)
        if not (built_site / published).is_file():
            missing.append(f"{path} -> {published}")
    assert not missing and not differ, f"not published: {missing[:10]}; published differently: {differ[:10]}"

    pages = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    assert pages - from_catalogue == THEME_PAGES, sorted(pages - from_catalogue)[:10]

"""The same catalogue gives the same site, byte for byte.

Two throwaway projects in different folders, built with different Python hash seeds and the same
SOURCE_DATE_EPOCH (MkDocs takes the pages' update date, the sitemap's <lastmod> and the gzip
timestamp of sitemap.xml.gz from it; without it they follow the day of the build), must write
identical files. The one exception is Pagefind's filter index: Pagefind
1.5.2 writes each filter's values in hash-map order, which changes from run to run, and so the
names of the filter files, the meta file that lists them and pagefind-entry.json (which names the
meta file) change too. Those files are compared for what they hold instead of byte for byte.

This test also caught Pagefind's Python API cutting files short when the machine was busy
(see generator/mkdocs/search_index.py).
"""
from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_CATALOGUE, mkdocs_build
from tests.conftest import mkdocs_project


SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01T00:00:00Z
# Pagefind's output whose bytes follow hash-map order (see the module docstring), by name.
UNORDERED = [re.compile(r"pagefind/filter/[a-z]+_[0-9a-f]+\.pf_filter"),
             re.compile(r"pagefind/pagefind\.[a-z]+_[0-9a-f]+\.pf_meta"),
             re.compile(r"pagefind/pagefind-entry\.json")]


class _Writer:
    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _build(root: Path, hash_seed: str) -> dict[str, bytes]:
    shutil.copytree(FIXTURE_CATALOGUE, root, dirs_exist_ok=True)
    mkdocs_project(_Writer(root))
    result = mkdocs_build(root, env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "PYTHONHASHSEED": hash_seed})
    assert result.returncode == 0, result.stdout + result.stderr
    site = root / "build" / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    first = _build(tmp_path_factory.mktemp("forste-bygg"), hash_seed="1")
    second = _build(tmp_path_factory.mktemp("andre-bygg-i-en-annen-mappe"), hash_seed="2")
    return first, second


def _unordered(name: str) -> bool:
    return any(pattern.fullmatch(name) for pattern in UNORDERED)


@pytest.mark.site
def test_two_builds_write_the_same_files_byte_for_byte(two_builds):
    first, second = two_builds
    assert "sitemap.xml" in first and "sitemap.xml.gz" in first and "pagefind/pagefind.js" in first
    # The sitemap lists no pages (mkdocs.yml has no site_url); its gzip header carries the pinned date.
    assert int.from_bytes(first["sitemap.xml.gz"][4:8], "little") == int(SOURCE_DATE_EPOCH)

    ordered_first = {name for name in first if not _unordered(name)}
    ordered_second = {name for name in second if not _unordered(name)}
    assert ordered_first == ordered_second, sorted(ordered_first ^ ordered_second)
    differ = sorted(name for name in ordered_first if first[name] != second[name])
    assert not differ, f"these files differ between two builds: {differ}"
    # Everything else, HTML, assets, sitemap and the rest of Pagefind's index, is compared.
    assert len(ordered_first) > 100
    assert sum(name.startswith("pagefind/") for name in ordered_first) > 10


@pytest.mark.site
def test_pagefinds_filter_index_holds_the_same_in_any_order(two_builds):
    first, second = two_builds

    def unordered(build: dict[str, bytes], kind: str) -> list[str]:
        return [name for name in build if _unordered(name) and kind in name]

    for kind in ["pf_filter", "pf_meta"]:
        assert len(unordered(first, kind)) == len(unordered(second, kind)) > 0, kind
    # A filter file lists values in any order: the same bytes, possibly shuffled.
    filters_first = sorted(sorted(gzip.decompress(first[n])) for n in unordered(first, "pf_filter"))
    filters_second = sorted(sorted(gzip.decompress(second[n])) for n in unordered(second, "pf_filter"))
    assert filters_first == filters_second

    def entry(build):
        data = json.loads(build["pagefind/pagefind-entry.json"])
        for language in data["languages"].values():
            language.pop("hash")
        return data

    assert entry(first) == entry(second)

"""Shared fixtures: the project root, throwaway projects, and the shipped site built once."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_CATALOGUE = ROOT / "tests" / "fixtures" / "catalogue"
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture
def project(tmp_path: Path):
    """A copy of the fixture catalogue to break on purpose; returns a writer for its files."""
    shutil.copytree(FIXTURE_CATALOGUE, tmp_path, dirs_exist_ok=True)

    class Project:
        root = tmp_path

        def write(self, relative: str, text: str) -> Path:
            path = tmp_path / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return path

        def read(self, relative: str) -> str:
            return (tmp_path / relative).read_text(encoding="utf-8")

        def replace(self, relative: str, old: str, new: str) -> None:
            text = self.read(relative)
            assert old in text, f"{old!r} not in {relative}"
            self.write(relative, text.replace(old, new, 1))

    return Project()


@pytest.fixture(scope="session")
def built_site():
    """The shipped catalogue built with MkDocs exactly as `make build` does, into a temp folder."""
    # Not under pytest's private tmp folder: linkchecker, run as root, reads as user nobody.
    holder = Path(tempfile.mkdtemp(prefix="hjelpenavigator-site-"))
    holder.chmod(0o755)
    site = holder / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
         "-d", str(site)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    # linkchecker drops to user nobody when run as root: everything must be world-readable.
    for path in [site, *site.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    yield site
    shutil.rmtree(holder, ignore_errors=True)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def shipped():
    """The shipped catalogue and its rendered pages, rendered once for every test that reads them."""
    from generator.check.pipeline import load_catalogue
    from generator.site.render import render_site

    catalogue = load_catalogue(ROOT)
    return catalogue, render_site(catalogue)

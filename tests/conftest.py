"""Shared fixtures: the project root, throwaway projects, the MkDocs build, the shipped site built once, the browser."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import sync_playwright

from generator.check.pipeline import load_catalogue
from generator.check.problems import ProblemsFound
from tests.browser import CHROMIUM, CHROMIUM_ARGS, Recorder, origin
from tests.http_server import serve_directory

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_CATALOGUE = ROOT / "tests" / "fixtures" / "catalogue"
ARTIFACTS = ROOT / "test-artifacts"


def mkdocs_build(cwd: Path, config: Path | None = None, site: Path | None = None, strict: bool = True,
                 timeout: int = 300, env: dict | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build` as `make build` runs it, in `cwd`; the result, for the test to judge."""
    command = [sys.executable, "-m", "mkdocs", "build"] + (["--strict"] if strict else [])
    command += (["-f", str(config)] if config else []) + (["-d", str(site)] if site else [])
    return subprocess.run(command, cwd=cwd, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
                          capture_output=True, text=True, timeout=timeout)


def mkdocs_project(project) -> None:
    """Turn a copy of the fixture catalogue into a project MkDocs can build with our hooks and theme."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = [str(ROOT / "generator" / "mkdocs" / "hooks.py")]
    config["theme"]["custom_dir"] = str(ROOT / "site_overrides")
    config["watch"] = ["services"]
    project.write("mkdocs.yml", yaml.safe_dump(config, allow_unicode=True))
    project.write("generator/pages/.keep", "")


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
    result = mkdocs_build(ROOT, config=ROOT / "mkdocs.yml", site=site, timeout=600)
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
    from generator.site.render import render_site

    catalogue = load_catalogue(ROOT)
    return catalogue, render_site(catalogue)


# The browser: one chromium per test module, the built site served on 127.0.0.1, and a context that records every
# request and blocks any to another origin (which fails the test that made it).
@pytest.fixture(scope="module")
def catalogue():
    try:
        return load_catalogue(ROOT)
    except ProblemsFound as error:
        pytest.fail(f"the shipped catalogue does not load:\n{error}")


@pytest.fixture(scope="module")
def base_url(built_site: Path):
    with serve_directory(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} missing: apt-get install chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_context(browser, base_url):
    """new_context(**options) -> (context, recorder); blocks and records requests to other origins."""
    contexts = []

    def make(**options):
        context = browser.new_context(base_url=base_url, **options)
        recorder = Recorder(origin(base_url))
        context.on("request", lambda request: recorder.requests.append(request.url))
        context.on("console", lambda message: recorder.console.append(f"{message.type}: {message.text}"))
        context.on("weberror", lambda error: recorder.console.append(f"pageerror: {error.error}"))

        def only_this_origin(route):
            if origin(route.request.url) == recorder.origin:
                route.continue_()
            else:
                route.abort("blockedbyclient")

        context.route("**/*", only_this_origin)
        contexts.append(context)
        return context, recorder

    yield make
    for context in contexts:
        context.close()



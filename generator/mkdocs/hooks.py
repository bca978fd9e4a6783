"""The generator inside the MkDocs build, so `mkdocs serve` shows an editor's YAML change on reload.

on_config runs load → validate → resolve (and refuses to build on any problem),
on_files adds the rendered pages, on_post_page and on_post_template put the Content-Security-Policy
first in each page, on_post_build removes the theme's CDN fallbacks and writes the host header files
and the Pagefind index.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.check.pipeline import check
from generator.check.problems import format_report
from generator.mkdocs.csp import host_headers, inline_script_hashes, with_policy
from generator.mkdocs.offline_theme import remove_third_party_loaders
from generator.mkdocs.search_index import build_search_index
from generator.site.files import site_files, theme_values
from generator.site.search_folding import add_folded_spellings

log = logging.getLogger("mkdocs.plugins.hjelpenavigator")

_pages: dict[str, str] = {}
_inline_scripts: set[str] = set()  # every page's, for the one policy of the host header files


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    catalogue, problems = check(project_root(config))
    if problems:
        raise Abort("Katalogen har feil:\n" + format_report(problems))
    _pages.clear()
    _inline_scripts.clear()
    report_link = bool(config.extra.get("repo_issue_url") or config.extra.get("feil_epost"))
    _pages.update(site_files(catalogue, report_link=report_link))
    config.extra.update(theme_values(catalogue))
    log.info("Katalogen er i orden: %d sider generert", len(_pages))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for src_uri, content in _pages.items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, src_uri, content=content))
    return files


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _with_policy(add_folded_spellings(output))


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    # The theme's own pages (404.html) are not pages of the site to MkDocs, but are served like them.
    return _with_policy(output) if template_name.endswith(".html") else output


def _with_policy(output: str) -> str:
    # Last, so the hashes are of the scripts exactly as the browser will get them.
    _inline_scripts.update(inline_script_hashes(output))
    return with_policy(output)


def on_post_build(config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    remove_third_party_loaders(site_dir)
    for name, text in host_headers(_inline_scripts).items():
        (site_dir / name).write_text(text, encoding="utf-8")
    build_search_index(site_dir)

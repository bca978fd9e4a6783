"""The generator inside the MkDocs build, so `mkdocs serve` shows an editor's YAML change on reload.

on_config runs load → validate → resolve (and refuses to build on any problem),
on_files adds the rendered pages, on_post_build removes the theme's CDN fallbacks and
writes the Pagefind index.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from generator.pipeline import check
from generator.problems import format_report
from generator.render import format_phone, render_site, tel_href
from generator.boundaries import boundaries_asset
from generator.offline_theme import remove_third_party_loaders
from generator.search_index import build_search_index

log = logging.getLogger("mkdocs.plugins.hjelpenavigator")

_pages: dict[str, str] = {}


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    catalogue, problems = check(project_root(config))
    if problems:
        raise Abort("Katalogen har feil:\n" + format_report(problems))
    _pages.clear()
    _pages.update(render_site(catalogue))
    _pages.update(boundaries_asset({a.id for a in catalogue.bydeler}))
    config.extra["nodlinjer"] = [
        {"navn": line.kortnavn or line.navn,
         "nummer": format_phone(line.kontakt.telefon.verdi),
         "href": tel_href(line.kontakt.telefon.verdi)}
        for line in catalogue.emergency_lines
    ]
    log.info("Katalogen er i orden: %d sider generert", len(_pages))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for src_uri, content in _pages.items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, src_uri, content=content))
    return files


def on_post_build(config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    remove_third_party_loaders(site_dir)
    build_search_index(site_dir)

"""Stage after writing: the Pagefind index of the built site, through Pagefind's Python API."""
from __future__ import annotations

import asyncio
import os
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex


def build_search_index(site_dir: Path) -> int:
    """Index every page under site_dir into site_dir/pagefind; returns the page count."""
    return asyncio.run(_index(site_dir))


async def _index(site_dir: Path) -> int:
    config = IndexConfig(output_path=str(site_dir / "pagefind"))
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(str(site_dir))
        count = result["page_count"]
    _make_world_readable(site_dir / "pagefind")
    return count


def _make_world_readable(folder: Path) -> None:
    # linkchecker drops to user nobody when run as root; the site must be readable by anyone.
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            os.chmod(Path(root) / name, 0o755)
        for name in files:
            os.chmod(Path(root) / name, 0o644)

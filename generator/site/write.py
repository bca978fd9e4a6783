"""Stage 5: write rendered pages into a folder, removing pages that are no longer generated."""
from __future__ import annotations

from pathlib import Path


def write_pages(pages: dict[str, str], out_dir: Path) -> list[Path]:
    """Write only what changed, so a watcher on out_dir does not loop; returns the changed files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    changed = []
    for relative, content in pages.items():
        target = out_dir / relative
        if target.exists() and target.read_text(encoding="utf-8") == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        changed.append(target)
    wanted = {out_dir / relative for relative in pages}
    for stale in [p for p in out_dir.rglob("*") if p.is_file() and p not in wanted]:
        stale.unlink()
        changed.append(stale)
    return changed

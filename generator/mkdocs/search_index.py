"""Stage after writing: the Pagefind index of the built site, written by Pagefind's own command.

Not through Pagefind's Python API (1.5.2): it stops its Pagefind process right after asking it to
write, while files may still be flushing. With six builds at a time, 4 of 36 had a file cut short
(pagefind.js, pagefind-ui.js or the WebAssembly at 0 bytes or a multiple of 8 KB). The command
exits only when every file is written.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path


def build_search_index(site_dir: Path) -> int:
    """Index every page under site_dir into site_dir/pagefind; returns the page count."""
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site_dir)],
                            capture_output=True, text=True, check=True)
    _make_world_readable(site_dir / "pagefind")
    found = re.search(r"Indexed (\d+) pages?", result.stdout)
    return int(found.group(1)) if found else 0


def _make_world_readable(folder: Path) -> None:
    # linkchecker drops to user nobody when run as root; the site must be readable by anyone.
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            os.chmod(Path(root) / name, 0o755)
        for name in files:
            os.chmod(Path(root) / name, 0o644)

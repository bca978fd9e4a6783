"""python -m tests.update_golden: rewrite tests/golden from the fixture catalogue.

Run it (or `make golden`) after an intended change to the templates, then review the diff.
"""
from __future__ import annotations

import sys
from pathlib import Path

from generator.pipeline import load_catalogue
from generator.render import render_site
from generator.write import write_pages

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "catalogue"
GOLDEN = ROOT / "tests" / "golden"


def rendered_fixture() -> dict[str, str]:
    return render_site(load_catalogue(FIXTURE))


def main() -> int:
    changed = write_pages(rendered_fixture(), GOLDEN)
    for path in changed:
        print(f"oppdatert: {path.relative_to(ROOT)}")
    print(f"{len(changed)} filer endret i {GOLDEN.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""python -m tests.update_golden: rewrite tests/golden from the fixture catalogue.

Run it (or `make golden`) after an intended change to the templates, then review the diff.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from generator.check.pipeline import load_catalogue
from generator.site.files import site_files
from generator.site.write import write_pages

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "catalogue"
GOLDEN = ROOT / "tests" / "golden"
# The day the golden files are rendered as of, so which facts count as stale does not change with the calendar.
GOLDEN_TODAY = dt.date(2026, 11, 23)


def rendered_fixture() -> dict[str, str]:
    return site_files(load_catalogue(FIXTURE), today=GOLDEN_TODAY)


def main() -> int:
    changed = write_pages(rendered_fixture(), GOLDEN)
    for path in changed:
        print(f"oppdatert: {path.relative_to(ROOT)}")
    print(f"{len(changed)} filer endret i {GOLDEN.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

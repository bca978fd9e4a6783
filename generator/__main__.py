"""python -m generator check | schema | render OUT | dekning | stale [--months N]"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from generator.views import coverage, freshness
from generator.site.guide import write_repo_guides
from generator.check.pipeline import check
from generator.check.problems import format_report
from generator.site.files import site_files
from generator.site.schema import write_schemas
from generator.site.text_reports import coverage_report, stale_report
from generator.site.write import write_pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator",
                                     description="Sjekk og bygg hjelpenavigatorens katalog.")
    parser.add_argument("--root", type=Path, default=Path("."), help="prosjektmappen (standard: .)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="sjekk alle YAML-filer og vis alle feil på en gang")
    commands.add_parser("schema", help="lag JSON-skjemaene og redaktørveiledningene (services/README.md, "
                                       "services/SOKEORD.md, journeys/README.md) på nytt fra modellene")
    render = commands.add_parser("render", help="skriv de genererte Markdown-sidene til en mappe")
    render.add_argument("out", type=Path)
    commands.add_parser("dekning", help="vis datadekningen per bydel (det samme som siden «Datadekning»)")
    stale = commands.add_parser("stale", help="vis opplysninger som ikke er kontrollert på en stund, per bydel "
                                               "(det samme som siden /redaktorer/foreldet/)")
    stale.add_argument("--months", type=int, default=freshness.STALE_MONTHS,
                       help=f"eldre enn så mange måneder (standard: {freshness.STALE_MONTHS})")
    stale.add_argument("--today", type=dt.date.fromisoformat, default=None, metavar="ÅÅÅÅ-MM-DD",
                       help="regn fra denne datoen i stedet for i dag")
    args = parser.parse_args(argv)

    if args.command == "schema":
        for path in [*write_schemas(args.root), *write_repo_guides(args.root)]:
            print(f"Skrev {path}")
        return 0

    catalogue, problems = check(args.root)
    if problems:
        print(format_report(problems), file=sys.stderr)
        return 1
    if args.command == "check":
        print(f"Alt i orden: {len(catalogue.areas)} filer, {len(catalogue.services)} tjenester, "
              f"{len(catalogue.categories)} kategorier.")
        return 0
    if args.command == "dekning":
        print(coverage_report(coverage.compute(catalogue)), end="")
        return 0
    if args.command == "stale":
        print(stale_report(freshness.stale(catalogue, args.months, args.today)), end="")
        return 0
    changed = write_pages(site_files(catalogue), args.out)
    print(f"Skrev {len(changed)} endrede filer til {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

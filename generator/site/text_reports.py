"""The coverage and freshness reports as plain text, for the command line and CI logs."""
from __future__ import annotations

from generator.site.render import environment
from generator.views.coverage import Coverage
from generator.views.freshness import Stale


def _plain(template: str, **context) -> str:
    env = environment()
    env.autoescape = False
    return env.get_template(template).render(**context)


def coverage_report(coverage: Coverage) -> str:
    """The same figures as the coverage page."""
    return _plain("dekning.txt.j2", coverage=coverage)


def stale_report(report: Stale) -> str:
    """The same list as /redaktorer/foreldet/."""
    return _plain("foreldet.txt.j2", stale=report)

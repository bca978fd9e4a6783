"""Every page's address on the site, in one place: the pages, the redirects, open data, the map and search
all ask here. Addresses are site-relative and end in «/» (MkDocs' directory URLs); the front page is "".
"""
from __future__ import annotations


def area_url(area) -> str:
    return bydel_url(area.id) if area.type == "bydel" else f"omrader/{area.id}/"


def bydel_url(bydel_id: str) -> str:
    return f"bydeler/{bydel_id}/"


def professional_url(bydel_id: str) -> str:
    """The page for fastleger and fagpersoner about one bydel."""
    return f"fagpersoner/{bydel_id}/"


def service_url(service_id: str) -> str:
    return f"tjenester/{service_id}/"


def category_url(category_id: str) -> str:
    return f"kategorier/{category_id}/"


def journey_url(journey_id: str) -> str:
    """A path's first question."""
    return f"veivisere/{journey_id}/"


def journey_map_url(journey_id: str) -> str:
    """The editors' picture of a path."""
    return f"redaktorer/veivisere/{journey_id}/"


def md_path(url: str) -> str:
    """The Markdown source MkDocs turns into the page at `url`, for a page with pages below it:
    veivisere/x/alder/ -> veivisere/x/alder/index.md."""
    return url + "index.md"


def leaf_md_path(url: str) -> str:
    """The same for a page with none below it: bydeler/sagene/ -> bydeler/sagene.md."""
    return url.removesuffix("/") + ".md"


def page_url(md_path: str) -> str:
    """The address MkDocs gives a Markdown source: bydeler/sagene.md -> bydeler/sagene/."""
    if md_path == "index.md":
        return ""
    if md_path.endswith("/index.md"):
        return md_path[: -len("index.md")]
    return md_path[: -len(".md")] + "/"

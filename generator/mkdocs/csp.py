"""The Content-Security-Policy: put first in every page's <head>, with the hash of each inline script.

Health-related browsing: the browser itself must refuse anything from another host, and any script
nobody wrote into the page at build time. So no 'unsafe-inline' for scripts; the theme's few inline
scripts are allowed one by one by their SHA-256. The same policy, for every page at once, goes into
the example header files for static hosts (`host_headers`).
"""
from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

# Pagefind runs WebAssembly ('wasm-unsafe-eval'). Styles stay 'unsafe-inline': the theme sets style
# attributes, and a style cannot send a request the rest of the policy allows.
_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'none'"],
    "object-src": ["'none'"],
}
# Only a header can say these; a <meta> policy ignores them.
_HEADER_ONLY = {"frame-ancestors": ["'none'"]}

_SCRIPT = re.compile(r"<script(?P<attributes>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.S | re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
# Types the browser runs as script; a JSON block (the theme's configuration) is data.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)
_OLD_POLICY = re.compile(r"""\s*<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>""", re.I)


def inline_script_hashes(page: str) -> list[str]:
    """'sha256-…' of every inline script the browser would run, in order, without repeats."""
    hashes: list[str] = []
    for match in _SCRIPT.finditer(page):
        attributes = match.group("attributes")
        if _SRC.search(attributes):
            continue
        kind = _TYPE.search(attributes)
        if (kind.group(1).lower() if kind else "") not in _SCRIPT_TYPES:
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(hashes: Iterable[str], header: bool = False) -> str:
    directives = {name: list(values) for name, values in _DIRECTIVES.items()}
    directives["script-src"] += sorted(set(hashes))
    if header:
        directives.update(_HEADER_ONLY)
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def with_policy(page: str) -> str:
    """The page with its policy as the first element of <head>, before anything it governs."""
    page = _OLD_POLICY.sub("", page)
    head = _HEAD.search(page)
    if head is None:
        raise ValueError("a page without <head>: the Content-Security-Policy has nowhere to go")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(inline_script_hashes(page))}">'
    return page[:head.end()] + meta + page[head.end():]


def host_headers(hashes: Iterable[str]) -> dict[str, str]:
    """Example header files for static hosts, with one policy for the whole site.

    `_headers` is read by Netlify and Cloudflare Pages from the site's root; `nginx-sikkerhet.conf`
    is for nginx's `include` (deploy/nginx.conf shows where).
    """
    headers = {
        "Content-Security-Policy": policy(hashes, header=True),
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        # «Bruk min posisjon» asks for the position on this site only; nothing else is ever asked for.
        "Permissions-Policy": "geolocation=(self), camera=(), microphone=()",
    }
    netlify = "/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers.items())
    nginx = "".join(f'add_header {name} "{value}" always;\n' for name, value in headers.items())
    return {"_headers": netlify, "nginx-sikkerhet.conf": nginx}

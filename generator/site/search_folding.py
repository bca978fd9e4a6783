"""Spellings without æ, ø and ü: folded copies of a page's words, indexed next to the real ones.

Pagefind folds é→e and å→a but not ø or æ (they have no Unicode decomposition), so «sondre» would
never find «Søndre». Before Pagefind reads a page, each word with those letters gets a hidden copy
spelt as on a keyboard without them (ø→o, æ→ae and a, å→aa, ü→u), at the weight of the text it
copies, so both spellings rank a page alike. The search page folds the query with the same rule
(assets/sok/motor.js, `fold`), so «Søndre» and «sondre» ask the same question.

The copies sit in one hidden block at the end of the indexed text, after MARK: the search page
never shows an excerpt from that block.
"""
from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

MARK = "⁂"
BODY_END = "<!--hn-foldet-->"  # site_overrides/main.html puts it where the indexed text ends
# As typed on a keyboard without the letters: the query's fold, and the other common spelling.
QUERY_FOLD = str.maketrans({"ø": "o", "æ": "ae", "ü": "u"})
OTHER_FOLD = str.maketrans({"ø": "o", "æ": "a", "å": "aa", "ü": "u"})
_WORD = re.compile(r"\w+")
_HEADING_WEIGHT = {"h1": 7.0, "h2": 6.0, "h3": 5.0, "h4": 4.0, "h5": 3.0, "h6": 2.0}  # Pagefind's defaults
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def fold(text: str) -> str:
    """The query's fold, as assets/sok/motor.js does it: lower case, ø→o, æ→ae, ü→u (Pagefind folds å)."""
    return text.lower().translate(QUERY_FOLD)


def _pagefind_fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def spellings(word: str) -> list[str]:
    """The other ways to type `word` that Pagefind would not find by itself: "Søndre" -> ["sondre"]."""
    lower = word.lower()
    own = _pagefind_fold(lower)
    found = []
    for table in (QUERY_FOLD, OTHER_FOLD):
        variant = lower.translate(table)
        if variant != own and variant != lower and variant not in found:
            found.append(variant)
    return found


class _Collector(HTMLParser):
    """The words Pagefind will index, with the weight of the element they are in, and metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, float, bool, str | None]] = [("", 1.0, False, None)]
        self.words: dict[float, list[str]] = {}
        self.meta: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _VOID:
            return
        values = dict(attrs)
        _, weight, ignored, _ = self.stack[-1]
        if "data-pagefind-weight" in values:
            try:
                weight = float(values["data-pagefind-weight"] or 1)
            except ValueError:
                pass
        elif tag in _HEADING_WEIGHT:
            weight = _HEADING_WEIGHT[tag]
        meta = values.get("data-pagefind-meta")
        meta_key = meta if meta and ":" not in meta else None
        self.stack.append((tag, weight, ignored or "data-pagefind-ignore" in values, meta_key))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        _, weight, ignored, _ = self.stack[-1]
        meta_key = next((entry[3] for entry in reversed(self.stack) if entry[3]), None)
        for word in _WORD.findall(data):
            variants = spellings(word)
            if not variants:
                continue
            if meta_key:
                self.meta.setdefault(meta_key, []).extend(variants)
            if not ignored:
                self.words.setdefault(weight, []).extend(variants)


def folded_block(indexed_html: str) -> str:
    """Hidden copies of the words in `indexed_html` (the page's indexed part) that need folding."""
    collector = _Collector()
    collector.feed(indexed_html)
    collector.close()
    parts = []
    for weight, words in sorted(collector.words.items(), reverse=True):
        attribute = "" if weight == 1.0 else f' data-pagefind-weight="{weight:g}"'
        parts.append(f'<span hidden{attribute}>{MARK} {html.escape(" ".join(words))}</span>')
    for key, words in sorted(collector.meta.items()):
        parts.append(f'<span hidden data-pagefind-ignore data-pagefind-meta="{html.escape(key)}-foldet">'
                     f'{html.escape(" ".join(words))}</span>')
    return "".join(parts)


def add_folded_spellings(page_html: str) -> str:
    """The page with its folded copies where BODY_END stands; a page without it is not indexed."""
    end = page_html.find(BODY_END)
    if end < 0:
        return page_html
    start = page_html.find("data-pagefind-body")
    start = page_html.find(">", start) + 1 if 0 <= start < end else 0
    return page_html[:end] + folded_block(page_html[start:end]) + page_html[end + len(BODY_END):]

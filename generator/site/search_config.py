"""What the search page knows besides Pagefind's index, as two JSON files next to it.

- sok/oppsett.json, loaded with the search page: the words to leave out of a query (Norwegian stop
  words, from the stop-words package), the places and bydeler a query may name, and the crisis words.
- sok/ordliste.json, loaded only when a word of the query finds nothing: the vocabulary «Mente du …?»
  corrects towards (titles, category names, search words, place names), most used first.

Words in oppsett.json are folded as the query is (search_folding.fold), so the browser compares like with
like; the vocabulary keeps the site's spelling, to show in «Mente du …?», and the browser folds it.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache

from stop_words import get_stop_words

from generator.catalogue import Catalogue
from generator.views.addresses import bydel_url
from generator.views.paths import start_url
from generator.catalogue.places import places
from generator.site.search_folding import fold

CONFIG_FILE = "sok/oppsett.json"
VOCABULARY_FILE = "sok/ordliste.json"
_WORD = re.compile(r"[^\W_]+")
MIN_VOCABULARY_WORD = 4  # shorter words are too close to too many others to correct towards


def words(text: str) -> list[str]:
    """The query's words as assets/sok/motor.js splits them: folded, letters and digits."""
    return _WORD.findall(fold(text))


@cache
def stop_words() -> frozenset[str]:
    """Norwegian stop words (bokmål and nynorsk), folded as the query is."""
    return frozenset(" ".join(words(w)) for w in get_stop_words("norwegian")) - {""}


def search_assets(catalogue: Catalogue) -> dict[str, str]:
    return {CONFIG_FILE: _json(search_config(catalogue)), VOCABULARY_FILE: _json({"ord": vocabulary(catalogue)})}


def search_config(catalogue: Catalogue) -> dict:
    areas = {area.id: area for area in catalogue.bydeler}
    bydeler = {" ".join(words(area.navn.removeprefix("Bydel "))): [area.navn, bydel_url(area.id)]
               for area in catalogue.bydeler}
    steder = {}
    for place in places(catalogue.bydeler):
        area = areas[place.bydel_id]
        steder[" ".join(words(place.name))] = [place.name, area.navn, bydel_url(area.id)]
    for bydel_id, found in catalogue.search_words.by_bydel.items():
        area = areas[bydel_id]
        for word in found.shown:
            steder.setdefault(" ".join(words(word)), [word, area.navn, bydel_url(area.id)])
    return {
        "stoppord": sorted(stop_words()),
        "bydeler": bydeler,
        "steder": steder,
        "kriseord": [" ".join(fold(w).split()) for w in catalogue.crisis_words.expressions],
        "ordliste": VOCABULARY_FILE.removeprefix("sok/"),
        "krisesider": crisis_pages(catalogue),
    }


def crisis_journeys(catalogue: Catalogue) -> list:
    """Paths that open on an emergency answer: the crisis help box links to them."""
    return [journey for journey in catalogue.journeys
            if any(outcome.id == journey.start and outcome.haster == "akutt" for outcome in journey.utfall)]


def crisis_pages(catalogue: Catalogue) -> list[str]:
    """The pages the crisis help box links to (generator/site/templates/sok.md.j2), in its order."""
    return [start_url(journey) for journey in crisis_journeys(catalogue)] + ["nodnumre/"]


def vocabulary(catalogue: Catalogue) -> list[str]:
    """The words a misspelt word may be corrected to, as the site spells them (the browser folds them),
    the most used first (ties alphabetical)."""
    texts: list[str] = []
    texts += [category.navn for category in catalogue.categories]
    texts += [service.navn for service in catalogue.services]
    texts += [area.navn for area in catalogue.areas]
    texts += [place.name for place in places(catalogue.bydeler)]
    for journey in catalogue.journeys:
        texts.append(journey.tittel)
        for question in journey.sporsmal:
            texts += [question.sporsmal] + [answer.tekst for answer in question.svar]
        texts += [outcome.tittel for outcome in journey.utfall]
    for found in catalogue.search_words.groups():
        texts += found.shown
    stop = stop_words()
    counts = Counter(word for text in texts for word in _WORD.findall(text.lower())
                     if len(word) >= MIN_VOCABULARY_WORD and word.isalpha() and fold(word) not in stop)
    return [word for word, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"

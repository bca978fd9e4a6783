"""Stage 3: checks across files (unique ids, categories, contact points) and the resolved catalogue."""
from __future__ import annotations

from generator.catalogue import AREA_ORDER, Area, Catalogue, Service
from generator.check.load import Document
from generator.models import Katalogfil, Kategorifil
from generator.models.facts import facts_with_location
from generator.catalogue.places import official_bydel_ids
from generator.check.problems import Problem, problem
from generator.check.validate import did_you_mean


def resolve(categories: tuple[Kategorifil, Document] | None,
            catalogue_files: list[tuple[Katalogfil, Document]]) -> tuple[Catalogue | None, list[Problem]]:
    problems: list[Problem] = []
    if categories is None:
        problems.append(problem("services/kategorier.yml", 1, 1, "", "missing_categories_file"))
        known_categories = {}
    else:
        known_categories = _unique_categories(*categories, problems)

    areas: list[Area] = []
    seen_services: dict[str, tuple[str, int, str]] = {}  # id -> (file, line, area id) where first seen
    for model, doc in catalogue_files:
        area = Area(model=model, source=doc.display_name, positions=doc.positions)
        _check_file_name(area, doc, problems)
        for index, tjeneste in enumerate(model.tjenester):
            where = ("tjenester", index)
            if tjeneste.id in seen_services:
                other, other_line, other_area = seen_services[tjeneste.id]
                _add(problems, doc, where + ("id",), "duplicate_id", id=tjeneste.id, other=other,
                     other_line=other_line, new_id=_new_id(tjeneste.id, other_area, area.id))
                continue
            seen_services[tjeneste.id] = (doc.display_name, doc.position(where + ("id",))[0], area.id)
            category = known_categories.get(tjeneste.kategori)
            if category is None:
                if known_categories:
                    allowed = list(known_categories)
                    _add(problems, doc, where + ("kategori",), "unknown_category",
                         value=tjeneste.kategori, allowed=", ".join(allowed),
                         suggestion=did_you_mean(tjeneste.kategori, allowed))
                continue
            area.services.append(Service(model=tjeneste, area=area, category=category))
        _resolve_contact_point(area, doc, problems)
        areas.append(area)

    catalogue = Catalogue(categories=list(known_categories.values()),
                          areas=sorted(areas, key=lambda a: (AREA_ORDER[a.type], a.navn)))
    if categories is not None:
        catalogue.ladder = list(categories[0].ring_forst)
        catalogue.datasets = list(categories[0].datasett)
        _check_via(catalogue, catalogue_files, problems)
    if not catalogue.bydeler:
        problems.append(problem("services/", 1, 1, "", "no_bydel"))
    _check_emergency_lines(catalogue, catalogue_files, problems)
    _check_reform(catalogue, catalogue_files, problems)
    _check_served_bydeler(catalogue, catalogue_files, problems)
    return (None if problems else catalogue), problems


def _new_id(service_id: str, other_area: str, area_id: str) -> str:
    """An id for a second service: hfu-nordby in sorby.yml -> hfu-sorby; familieteamet -> familieteamet-sorby."""
    if other_area == area_id:
        return f"{service_id}-2"
    if other_area in service_id:
        return service_id.replace(other_area, area_id)
    return f"{service_id}-{area_id}"


def _unique_categories(model: Kategorifil, doc: Document, problems: list[Problem]) -> dict:
    found: dict = {}
    for index, kategori in enumerate(model.kategorier):
        if kategori.id in found:
            first_line = doc.position(("kategorier", list(found).index(kategori.id), "id"))[0]
            _add(problems, doc, ("kategorier", index, "id"), "duplicate_category",
                 id=kategori.id, first_line=first_line)
            continue
        found[kategori.id] = kategori
    return found


def _check_file_name(area: Area, doc: Document, problems: list[Problem]) -> None:
    stem = doc.path.stem
    if area.id != stem:
        _add(problems, doc, ("omrade", "id"), "file_name_mismatch", id=area.id,
             file_name=doc.path.name, stem=stem)


def _resolve_contact_point(area: Area, doc: Document, problems: list[Problem]) -> None:
    wanted = area.model.kontaktpunkt
    if wanted is None:
        return
    declared = [t.id for t in area.model.tjenester]
    if wanted not in declared:
        _add(problems, doc, ("kontaktpunkt",), "unknown_contact_point", value=wanted,
             allowed=", ".join(declared), suggestion=did_you_mean(wanted, declared))
        return
    # None when the service itself had a problem; that problem is already reported.
    area.contact_point = next((s for s in area.services if s.id == wanted), None)


def _check_emergency_lines(catalogue: Catalogue, files: list[tuple[Katalogfil, Document]],
                           problems: list[Problem]) -> None:
    if not catalogue.emergency_lines:
        problems.append(problem("services/", 1, 1, "", "missing_emergency_line"))
    docs = {doc.display_name: doc for _, doc in files}
    for field, services in (("nodlinje", catalogue.emergency_lines), ("hjelpelinje", catalogue.help_lines)):
        for service in services:
            if service.kontakt.telefon is None:
                doc = docs[service.area.source]
                index = [t.id for t in service.area.model.tjenester].index(service.id)
                _add(problems, doc, ("tjenester", index, field), "emergency_line_without_phone",
                     id=service.id, felt=field)


def _check_via(catalogue: Catalogue, files: list[tuple[Katalogfil, Document]], problems: list[Problem]) -> None:
    """Every via: names a dataset listed in services/kategorier.yml, so the page can say how the fact reached us."""
    known = [d.id for d in catalogue.datasets]
    for model, doc in files:
        for location, fact in facts_with_location(model):
            if fact.via is not None and fact.via not in known:
                _add(problems, doc, location + ("via",), "unknown_via", value=fact.via,
                     allowed=", ".join(known) or "(ingen)", suggestion=did_you_mean(fact.via, known))


def _check_served_bydeler(catalogue: Catalogue, files: list[tuple[Katalogfil, Document]],
                          problems: list[Problem]) -> None:
    known = sorted(set(official_bydel_ids()) | {a.id for a in catalogue.bydeler})
    replaced = catalogue.replaced_bydeler
    for model, doc in files:
        for index, tjeneste in enumerate(model.tjenester):
            for b_index, bydel in enumerate(tjeneste.bydeler or []):
                if bydel in replaced:
                    _add(problems, doc, ("tjenester", index, "bydeler", b_index), "bydel_erstattet",
                         value=bydel, navn=replaced[bydel][1].navn, new=replaced[bydel][1].id)
                elif bydel not in known:
                    _add(problems, doc, ("tjenester", index, "bydeler", b_index), "unknown_bydel",
                         value=bydel, allowed=", ".join(known), suggestion=did_you_mean(bydel, known))


def _check_reform(catalogue: Catalogue, files: list[tuple[Katalogfil, Document]], problems: list[Problem]) -> None:
    """Bydelsreformen: an old bydel is gone and has one new home; an old service id is not in use."""
    current = {a.id: a.source for a in catalogue.areas}
    services = {s.id: s.area.source for s in catalogue.services}
    replaced_in: dict[str, str] = {}
    old_ids: dict[str, str] = {}
    for model, doc in files:
        for index, old in enumerate(model.omrade.erstatter):
            where = ("omrade", "erstatter", index, "id")
            if model.omrade.type != "bydel":
                _add(problems, doc, where[:3], "erstatter_ikke_bydel", type=model.omrade.type)
            elif old.id in current:
                _add(problems, doc, where, "erstattet_finnes", value=old.id, fil=current[old.id])
            elif old.id in replaced_in:
                _add(problems, doc, where, "erstattet_to_ganger", value=old.id, other=replaced_in[old.id])
            replaced_in.setdefault(old.id, doc.display_name)
        for index, tjeneste in enumerate(model.tjenester):
            for o_index, old_id in enumerate(tjeneste.tidligere_id):
                where = ("tjenester", index, "tidligere_id", o_index)
                if old_id in services:
                    _add(problems, doc, where, "tidligere_id_i_bruk", value=old_id, other=services[old_id])
                elif old_id in old_ids:
                    _add(problems, doc, where, "tidligere_id_to_ganger", value=old_id, other=old_ids[old_id])
                old_ids.setdefault(old_id, doc.display_name)


def _add(problems: list[Problem], doc: Document, location: tuple, kind: str, **details) -> None:
    from generator.check.problems import describe_location
    line, column = doc.position(location)
    problems.append(problem(doc.display_name, line, column, describe_location(location), kind, **details))

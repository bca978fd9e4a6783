"""Open data in the built site: our own JSON API (api/v1/, Norwegian keys as in the YAML) and an Open Referral
HSDS 3.0 export (api/hsds/v3/, the files the HSDS API's GET paths would return). Documented on /apne-data/.

Nothing is added that the catalogue does not hold: an unknown fact is null in api/v1 and left out in HSDS.
Who confirmed a fact (bekreftet.av) is for the editors and is left out, as on the pages. The few Norwegian
sentences HSDS requires where the catalogue has none are in open_data.nb.yml.
"""
from __future__ import annotations

import json
import uuid
from functools import cache
from pathlib import Path

import yaml

from generator.catalogue import Area, Catalogue, Service
from generator.views.addresses import area_url, service_url
from generator.views.freshness import service_checked
from generator.catalogue.places import official_bydel_name
from generator.models.phone import international as international_phone

API = "api/v1"
HSDS = "api/hsds/v3"
API_VERSION = 1
HSDS_VERSION = "3.0"
TEXTS = Path(__file__).with_name("open_data.nb.yml")
# UUIDs (HSDS requires them) are derived from our ids, so they stay the same from build to build.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:oslo-hjelpenavigator")


def open_data_files(catalogue: Catalogue) -> dict[str, str]:
    """{path in the site: JSON text} for both APIs."""
    return {**api_files(catalogue), **hsds_files(catalogue)}


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@cache
def _texts() -> dict:
    return yaml.safe_load(TEXTS.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- api/v1

def _dump(model) -> dict:
    """The model as JSON data, without who confirmed a fact."""
    data = model.model_dump(mode="json")

    def strip(value):
        if isinstance(value, dict):
            if set(value) == {"dato", "av"}:  # a Bekreftelse
                return {"dato": value["dato"]}
            return {k: strip(v) for k, v in value.items()}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(data)


def _page(path: str) -> str:
    return f"/{path}"


def service_data(service: Service) -> dict:
    data = _dump(service.model)
    data["kategori"] = {"id": service.category.id, "navn": service.category.navn}
    data["omrade"] = {"id": service.area.id, "navn": service.area.navn, "type": service.area.type}
    data["kontaktpunkt"] = service.is_contact_point
    data["sist_kontrollert"] = service_checked(service).isoformat()
    data["side"] = _page(service_url(service.id))
    return data


def area_data(area: Area) -> dict:
    data = _dump(area.omrade)
    data["side"] = _page(area_url(area))
    return data


def api_files(catalogue: Catalogue) -> dict[str, str]:
    files = {
        f"{API}/index.json": _json({
            "versjon": API_VERSION, "dokumentasjon": "/apne-data/",
            "tjenester": "tjenester.json", "bydeler": "bydeler.json", "kategorier": "kategorier.json",
            "hsds": f"/{HSDS}/"}),
        f"{API}/tjenester.json": _json({"versjon": API_VERSION,
                                        "tjenester": [service_data(s) for s in catalogue.services]}),
        f"{API}/kategorier.json": _json({"versjon": API_VERSION,
                                         "kategorier": [c.model_dump(mode="json") for c in catalogue.categories],
                                         # what a fact's via: names, with the licence its data comes under
                                         "datasett": [d.model_dump(mode="json") for d in catalogue.datasets]}),
        f"{API}/bydeler.json": _json({"versjon": API_VERSION, "bydeler": [
            {"id": a.id, "navn": a.navn, "side": area_data(a)["side"], "data": f"bydeler/{a.id}.json"}
            for a in catalogue.bydeler]}),
    }
    for area in catalogue.bydeler:
        files[f"{API}/bydeler/{area.id}.json"] = _json({
            "versjon": API_VERSION,
            "bydel": area_data(area),
            "kontaktpunkt": area.model.kontaktpunkt,
            "kontaktpunkt_forelopig": area.model.kontaktpunkt_forelopig,
            "tjenester": [service_data(s) for s in area.services],
            # City-wide and national services that serve this bydel (all, or named in their bydeler).
            "felles_tjenester": [service_data(s) for a in catalogue.shared_areas for s in a.services
                                 if s.bydeler is None or area.id in s.bydeler],
        })
    return files


# --------------------------------------------------------------------------- HSDS 3.0

def hsds_id(kind: str, *parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join((kind, *parts))))


def _taxonomy() -> dict:
    texts = _texts()["taksonomi"]
    return {"id": hsds_id("taksonomi"), "name": texts["navn"], "description": texts["beskrivelse"],
            "version": str(API_VERSION)}


def _term(category) -> dict:
    return {"id": hsds_id("kategori", category.id), "code": category.id, "name": category.navn,
            "description": category.forklaring, "taxonomy_id": _taxonomy()["id"], "language": "nb",
            "taxonomy_detail": _taxonomy()}


def hsds_organization(area: Area) -> dict:
    org = {"id": hsds_id("omrade", area.id), "name": area.navn,
           "description": _texts()["organisasjon"].format(navn=area.navn)}
    web = area.omrade.nettside
    if web is not None and not web.utledet:  # a derived address is a guess, not a fact
        org["website"] = web.verdi
    if area.omrade.telefon is not None:
        org["phones"] = [_phone(area.omrade.telefon.verdi, hsds_id("telefon", "omrade", area.id),
                                organization_id=org["id"])]
    return org


def _phone(number: str, phone_id: str, **link) -> dict:
    shown = international_phone(number)  # +47 950 00 000; a short number as dialled at home, 116 117
    return {"id": phone_id, **link, "number": shown, "type": "voice"}


def _phone_provenance(fact, phone_id: str, hours, datasets: dict) -> dict:
    """HSDS has no attribution field: the caveat, the phone hours and how the number reached us go into the
    phone's description, and the open dataset that read it is the metadata's updated_by."""
    texts = _texts()["telefon"]
    parts = [fact.merknad] if fact.merknad else []
    if hours is not None:
        parts.append(texts["telefontid"].format(tid=hours.verdi))
    dataset = datasets.get(fact.via) if fact.via else None
    parts.append(texts["kilde"].format(kilde=fact.kilde, dato=fact.kontrollert.isoformat())
                 + (texts["via"].format(navn=dataset.navn, url=dataset.url, lisens=dataset.lisens,
                                        opphav=dataset.opphav) if dataset else ""))
    extra = {"description": " ".join(parts)}
    if dataset is not None:
        extra["metadata"] = [{"id": hsds_id("metadata", phone_id), "resource_id": phone_id, "resource_type": "phone",
                              "last_action_date": fact.kontrollert.isoformat(), "last_action_type": "verified",
                              "field_name": "number", "previous_value": "", "replacement_value": fact.verdi,
                              "updated_by": f"{dataset.navn} ({dataset.url}, {dataset.lisens})"}]
    return extra


def _service_areas(service: Service, service_id: str) -> list[dict]:
    if service.area.type == "bydel" or service.bydeler is None:
        names = [(service.area.id, service.area.navn)]
    else:
        names = [(b, official_bydel_name(b)) for b in service.bydeler]
    return [{"id": hsds_id("omradeliste", service.id, key), "service_id": service_id, "name": name}
            for key, name in names]


def hsds_service_list_item(service: Service) -> dict:
    """The one-to-one fields (compiled/service_list.json): what GET /services returns per service."""
    texts = _texts()
    service_id = hsds_id("tjeneste", service.id)
    item = {"id": service_id, "organization_id": hsds_id("omrade", service.area.id), "name": service.navn,
            "description": service.beskrivelse, "status": "active",
            "eligibility_description": texts["malgruppe"].format(hvem=_and(service.malgruppe.hvem)),
            "assured_date": service_checked(service).isoformat()}
    if service.kortnavn:
        item["alternate_name"] = service.kortnavn
    if service.kontakt.nettside is not None:
        item["url"] = service.kontakt.nettside.verdi
    if service.tilgang is not None:
        access = texts["tilgang"]["uten_henvisning" if service.tilgang.uten_henvisning else "henvisning"]
        item["application_process"] = " ".join([access] + ([service.tilgang.forklaring]
                                                            if service.tilgang.forklaring else []))
    if service.gratis is not None:
        item["fees_description"] = texts["gratis"]["ja" if service.gratis.verdi else "nei"]
    if service.malgruppe.alder_fra is not None:
        item["minimum_age"] = service.malgruppe.alder_fra
    if service.malgruppe.alder_til is not None:
        item["maximum_age"] = service.malgruppe.alder_til
    return item


def hsds_service(service: Service, datasets: dict | None = None) -> dict:
    """A whole service record (compiled/service.json): what GET /services/{id} returns."""
    item = hsds_service_list_item(service)
    service_id = item["id"]
    kontakt = service.kontakt
    item["organization"] = hsds_organization(service.area)
    if kontakt.telefon is not None:
        phone = _phone(kontakt.telefon.verdi, hsds_id("telefon", "tjeneste", service.id), service_id=service_id)
        phone.update(_phone_provenance(kontakt.telefon, phone["id"], kontakt.telefontid, datasets or {}))
        item["phones"] = [phone]
        item["contacts"] = [{"id": hsds_id("kontakt", service.id), "service_id": service_id, "name": service.navn,
                             "phones": [{**phone, "id": hsds_id("telefon", "kontakt", service.id),
                                         "contact_id": hsds_id("kontakt", service.id)}]}]
    if kontakt.apningstider is not None:
        item["schedules"] = [{"id": hsds_id("apningstider", service.id), "service_id": service_id,
                              "description": kontakt.apningstider.verdi}]
    item["service_areas"] = _service_areas(service, service_id)
    if kontakt.adresse is not None:
        location_id = hsds_id("sted", service.id)
        item["service_at_locations"] = [{
            "id": hsds_id("tjeneste_sted", service.id), "service_id": service_id, "location_id": location_id,
            "location": {"id": location_id, "location_type": "physical", "name": service.navn,
                         "description": kontakt.adresse.verdi}}]
    term = _term(service.category)
    item["attributes"] = [{"id": hsds_id("kategori_kobling", service.id), "link_id": service_id,
                           "link_entity": "service", "link_type": "kategori",
                           "taxonomy_term_id": term["id"], "taxonomy_term": term}]
    return item


def _and(words: list[str]) -> str:
    joiner = _texts()["og"]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {joiner} " + words[-1]


def _hsds_page(contents: list) -> dict:
    """The HSDS API's paginated list (openapi.json, Page), as one page holding everything."""
    return {"total_items": len(contents), "total_pages": 1, "page_number": 1, "size": len(contents),
            "first_page": True, "last_page": True, "empty": not contents, "contents": contents}


def hsds_files(catalogue: Catalogue) -> dict[str, str]:
    files = {
        f"{HSDS}/index.json": _json({"version": HSDS_VERSION,
                                     "openapi_url": "https://raw.githubusercontent.com/openreferral/specification/"
                                                    "3.0/schema/openapi.json"}),
        f"{HSDS}/services.json": _json(_hsds_page([hsds_service_list_item(s) for s in catalogue.services])),
        # GET /organizations lists the one-to-one fields only (compiled/organization_list.json).
        f"{HSDS}/organizations.json": _json(_hsds_page([
            {k: v for k, v in hsds_organization(a).items() if not isinstance(v, list)} for a in catalogue.areas])),
        f"{HSDS}/taxonomies.json": _json(_hsds_page([_taxonomy()])),
        f"{HSDS}/taxonomy_terms.json": _json(_hsds_page([_term(c) for c in catalogue.categories])),
    }
    datasets = {d.id: d for d in catalogue.datasets}
    for service in catalogue.services:
        files[f"{HSDS}/services/{hsds_id('tjeneste', service.id)}.json"] = _json(hsds_service(service, datasets))
    for area in catalogue.areas:
        files[f"{HSDS}/organizations/{hsds_id('omrade', area.id)}.json"] = _json(hsds_organization(area))
    return files

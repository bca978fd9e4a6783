"""What the editors' guide tests read: the fields a guide lists, and the model fields without a description."""
from __future__ import annotations

import re


def guide_paths(text: str) -> set[str]:
    """Every field path the guide lists: each section's «Gjelder:» paths joined with its table's field names."""
    paths: set[str] = set()
    for section in re.split(r"^### ", text, flags=re.M)[1:]:
        where = re.search(r"^Gjelder: (.*)$", section, re.M)
        if where is None:
            continue
        prefixes = [p.replace("(øverste nivå)", "") for p in re.findall(r"`([^`]*)`", where.group(1))]
        for name in re.findall(r"^\| `([a-z_]+)` \|", section, re.M):
            paths |= {f"{prefix}.{name}" if prefix else name for prefix in prefixes}
    return paths


def undescribed_fields(*models) -> list[str]:
    """Model.field of every field without a description, in these models and the models inside them."""
    def undescribed(model, seen=()):
        for name, info in model.model_fields.items():
            if not info.description:
                yield f"{model.__name__}.{name}"
        for info in model.model_fields.values():
            for arg in [info.annotation, *getattr(info.annotation, "__args__", ())]:
                for inner in [arg, *getattr(arg, "__args__", ())]:
                    if isinstance(inner, type) and hasattr(inner, "model_fields") and inner not in seen:
                        yield from undescribed(inner, seen + (model,))
    return sorted({name for model in models for name in undescribed(model)})

"""The generator's folders are the pipeline's stages, and imports only go down the stages.

models → catalogue → check → views → site → mkdocs, with the command line on top: a stage may import the
stages below it, never one above, so each can be read (and tested) without those that come after.
"""
from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

GENERATOR = ROOT / "generator"
STAGES = ["models", "catalogue", "check", "views", "site", "mkdocs", "__main__"]


def _stage(module: str) -> str:
    """generator.check.load -> check; the package's own __init__ is the bottom."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "models"


def _module(path: Path) -> str:
    relative = path.relative_to(ROOT).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import of the generator in the file, relative ones made absolute."""
    package = _module(path) if path.name == "__init__.py" else _module(path).rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = [target] if node.module else [f"{target}.{alias.name}" for alias in node.names]
            found += [(node.lineno, name) for name in names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return [(line, name) for line, name in found if name == "generator" or name.startswith("generator.")]


def _modules():
    return sorted(p for p in GENERATOR.rglob("*.py") if p.name != "__init__.py" or p.parent != GENERATOR)


def test_every_module_sits_in_a_stage():
    loose = [p.relative_to(ROOT).as_posix() for p in _modules()
             if p.parent == GENERATOR and p.name != "__main__.py"]
    assert not loose, f"modules outside the stage folders: {loose}"
    folders = {p.name for p in GENERATOR.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders == set(STAGES) - {"__main__"}, folders


def test_imports_only_go_down_the_stages():
    wrong = []
    for path in _modules():
        own = "__main__" if path.name == "__main__.py" else _stage(_module(path))
        for line, target in _imports(path):
            if STAGES.index(_stage(target)) > STAGES.index(own):
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {own} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_the_layer_check_sees_an_upward_import():
    bad = GENERATOR / "check" / "zz_upward_probe.py"
    bad.write_text("from generator.site.render import render_site\nfrom ..views import coverage\n", encoding="utf-8")
    try:
        found = _imports(bad)
        assert [name for _, name in found] == ["generator.site.render", "generator.views"]
        assert all(STAGES.index(_stage(name)) > STAGES.index("check") for _, name in found)
    finally:
        bad.unlink()


def test_no_module_reaches_for_another_modules_private_names():
    wrong = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("generator")):
                wrong += [f"{path.relative_to(ROOT)}:{node.lineno}: {alias.name}"
                          for alias in node.names if alias.name.startswith("_")]
    assert not wrong, "\n".join(wrong)


MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 50


def test_modules_and_functions_stay_small_enough_to_read():
    too_long = []
    for path in [*_modules(), *sorted((ROOT / "bench").glob("*.py"))]:
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > MAX_MODULE_LINES:
            too_long.append(f"{path.relative_to(ROOT)}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.name}, {length} lines")
    assert not too_long, "\n".join(too_long)

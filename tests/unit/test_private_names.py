"""No module of the project reaches into another library's private names: an upgrade of
aiogram, aiogram-i18n, babel or fluent may change them without notice, and a copy or a patch
of them would keep running silently. A private name (`_x`, not `__x__`) may be used only
where the project itself defines it."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("bot", "handlers", "tests", "bench")
# Every library counts; these four are the ones the bot leans on most.
LIBRARIES = ("aiogram", "aiogram_i18n", "babel", "fluent")


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _sources() -> list[tuple[Path, ast.Module]]:
    files = [p for package in PACKAGES for p in (ROOT / package).rglob("*.py")]
    return [(p, ast.parse(p.read_text(), str(p))) for p in files if "node_modules" not in p.parts]


def _defined_here(trees: list[tuple[Path, ast.Module]]) -> set[str]:
    """Every private name the project defines: functions, classes, attributes it assigns,
    parameters and module-level names."""
    names: set[str] = set()
    for _, tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                if isinstance(node.value, ast.Name) and node.value.id in {"self", "cls"}:
                    names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
            elif isinstance(node, ast.alias) and node.asname:
                names.add(node.asname)
    return {name for name in names if _is_private(name)}


def test_no_private_name_of_another_library_is_used() -> None:
    trees = _sources()
    ours = _defined_here(trees)
    found = []
    for path, tree in trees:
        where = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(LIBRARIES):
                private = [a.name for a in node.names if _is_private(a.name)]
                module_private = any(_is_private(part) for part in (node.module or "").split("."))
                if private or module_private:
                    found.append(f"{where}:{node.lineno} imports {node.module} {private}")
            elif isinstance(node, ast.Attribute) and _is_private(node.attr):
                if node.attr in ours:
                    continue
                if isinstance(node.ctx, ast.Store):
                    found.append(f"{where}:{node.lineno} assigns .{node.attr}")
                else:
                    found.append(f"{where}:{node.lineno} reads .{node.attr}")
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                # getattr(obj, "_name") is the same reach by another spelling.
                named = node.args[1] if len(node.args) > 1 else None
                if node.func.id in {"getattr", "setattr", "hasattr", "delattr"} and (
                    isinstance(named, ast.Constant)
                    and isinstance(named.value, str)
                    and _is_private(named.value)
                    and named.value not in ours
                ):
                    found.append(f"{where}:{node.lineno} {node.func.id}s {named.value!r}")
    assert found == [], "\n".join(found)

"""The package's import graph has no cycle: between modules, and between the rooms (``eventscope.store``,
``eventscope.control``, ...) the modules collapse into.  Imports at module level count, also those under
``if TYPE_CHECKING:`` and in class bodies; an import inside a function runs late and is not an edge."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import eventscope

PACKAGE = Path(eventscope.__file__).parent
# Known cycles, each a sorted tuple of module (or room) names, waiting for a fix; shrink it, never grow it.
# Empty: store <-> control and store.db -> merging (now merge_state) -> schema -> merging were the last ones.
KNOWN_CYCLES: frozenset[tuple[str, ...]] = frozenset()


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def module_imports(nodes: list[ast.stmt]) -> Iterator[ast.Import | ast.ImportFrom]:
    """The import statements run when the module is imported (not those in function bodies)."""
    for node in nodes:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for field in ("body", "orelse", "finalbody", "handlers"):
                inner = getattr(node, field, None)
                if isinstance(inner, list):
                    yield from module_imports([n for n in inner if isinstance(n, ast.stmt | ast.excepthandler)])


def import_graph(root: Path) -> dict[str, set[str]]:
    """module -> the package modules it imports (``from p import m`` is an edge to ``p.m`` when ``m`` is a module)."""
    files = {module_name(root, p): p for p in root.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for node in module_imports(ast.parse(path.read_text(encoding="utf-8")).body):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name in files}
                continue
            base = node.module or ""
            if node.level:
                parent = here.split(".")[: len(here.split(".")) - node.level + 1]
                base = ".".join([*parent, *([node.module] if node.module else [])])
            if base in files:
                found |= {f"{base}.{a.name}" if f"{base}.{a.name}" in files else base for a in node.names}
        graph[name] = found - {name}
    return graph


def rooms(graph: dict[str, set[str]], root: str) -> dict[str, set[str]]:
    """The graph between the package's direct children (a subpackage with its modules is one room)."""
    def room(name: str) -> str:
        return ".".join(name.split(".")[:2]) if name != root else root

    collapsed: dict[str, set[str]] = {}
    for name, targets in graph.items():
        collapsed.setdefault(room(name), set()).update(room(t) for t in targets if room(t) != room(name))
    return collapsed


def cycles(graph: dict[str, set[str]]) -> set[tuple[str, ...]]:
    """The strongly connected components of more than one node (Tarjan), each as a sorted tuple."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: set[tuple[str, ...]] = set()

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while (top := stack.pop()) != node:
                component.append(top)
            if component:
                found.add(tuple(sorted([node, *component])))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_through_others() -> None:
    assert cycles(import_graph(PACKAGE)) - KNOWN_CYCLES == set()


def test_no_room_of_the_package_imports_one_built_on_it() -> None:
    graph = import_graph(PACKAGE)
    assert cycles(rooms(graph, "eventscope")) - KNOWN_CYCLES == set()
    assert "eventscope.control" not in rooms(graph, "eventscope")["eventscope.store"]


def test_the_known_cycles_are_still_cycles() -> None:  # a fixed one leaves the list
    graph = import_graph(PACKAGE)
    assert cycles(graph) | cycles(rooms(graph, "eventscope")) >= KNOWN_CYCLES


def test_a_cycle_closed_by_a_type_checking_import_is_found(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("from .a import A\n")
    (pkg / "sub" / "a.py").write_text("from . import b\nA = 1\n")
    (pkg / "sub" / "b.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import A\n")
    (pkg / "c.py").write_text("def late():\n    from .sub import a\n")  # inside a function: no edge
    graph = import_graph(pkg)
    assert cycles(graph) == {("pkg.sub.a", "pkg.sub.b")} and graph["pkg.c"] == set()

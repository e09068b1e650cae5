"""The code's shape holds: lessons stands alone, no import cycles, settings read in one place.

These read the source (no imports run), so a newcomer's change that tangles two features
fails here with the offending module named.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("coaching", "lessons")


def modules():
    """Every module of the two apps (migrations aside), by dotted name."""
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            yield name.removesuffix(".__init__"), path


MODULES = dict(modules())


def resolve(importer, node):
    """The modules of the two apps that one `import`/`from ... import` statement loads."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        if node.level:
            # `.x` in a package's __init__ is beside it; in a module, beside the module.
            levels_up = node.level - (MODULES[importer].name == "__init__.py")
            base = importer.rsplit(".", levels_up)[0]
            module = f"{base}.{node.module}" if node.module else base
        else:
            module = node.module or ""
        names = [module, *(f"{module}.{alias.name}" for alias in node.names)]
    return {name for name in names if name in MODULES}


def top_level_imports(name):
    tree = ast.parse(MODULES[name].read_text())
    found = set()
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            found |= resolve(name, node)
        elif isinstance(node, ast.If | ast.Try):  # e.g. `if TYPE_CHECKING:` blocks
            for child in ast.walk(node):
                if isinstance(child, ast.Import | ast.ImportFrom):
                    found |= resolve(name, child)
    # Importing a submodule runs its packages' __init__ first, unless the importer is
    # inside that package (then the package is already being imported).
    for module in list(found):
        parts = module.split(".")
        parents = {".".join(parts[:i]) for i in range(1, len(parts))}
        found |= {p for p in parents if p in MODULES and not name.startswith(p + ".")}
    found.discard(name)
    return found


def test_lessons_never_imports_coaching():
    offenders = [
        name
        for name in MODULES
        if name.startswith("lessons")
        for node in ast.walk(ast.parse(MODULES[name].read_text()))
        if isinstance(node, ast.Import | ast.ImportFrom)
        and any(
            m.startswith("coaching")
            for m in resolve(name, node) | {getattr(node, "module", "") or ""}
        )
    ]
    assert offenders == []


def test_lessons_templates_and_settings_never_name_coaching():
    files = [*(ROOT / "lessons").rglob("*.html"), *(ROOT / "lessons").rglob("*.py")]
    offenders = [
        str(path.relative_to(ROOT))
        for path in files
        if "migrations" not in path.parts and re.search(r"coaching", path.read_text())
    ]
    assert offenders == []


def find_cycle(graph):
    """One import cycle in `graph` (module -> modules it imports), or None."""
    state = {}

    def visit(node, trail):
        state[node] = "open"
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                return [*trail[trail.index(target) :], target]
            if target not in state and (cycle := visit(target, [*trail, target])):
                return cycle
        state[node] = "done"
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start, [start])):
            return cycle
    return None


def test_no_import_cycles():
    graph = {name: top_level_imports(name) for name in MODULES}
    assert find_cycle(graph) is None


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def function_level_imports(path):
    tree = ast.parse(path.read_text())
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    yield function.name, node.lineno


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_imports_hidden_inside_functions(name):
    path = MODULES[name]
    found = list(function_level_imports(path))
    if path.name == "apps.py":  # Django's place to wire signals once the apps are ready
        found = [(function, line) for function, line in found if function != "ready"]
    assert found == []


def test_coaching_settings_are_read_only_in_coaching_conf():
    offenders = [
        f"{name}:{number}"
        for name, path in MODULES.items()
        if name != "coaching.conf"
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if "COACHING_" in line and "settings" in line
    ]
    assert offenders == []

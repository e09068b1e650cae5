"""One build step on top of pyproject.toml: compile the apps' catalogs into the build.

The compiled catalogs (`locale/<lang>/LC_MESSAGES/django.mo`) are build products, kept out
of git, so a wheel built from a clean checkout would show English to someone who chose
Bahasa Indonesia. `build_py` compiles every `django.po` of the packages into the build, so
both the wheel and a wheel built from the sdist carry them.

The compiler is Babel's (`babel.messages.pofile` / `mofile`), a build requirement in
pyproject.toml: pure Python, so building needs no system gettext; maintained by the
python-babel project for two decades and what Sphinx and Flask-Babel compile with; it
drops fuzzy and untranslated messages as GNU msgfmt does. Python's own msgfmt.py is a
script in CPython's Tools/ directory, not an importable module, so it is not an option.
In the dev tree, `make translations` compiles the same catalogs in place with msgfmt.
"""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from setuptools import setup
from setuptools.command.build_py import build_py


def compile_catalog(source, target):
    """Write the compiled form of the catalog `source` (.po) to `target` (.mo)."""
    with open(source, "rb") as po:
        catalog = read_po(po, abort_invalid=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as mo:
        write_mo(mo, catalog)


class BuildPyWithCatalogs(build_py):
    """setuptools' build_py, then every package's catalogs compiled beside their sources."""

    def run(self):
        super().run()
        if self.editable_mode:
            return  # an editable install reads the dev tree, compiled by `make translations`
        for source, target in self.catalogs():
            self.announce(f"compiling {source} -> {target}", level=2)
            compile_catalog(source, target)

    def catalogs(self):
        for package in self.packages or ():
            if "." in package:
                continue
            package_dir = Path(self.get_package_dir(package))
            for source in sorted(package_dir.glob("locale/*/LC_MESSAGES/*.po")):
                relative = source.relative_to(package_dir).with_suffix(".mo")
                yield source, Path(self.build_lib, package, relative)

    def get_outputs(self, include_bytecode=True):
        compiled = [str(target) for _source, target in self.catalogs()]
        return [*super().get_outputs(include_bytecode), *compiled]


setup(cmdclass={"build_py": BuildPyWithCatalogs})

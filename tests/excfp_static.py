"""Paths and parsers shared by the static tests of the repository's addons.

Every directory at the repository's root with a ``__manifest__.py`` is an
addon: excfp_odoo, the application, and the generic technical modules it
depends on. Nothing here imports Odoo: the manifests are read with
``ast.literal_eval`` and the models with ``ast``.
"""

import ast
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
# The application; checks that only make sense for it (it has views, data
# and models) name it.
ADDON_NAME = "excfp_odoo"
ADDON_DIR = REPO_ROOT / ADDON_NAME
MANIFEST_PATH = ADDON_DIR / "__manifest__.py"
# The SSC's own addons: the application and its public website part. The
# others are generic technical modules, each installable alone.
SSC_ADDONS = ("excfp_odoo", "excfp_website")
# Every addon of the repository, excfp_odoo among them.
ADDONS = sorted(
    path.name
    for path in REPO_ROOT.iterdir()
    if path.is_dir() and (path / "__manifest__.py").is_file()
)

# The Odoo 18 Community source tree this project is tested against (read as
# files only, never imported by the static tier).
ODOO_ADDONS_DIRS = [
    Path("/opt/odoo18/src/odoo/addons"),
    Path("/opt/odoo18/src/addons"),
]

# Folders whose XML/CSV files Odoo only loads when the manifest lists them.
DATA_FOLDERS = (
    "data",
    "views",
    "security",
    "demo",
    "wizard",
    "wizards",
    "report",
    "reports",
)

SKIP_DIRS = {"__pycache__", "node_modules", ".git"}


def addon_dir(addon=ADDON_NAME):
    return REPO_ROOT / addon


def manifest_path(addon=ADDON_NAME):
    return addon_dir(addon) / "__manifest__.py"


def load_manifest(addon=ADDON_NAME):
    return ast.literal_eval(manifest_path(addon).read_text(encoding="utf-8"))


def addon_files(suffix, addon=None):
    """Every file of ``addon`` (by default, of every addon) ending in
    ``suffix``, sorted, caches skipped."""
    found = []
    for name in [addon] if addon else ADDONS:
        root = addon_dir(name)
        found.extend(
            path
            for path in root.rglob(f"*{suffix}")
            if path.is_file()
            and not SKIP_DIRS.intersection(path.relative_to(root).parts)
        )
    return sorted(found)


def addon_of(path):
    """The addon a file belongs to."""
    return Path(path).resolve().relative_to(REPO_ROOT).parts[0]


def rel(path):
    """Path relative to its addon, with forward slashes (manifest style)."""
    return Path(path).resolve().relative_to(addon_dir(addon_of(path))).as_posix()


def repo_rel(path):
    """Path relative to the repository, with forward slashes: the addon,
    then the path in it (test ids and messages)."""
    return Path(path).resolve().relative_to(REPO_ROOT).as_posix()


def odoo_addons_dirs():
    return [path for path in ODOO_ADDONS_DIRS if path.is_dir()]


def _literal(node):
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError):
        return None


def _base_names(cls):
    names = set()
    for base in cls.bases:
        if isinstance(base, ast.Attribute):
            names.add(base.attr)
        elif isinstance(base, ast.Name):
            names.add(base.id)
    return names


def model_classes(paths):
    """Describe every class of ``paths`` that assigns ``_name``.

    Returns dicts with file, line, class, name, inherit (list), abstract and
    transient (bool), from the class body's plain assignments.
    """
    found = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for cls in ast.walk(tree):
            if not isinstance(cls, ast.ClassDef):
                continue
            attrs = {}
            for stmt in cls.body:
                if isinstance(stmt, ast.Assign):
                    targets, value = stmt.targets, stmt.value
                elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
                    targets, value = [stmt.target], stmt.value
                else:
                    continue
                for target in targets:
                    if isinstance(target, ast.Name):
                        attrs[target.id] = _literal(value)
            name = attrs.get("_name")
            if not isinstance(name, str):
                continue
            inherit = attrs.get("_inherit") or []
            if isinstance(inherit, str):
                inherit = [inherit]
            bases = _base_names(cls)
            found.append(
                {
                    "file": path,
                    "line": cls.lineno,
                    "class": cls.name,
                    "name": name,
                    "inherit": list(inherit),
                    "abstract": attrs.get("_abstract") is True
                    or "AbstractModel" in bases,
                    "transient": attrs.get("_transient") is True
                    or "TransientModel" in bases,
                }
            )
    return found

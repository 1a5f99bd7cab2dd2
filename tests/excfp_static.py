"""Paths and parsers shared by the static tests of excfp_odoo.

Nothing here imports Odoo: the manifest is read with ``ast.literal_eval`` and
the models with ``ast``.
"""

import ast
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
ADDON_NAME = "excfp_odoo"
ADDON_DIR = REPO_ROOT / ADDON_NAME
MANIFEST_PATH = ADDON_DIR / "__manifest__.py"

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


def load_manifest():
    return ast.literal_eval(MANIFEST_PATH.read_text(encoding="utf-8"))


def addon_files(suffix):
    """Every file of the addon ending in ``suffix``, sorted, caches skipped."""
    return sorted(
        path
        for path in ADDON_DIR.rglob(f"*{suffix}")
        if path.is_file()
        and not SKIP_DIRS.intersection(path.relative_to(ADDON_DIR).parts)
    )


def rel(path):
    """Path relative to the addon, with forward slashes (manifest style)."""
    return Path(path).relative_to(ADDON_DIR).as_posix()


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

"""Every XML and CSV file of the repository's addons parses, and uses Odoo 18
idioms."""

import ast
import csv

import pytest
from excfp_static import ADDON_NAME, addon_files, repo_rel
from lxml import etree

XML_FILES = addon_files(".xml")
CSV_FILES = addon_files(".csv")
PY_FILES = addon_files(".py")

# Attributes Odoo 17 removed from views: use invisible/readonly/required
# expressions instead.
REMOVED_VIEW_ATTRIBUTES = ("attrs", "states")


def _parse(path):
    parser = etree.XMLParser(remove_blank_text=False, resolve_entities=False)
    return etree.parse(str(path), parser)


def _where(path, node):
    return f"{repo_rel(path)}:{node.sourceline}"


def _elements(tree):
    # Comments and processing instructions are not elements: skip them.
    return [node for node in tree.iter() if isinstance(node.tag, str)]


def test_addon_has_xml_files():
    assert addon_files(".xml", ADDON_NAME), "no XML file found: wrong ADDON_DIR?"


@pytest.mark.parametrize("path", XML_FILES, ids=repo_rel)
def test_xml_parses(path):
    _parse(path)


@pytest.mark.parametrize("path", XML_FILES, ids=repo_rel)
def test_xml_odoo18_idioms(path):
    tree = _parse(path)
    problems = []
    for node in _elements(tree):
        if node.tag == "tree":
            problems.append(f"{_where(path, node)}: <tree> is <list> since Odoo 18")
        for attr in REMOVED_VIEW_ATTRIBUTES:
            if attr in node.attrib:
                problems.append(
                    f"{_where(path, node)}: {attr}= was removed in Odoo 17 "
                    "(use invisible/readonly/required expressions)"
                )
        if node.get("t-name") == "kanban-box":
            problems.append(
                f'{_where(path, node)}: t-name="kanban-box" is t-name="card" since Odoo 18'
            )
        # Window actions: view_mode "tree" is "list" since Odoo 18.
        view_mode = None
        if node.tag == "field" and node.get("name") == "view_mode":
            view_mode = node.text or ""
        elif node.tag == "act_window":
            view_mode = node.get("view_mode", "")
        if view_mode and "tree" in [m.strip() for m in view_mode.split(",")]:
            problems.append(
                f"{_where(path, node)}: view_mode {view_mode!r}: 'tree' is 'list' since Odoo 18"
            )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", XML_FILES, ids=repo_rel)
def test_xml_record_ids_unique(path):
    """No record id defined twice in one file (the second silently wins)."""
    seen, dupes = {}, []
    for node in _elements(_parse(path)):
        if node.tag in (
            "record",
            "template",
            "menuitem",
            "act_window",
            "report",
        ) and node.get("id"):
            xmlid = node.get("id")
            if xmlid in seen:
                dupes.append(f"{xmlid} (lines {seen[xmlid]} and {node.sourceline})")
            seen.setdefault(xmlid, node.sourceline)
    assert not dupes, f"{repo_rel(path)}: duplicate ids: {dupes}"


def test_addon_has_csv_files():
    assert addon_files(".csv", ADDON_NAME), (
        "no CSV file found (security/ir.model.access.csv expected)"
    )


@pytest.mark.parametrize("path", CSV_FILES, ids=repo_rel)
def test_csv_parses_with_consistent_columns(path):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle, strict=True))
    assert rows, f"{repo_rel(path)} is empty"
    header = rows[0]
    assert all(col.strip() for col in header), (
        f"{repo_rel(path)}: empty column name in {header}"
    )
    assert len(header) == len(set(header)), (
        f"{repo_rel(path)}: duplicate column in {header}"
    )
    bad = [
        f"line {number}: {len(row)} columns, header has {len(header)}"
        for number, row in enumerate(rows[1:], start=2)
        if row and len(row) != len(header)
    ]
    assert not bad, f"{repo_rel(path)}: " + "; ".join(bad)
    blank = [number for number, row in enumerate(rows[1:], start=2) if not row]
    assert not blank, f"{repo_rel(path)}: blank lines {blank}"
    if "id" in header:
        ids = [row[header.index("id")] for row in rows[1:] if row]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        assert not dupes, f"{repo_rel(path)}: duplicate ids {dupes}"


def _calls(tree):
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def _is_field_call(call):
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id == "fields"
    )


@pytest.mark.parametrize("path", PY_FILES, ids=repo_rel)
def test_python_odoo18_idioms(path):
    """Field ``states=`` (removed in Odoo 17) and action dicts with a
    ``view_mode`` naming ``tree`` (``list`` since Odoo 18)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    problems = []
    for call in _calls(tree):
        if _is_field_call(call) and any(kw.arg == "states" for kw in call.keywords):
            problems.append(
                f"{repo_rel(path)}:{call.lineno}: fields.{call.func.attr}(states=...) was removed in Odoo 17"
            )
    for node in ast.walk(tree):
        if not isinstance(node, ast.Dict):
            continue
        for key, value in zip(node.keys, node.values, strict=True):
            if (
                isinstance(key, ast.Constant)
                and key.value == "view_mode"
                and isinstance(value, ast.Constant)
                and isinstance(value.value, str)
                and "tree" in [m.strip() for m in value.value.split(",")]
            ):
                problems.append(
                    f"{repo_rel(path)}:{value.lineno}: view_mode {value.value!r}: 'tree' is 'list' since Odoo 18"
                )
    assert not problems, "\n".join(problems)

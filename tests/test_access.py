"""Every model an addon of the repository creates has access rules, and the
rules are sane."""

import csv

import pytest
from excfp_static import (
    ADDON_NAME,
    ADDONS,
    addon_dir,
    addon_files,
    model_classes,
    rel,
    repo_rel,
)
from lxml import etree

ACCESS_HEADER = [
    "id",
    "name",
    "model_id:id",
    "group_id:id",
    "perm_read",
    "perm_write",
    "perm_create",
    "perm_unlink",
]
PERMS = ACCESS_HEADER[4:]
# Groups of other modules that rules may name: base's own, and Email
# Marketing's users for what belongs to a mailing.
KNOWN_FOREIGN_GROUPS = {
    "mass_mailing.group_mass_mailing_user",
    "base.group_user",
    "base.group_portal",
    "base.group_public",
    "base.group_system",
    "base.group_erp_manager",
    "base.group_partner_manager",
}


def _access_csv(addon):
    return addon_dir(addon) / "security" / "ir.model.access.csv"


def _model_files(addon):
    return [p for p in addon_files(".py", addon) if "tests" not in rel(p).split("/")]


def _new_models(addon):
    """Models the addon creates: ``_name`` set and not an extension of itself
    (``_name = "x"`` with ``_inherit = "x"``). Abstract models are left out;
    transient models are kept: since Odoo 14 a TransientModel without access
    rules is unusable (odoo/modules/loading.py warns for every non-abstract
    model without rules)."""
    return [
        model
        for model in model_classes(_model_files(addon))
        if model["name"] not in model["inherit"] and not model["abstract"]
    ]


NEW_MODELS = [(addon, model) for addon in ADDONS for model in _new_models(addon)]
# Addons with rules to check: those that create models or have rules.
ACCESS_ADDONS = [
    addon for addon in ADDONS if _new_models(addon) or _access_csv(addon).is_file()
]


def _xmlid_of_model(name):
    return "model_" + name.replace(".", "_")


def _local(xmlid, addon):
    """The id within ``addon``, or None for another module's id."""
    if "." not in xmlid:
        return xmlid
    module, name = xmlid.split(".", 1)
    return name if module == addon else None


def _read_access(addon):
    if not _access_csv(addon).is_file():
        return []
    with open(_access_csv(addon), newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _local_group_ids(addon):
    ids = set()
    for path in addon_files(".xml", addon):
        for record in etree.parse(str(path)).iter("record"):
            if record.get("model") == "res.groups" and record.get("id"):
                ids.add(_local(record.get("id"), addon))
    return ids


@pytest.fixture(scope="module", params=ACCESS_ADDONS)
def addon(request):
    return request.param


@pytest.fixture(scope="module")
def access_rows(addon):
    return _read_access(addon)


def test_models_found():
    assert _new_models(ADDON_NAME), (
        f"no model with _name found in {ADDON_NAME}: parser broken?"
    )


def test_access_csv_header(addon):
    assert _access_csv(addon).is_file(), (
        f"{addon} creates models and has no security/ir.model.access.csv"
    )
    with open(_access_csv(addon), newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header == ACCESS_HEADER


@pytest.mark.parametrize(
    ("owner", "model"),
    NEW_MODELS,
    ids=[f"{addon}:{model['name']}" for addon, model in NEW_MODELS],
)
def test_model_has_access_rule(owner, model):
    xmlid = _xmlid_of_model(model["name"])
    rules = [
        row for row in _read_access(owner) if _local(row["model_id:id"], owner) == xmlid
    ]
    assert rules, (
        f"{model['name']} ({repo_rel(model['file'])}:{model['line']}, class {model['class']}) "
        f"has no row with model_id:id {xmlid} in {owner}/security/ir.model.access.csv"
    )


def test_model_defined_once():
    names = [model["name"] for _addon, model in NEW_MODELS]
    dupes = sorted({name for name in names if names.count(name) > 1})
    assert not dupes, f"models created by two classes (one should _inherit): {dupes}"


def test_rules_reference_known_models(addon, access_rows):
    own = {_xmlid_of_model(model["name"]) for model in _new_models(addon)}
    unknown = [
        f"{row['id']}: {row['model_id:id']}"
        for row in access_rows
        if _local(row["model_id:id"], addon) is not None
        and _local(row["model_id:id"], addon) not in own
    ]
    assert not unknown, (
        "rules naming a model this addon does not create "
        f"(prefix another module's model with its module): {unknown}"
    )


def test_rules_name_a_known_group(addon, access_rows):
    local_groups = _local_group_ids(addon)
    bad = []
    for row in access_rows:
        group = row["group_id:id"].strip()
        if not group:
            bad.append(
                f"{row['id']}: no group (the rule would apply to every user, portal and public included)"
            )
        elif _local(group, addon) is not None:
            if _local(group, addon) not in local_groups:
                bad.append(
                    f"{row['id']}: {group} is not a res.groups record of {addon}"
                )
        elif group not in KNOWN_FOREIGN_GROUPS:
            bad.append(
                f"{row['id']}: {group} is not one of {sorted(KNOWN_FOREIGN_GROUPS)}"
            )
    assert not bad, "\n".join(bad)


def test_rule_perms_are_0_or_1(access_rows):
    bad = [
        f"{row['id']}: {perm}={row[perm]!r}"
        for row in access_rows
        for perm in PERMS
        if row[perm] not in ("0", "1")
    ]
    assert not bad, "\n".join(bad)


def test_rules_have_id_and_name(access_rows):
    bad = [
        row for row in access_rows if not row["id"].strip() or not row["name"].strip()
    ]
    assert not bad, f"rows without id or name: {bad}"


def test_rule_ids_unique(access_rows):
    ids = [row["id"] for row in access_rows]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes, f"duplicate ids: {dupes}"


def test_one_rule_per_model_and_group(access_rows):
    pairs = [(row["model_id:id"], row["group_id:id"]) for row in access_rows]
    dupes = sorted({pair for pair in pairs if pairs.count(pair) > 1})
    assert not dupes, f"several rules for the same (model, group): {dupes}"


def test_portal_and_public_never_write(access_rows):
    """Portal and public users get read access at most from ACLs."""
    bad = [
        row["id"]
        for row in access_rows
        if row["group_id:id"] in ("base.group_portal", "base.group_public")
        and any(row[perm] == "1" for perm in PERMS[1:])
    ]
    assert not bad, f"portal/public rules granting write/create/unlink: {bad}"

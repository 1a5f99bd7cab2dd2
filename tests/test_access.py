"""Every model excfp_odoo creates has access rules, and the rules are sane."""

import csv

import pytest
from excfp_static import ADDON_DIR, ADDON_NAME, addon_files, model_classes, rel
from lxml import etree

ACCESS_CSV = ADDON_DIR / "security" / "ir.model.access.csv"
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

MODEL_FILES = [
    p for p in addon_files(".py") if "tests" not in p.relative_to(ADDON_DIR).parts
]


def _new_models():
    """Models the addon creates: ``_name`` set and not an extension of itself
    (``_name = "x"`` with ``_inherit = "x"``). Abstract models are left out;
    transient models are kept: since Odoo 14 a TransientModel without access
    rules is unusable (odoo/modules/loading.py warns for every non-abstract
    model without rules)."""
    return [
        model
        for model in model_classes(MODEL_FILES)
        if model["name"] not in model["inherit"] and not model["abstract"]
    ]


NEW_MODELS = _new_models()


def _xmlid_of_model(name):
    return "model_" + name.replace(".", "_")


def _local(xmlid):
    """The id within this addon, or None for another module's id."""
    if "." not in xmlid:
        return xmlid
    module, name = xmlid.split(".", 1)
    return name if module == ADDON_NAME else None


def _read_access():
    with open(ACCESS_CSV, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _local_group_ids():
    ids = set()
    for path in addon_files(".xml"):
        for record in etree.parse(str(path)).iter("record"):
            if record.get("model") == "res.groups" and record.get("id"):
                ids.add(_local(record.get("id")))
    return ids


@pytest.fixture(scope="module")
def access_rows():
    return _read_access()


def test_models_found():
    assert NEW_MODELS, "no model with _name found in excfp_odoo: parser broken?"


def test_access_csv_header():
    with open(ACCESS_CSV, newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header == ACCESS_HEADER


@pytest.mark.parametrize(
    "model", NEW_MODELS, ids=[model["name"] for model in NEW_MODELS]
)
def test_model_has_access_rule(model, access_rows):
    xmlid = _xmlid_of_model(model["name"])
    rules = [row for row in access_rows if _local(row["model_id:id"]) == xmlid]
    assert rules, (
        f"{model['name']} ({rel(model['file'])}:{model['line']}, class {model['class']}) "
        f"has no row with model_id:id {xmlid} in security/ir.model.access.csv"
    )


def test_model_defined_once():
    names = [model["name"] for model in NEW_MODELS]
    dupes = sorted({name for name in names if names.count(name) > 1})
    assert not dupes, f"models created by two classes (one should _inherit): {dupes}"


def test_rules_reference_known_models(access_rows):
    own = {_xmlid_of_model(model["name"]) for model in NEW_MODELS}
    unknown = [
        f"{row['id']}: {row['model_id:id']}"
        for row in access_rows
        if _local(row["model_id:id"]) is not None
        and _local(row["model_id:id"]) not in own
    ]
    assert not unknown, (
        "rules naming a model this addon does not create "
        f"(prefix another module's model with its module): {unknown}"
    )


def test_rules_name_a_known_group(access_rows):
    local_groups = _local_group_ids()
    bad = []
    for row in access_rows:
        group = row["group_id:id"].strip()
        if not group:
            bad.append(
                f"{row['id']}: no group (the rule would apply to every user, portal and public included)"
            )
        elif _local(group) is not None:
            if _local(group) not in local_groups:
                bad.append(
                    f"{row['id']}: {group} is not a res.groups record of {ADDON_NAME}"
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

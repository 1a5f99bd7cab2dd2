"""The manifest of every addon of the repository: keys, values and the files
it points at."""

import ast
import glob
import re

import pytest
from excfp_static import (
    ADDON_NAME,
    ADDONS,
    DATA_FOLDERS,
    REPO_ROOT,
    SSC_ADDONS,
    addon_dir,
    addon_files,
    load_manifest,
    manifest_path,
    odoo_addons_dirs,
    rel,
)

REQUIRED_KEYS = (
    "name",
    "summary",
    "version",
    "license",
    "author",
    "website",
    "depends",
    "installable",
)
VERSION_RE = re.compile(r"^18\.0\.\d+\.\d+\.\d+$")
# Odoo's open-source license keys (odoo/modules/module.py); no OPL/OEEL.
ALLOWED_LICENSES = {
    "LGPL-3",
    "AGPL-3",
    "GPL-3",
    "GPL-3 or any later version",
    "GPL-2",
    "GPL-2 or any later version",
    "Other OSI approved licence",
}
REQUIRED_AUTHOR = "IUCN SSC"
# Odoo 18 Community modules the addons may depend on (besides the
# repository's own addons). Adding one is a deliberate decision: extend this
# list in the same change as the manifest.
ALLOWED_DEPENDS = {
    "base",
    "base_setup",
    "board",
    "bus",
    "calendar",
    "contacts",
    "digest",
    "html_editor",
    "link_tracker",
    "mail",
    "mass_mailing",
    "phone_validation",
    "portal",
    "resource",
    "sms",
    "utm",
    "web",
    "web_editor",
    "web_tour",
    "website",
}
# Asset directives whose last element is a path (``include`` names a bundle).
ASSET_PATH_DIRECTIVES = {"append", "prepend", "before", "after", "replace", "remove"}


@pytest.fixture(scope="module", params=ADDONS)
def addon(request):
    return request.param


@pytest.fixture(scope="module")
def manifest(addon):
    return load_manifest(addon)


def test_addons_found():
    assert ADDON_NAME in ADDONS, f"{ADDON_NAME} not found among the addons {ADDONS}"


def test_manifest_is_a_literal_dict(addon):
    manifest = ast.literal_eval(manifest_path(addon).read_text(encoding="utf-8"))
    assert isinstance(manifest, dict)


@pytest.mark.parametrize("key", REQUIRED_KEYS)
def test_required_key(manifest, key):
    assert key in manifest, f"__manifest__.py has no {key!r}"
    if key != "installable":
        assert manifest[key], f"__manifest__.py {key!r} is empty"


def test_text_keys_are_strings(manifest):
    for key in ("name", "summary", "version", "license", "author", "website"):
        assert isinstance(manifest.get(key), str), f"{key!r} must be a string"


def test_summary_is_one_line(manifest):
    assert "\n" not in manifest.get("summary", "")


def test_version(manifest):
    version = manifest.get("version", "")
    assert VERSION_RE.match(version), (
        f"version {version!r} does not match {VERSION_RE.pattern}"
    )


def test_license(manifest):
    assert manifest.get("license") in ALLOWED_LICENSES


def test_author(manifest):
    authors = [author.strip() for author in manifest.get("author", "").split(",")]
    assert REQUIRED_AUTHOR in authors, (
        f"author {manifest.get('author')!r} lacks {REQUIRED_AUTHOR!r}"
    )


def test_website(manifest):
    assert re.match(r"^https://[^\s/]+\.[^\s/]+(/\S*)?$", manifest.get("website", ""))


def test_installable(manifest):
    assert manifest.get("installable") is True


def test_depends_allowed(manifest):
    depends = manifest.get("depends", [])
    assert isinstance(depends, list) and all(isinstance(d, str) for d in depends)
    assert len(depends) == len(set(depends)), f"duplicate depends: {depends}"
    unknown = sorted(set(depends) - ALLOWED_DEPENDS - set(ADDONS))
    assert not unknown, (
        f"depends on {unknown}, outside the allowed Odoo Community modules "
        f"(tests/test_manifest.py ALLOWED_DEPENDS) and the repository's addons"
    )


def test_generic_modules_stand_alone(addon, manifest):
    """The modules besides excfp_odoo are generic: any Odoo 18 database can
    install one alone, so each depends on Odoo Community modules only, and
    none is an application."""
    if addon in SSC_ADDONS:
        return
    own = sorted(set(manifest.get("depends", [])) & set(ADDONS))
    assert not own, f"{addon} depends on addons of this repository: {own}"
    assert not manifest.get("application"), f"{addon} is not an application"


def test_data_listed(addon, manifest):
    """An addon with data files lists them under 'data'."""
    data_files = [
        rel(path)
        for suffix in (".xml", ".csv")
        for path in addon_files(suffix, addon)
        if rel(path).split("/", 1)[0] in DATA_FOLDERS
        and not rel(path).startswith("demo/")
    ]
    if data_files or addon == ADDON_NAME:
        assert manifest.get("data"), f"{addon}: __manifest__.py 'data' is empty"


def test_depends_exist_in_odoo_community(manifest):
    """Each dependency is a module of the Odoo 18 Community tree (when present)."""
    roots = odoo_addons_dirs()
    if not roots:
        return  # no Odoo source on this machine; test_depends_allowed still applies
    missing = [
        dep
        for dep in manifest.get("depends", [])
        if dep not in ADDONS
        and not any((root / dep / "__manifest__.py").is_file() for root in roots)
    ]
    assert not missing, (
        f"not Odoo Community modules in {[str(r) for r in roots]}: {missing}"
    )


def _listed(manifest, key):
    files = manifest.get(key, [])
    assert isinstance(files, list), f"{key!r} must be a list"
    return files


@pytest.mark.parametrize("key", ["data", "demo"])
def test_listed_files_exist(addon, manifest, key):
    missing = [
        f for f in _listed(manifest, key) if not (addon_dir(addon) / f).is_file()
    ]
    assert not missing, f"manifest {key!r} lists missing files: {missing}"


@pytest.mark.parametrize("key", ["data", "demo"])
def test_listed_files_not_duplicated(manifest, key):
    files = _listed(manifest, key)
    dupes = sorted({f for f in files if files.count(f) > 1})
    assert not dupes, f"manifest {key!r} lists twice: {dupes}"


def test_demo_files_only_in_demo(manifest):
    data = _listed(manifest, "data")
    demo = _listed(manifest, "demo")
    both = sorted(set(data) & set(demo))
    assert not both, f"listed in both data and demo: {both}"
    demo_in_data = [f for f in data if f.startswith("demo/")]
    assert not demo_in_data, (
        f"demo/ files loaded as data (load them under 'demo'): {demo_in_data}"
    )


def test_no_orphan_data_files(addon, manifest):
    listed = set(_listed(manifest, "data")) | set(_listed(manifest, "demo"))
    orphans = [
        rel(path)
        for suffix in (".xml", ".csv")
        for path in addon_files(suffix, addon)
        if rel(path).split("/", 1)[0] in DATA_FOLDERS and rel(path) not in listed
    ]
    assert not orphans, f"files never loaded (not in the manifest): {sorted(orphans)}"


def _asset_paths(manifest):
    for bundle, entries in (manifest.get("assets") or {}).items():
        for entry in entries:
            if isinstance(entry, str):
                yield bundle, entry
            elif (
                isinstance(entry, (list, tuple))
                and entry
                and entry[0] in ASSET_PATH_DIRECTIVES
            ):
                yield bundle, entry[-1]


def _asset_matches(path):
    module = path.split("/", 1)[0]
    if module in ADDONS:
        roots = [REPO_ROOT]
    else:
        roots = odoo_addons_dirs()
    return [m for root in roots for m in glob.glob(str(root / path), recursive=True)]


def test_assets_is_a_dict_of_lists(manifest):
    assets = manifest.get("assets", {})
    assert isinstance(assets, dict)
    for bundle, entries in assets.items():
        assert isinstance(entries, list), f"assets[{bundle!r}] must be a list"


def test_asset_globs_match_files(manifest):
    """Every asset path/glob matches at least one file (a glob that matches
    nothing silently loads nothing, e.g. a tour that never runs)."""
    empty = [
        f"{bundle}: {path}"
        for bundle, path in _asset_paths(manifest)
        if not path.startswith(("http://", "https://", "//"))
        and not _asset_matches(path)
    ]
    assert not empty, f"asset paths matching no file: {empty}"


def test_own_assets_use_module_prefix(addon, manifest):
    """Asset paths start with a module name; own files with the addon's."""
    bad = [
        f"{bundle}: {path}"
        for bundle, path in _asset_paths(manifest)
        if path.startswith(("static/", "/", "./"))
    ]
    assert not bad, f"asset paths must start with '{addon}/': {bad}"

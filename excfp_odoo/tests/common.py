# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The tests' one set of fixtures, as Odoo core's event tests have theirs:
``ExcfpCommon`` makes the people (one user per role) and the shared records,
``ExcfpCase`` serves model tests, ``ExcfpHttpCase`` the HTTP ones and
``ExcfpPortalCase`` the portal pages, which need a small network around the
focal points."""

import hashlib
from datetime import date, datetime, time, timedelta

from lxml import etree

from odoo import http
from odoo.tests import HttpCase, TransactionCase

from odoo.addons.mail.tests.common import MockEmail, mail_new_test_user


class ExcfpCommon(MockEmail):
    """One user per role, a current term of our own and a group without demo
    people, so that tests do not depend on demo data. MockEmail: no email
    leaves, and tests can look at the ones queued."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        internal = "base.group_user"
        secretariat = "base.group_user,excfp_odoo.group_excfp_user"
        # Logins are the passwords (HttpCase logs in with them); tours and
        # @users name them: keep them.
        cls.user_secretariat = cls._user(
            "excfp_secretariat", "Sam Secretariat", secretariat, "sam.secretariat"
        )
        cls.user_manager = cls._user(
            "excfp_manager",
            "Mia Manager",
            "base.group_user,excfp_odoo.group_excfp_manager",
            "mia.manager",
        )
        cls.user_employee = cls._user(
            "excfp_employee", "Eve Employee", internal, "eve.employee"
        )
        portal = "base.group_portal"
        cls.portal_a = cls._user("excfp_fp_a", "Paula Focal", portal)
        cls.portal_b = cls._user("excfp_fp_b", "Pablo Focal", portal)
        cls.portal_member = cls._user("excfp_member", "Mona Member", portal)
        cls.internal_fp = cls._user("excfp_internal_fp", "Ivo Internal", internal)

        Term = cls.env["excfp.term"]
        # The data's terms run to 2029: after that, a term of the tests' own.
        cls.term_current = Term._get_current() or Term.create(
            {
                "name": "Test term",
                "date_start": date.today() - timedelta(days=365),
                "date_end": date.today() + timedelta(days=365),
            }
        )
        cls.term_past = Term.search(
            [("date_end", "<", cls.term_current.date_start)], limit=1
        )
        cls.group = cls.env["excfp.specialist.group"].create(
            {"name": "Test Newt Specialist Group", "code": "TNSG"}
        )
        make_documents_readable(cls.env)
        Partner = cls.env["res.partner"]
        cls.ana = Partner.create({"name": "Ana Test", "email": "ana@example.org"})
        cls.ben = Partner.create({"name": "Ben Test", "email": "ben@example.org"})
        cls.cai = Partner.create({"name": "Cai Test", "email": "cai@example.org"})

    @classmethod
    def _user(cls, login, name, groups, email_name=None):
        return mail_new_test_user(
            cls.env,
            login=login,
            password=login,
            name=name,
            email=f"{email_name or login}@example.org",
            groups=groups,
        )

    def _role(self, partner, role_type="member", state="nominated", **vals):
        """A role made in the test's environment: as the test's user."""
        return self.env["excfp.role"].create(
            {
                "partner_id": partner.id,
                "group_id": vals.pop("group", self.group).id,
                "role_type": role_type,
                "state": state,
                **vals,
            }
        )

    @staticmethod
    def _date(*args):
        return date(*args)


class ExcfpCase(ExcfpCommon, TransactionCase):
    """Model tests, at install (Odoo's default). A test of someone's work
    runs as them, @users("excfp_secretariat"): self.env is then theirs, so an
    access error hidden behind a sudo() shows; what setUpClass made stays the
    superuser's records."""

    # Noon UTC today: "today" is then the same date in every time zone the
    # tests meet (the demo users' Europe/Brussels is tomorrow after 23:00 UTC).
    # Not for HTTP tests: the server and the browser need the clock to run.
    freeze_time = datetime.combine(date.today(), time(12, 0))


class ExcfpHttpCase(ExcfpCommon, HttpCase):
    """Tests through HTTP: the users log in with their login as password."""

    def login(self, user):
        self.authenticate(user.login, user.login)

    def post(self, url, data=None, csrf=True):
        data = dict(data or {})
        if csrf:
            data["csrf_token"] = self.csrf_token()
        response = self.url_open(url, data=data, allow_redirects=False)
        # The request changed the database behind the test's cache.
        self.env.invalidate_all()
        return response

    def csrf_token(self):
        # The token of the test session, as Odoo's own portal tests make it.
        return http.Request.csrf_token(self)

    def page_queries(self, user, url):
        """The queries of a page as ``user`` sees it, once warm."""
        self.login(user)
        self.url_open(url)  # warm-up: caches, assets, session
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        return self.cr.sql_log_count - start


class ExcfpPortalCase(ExcfpHttpCase):
    """Focal points A and B with portal access, each of their own group and
    each with a request, a portal member of A's group, an internal user who
    is the focal point of a third group (I)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Group = cls.env["excfp.specialist.group"]
        cls.group_a = Group.create(
            {
                "name": "Axolotl Portal SG",
                "code": "APSG",
                "scope": "Axolotls and their wetlands.",
                "website": "https://axolotl.example.org",
            }
        )
        cls.group_b = Group.create({"name": "Bongo Portal SG", "code": "BPSG"})
        cls.group_i = Group.create(
            {"name": "Ibis Portal SG", "code": "IPSG", "website": "javascript:x()"}
        )
        cls.chair = cls.env["res.partner"].create({"name": "Carla Chair"})
        Role = cls.env["excfp.role"]
        # Activation queues its emails (CPSG invitation): nothing leaves.
        cls.role_a, cls.role_b, cls.role_i, *_others = Role.create(
            [
                {
                    "partner_id": partner.id,
                    "group_id": group.id,
                    "role_type": role_type,
                    "state": "active",
                }
                for partner, group, role_type in (
                    (cls.portal_a.partner_id, cls.group_a, "focal_point"),
                    (cls.portal_b.partner_id, cls.group_b, "focal_point"),
                    (cls.internal_fp.partner_id, cls.group_i, "focal_point"),
                    (cls.chair, cls.group_a, "chair"),
                    (cls.portal_member.partner_id, cls.group_a, "member"),
                )
            ]
        )
        zoo = cls.env["res.partner"].create(
            {"name": "Zara Zoo", "email": "zara@zoo.example.org"}
        )
        Liaison = cls.env["excfp.liaison"]
        cls.request_a, cls.request_b, cls.request_i = Liaison.create(
            [
                {"name": name, "group_id": group.id, "counterpart_id": zoo.id}
                for name, group in (
                    ("Axolotl studbook", cls.group_a),
                    ("Bongo husbandry", cls.group_b),
                    ("Ibis release", cls.group_i),
                )
            ]
        )
        cls.documents = cls.env["excfp.governance.document"].search(
            [("required_for_focal_points", "=", True)]
        )


# What the fuzz tests send where an id or a word is expected: out of range,
# not numbers, digits str.isdigit() takes, NUL, injections, unicode.
HOSTILE_VALUES = [
    "0",
    "-1",
    "2147483648",
    str(2**63),
    "9" * 40,
    "abc",
    "1e5",
    "1.5",
    "１２",
    "²",
    "",
    " ",
    "\x00",
    "%00",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "🦎ñ中文",
    "../../etc/passwd",
    "{{ 7*7 }}",
]


def solve_proof(env, challenge=None):
    """The proof of work a browser sends with a public form, solved as
    excfp_form_proof.js solves it: fields of the form's POST."""
    if challenge is None:
        challenge = env["excfp.form.throttle"]._new_challenge()
    bits, nonce = challenge["bits"], 0
    while int.from_bytes(
        hashlib.sha256(f"{challenge['challenge']}:{nonce}".encode()).digest(), "big"
    ) >> (256 - bits):
        nonce += 1
    return {
        "proof_challenge": challenge["challenge"],
        "proof_signature": challenge["signature"],
        "proof_nonce": str(nonce),
    }


def make_documents_readable(env):
    """The shipped documents mostly have no link yet (the secretariat adds
    links or files); tests of acknowledging need them readable."""
    env["excfp.governance.document"].search([("url", "=", False)]).write(
        {"url": "https://www.iucn.org/ssc-documents"}
    )


def view_spec(model, view_type, view_ref=None):
    """The fields a view reads, as the web client asks for them (for
    web_search_read): the screens' query counts and benchmark use it."""
    view_id = model.env.ref(view_ref).id if view_ref else False
    arch = model.get_views([(view_id, view_type)])["views"][view_type]["arch"]
    spec = {}
    for node in etree.fromstring(arch).xpath("//field[not(ancestor::field)]"):
        field = model._fields.get(node.get("name"))
        if field is None:
            continue
        # The web client asks no name for a many2one that is never shown.
        hidden = {node.get("invisible"), node.get("column_invisible")} & {"1", "True"}
        relational = field.type in ("many2one", "many2many", "one2many")
        if relational and not hidden:
            spec[field.name] = {"fields": {"display_name": {}}}
        else:
            spec[field.name] = {"fields": {}} if field.type == "many2one" else {}
    return spec


def make_french_and_spanish_available(env):
    """The demo database made them available when it was installed; elsewhere,
    as a user would (with Odoo's own translations)."""
    Lang = env["res.lang"]
    missing = [code for code in ("fr_FR", "es_ES") if not Lang._lang_get(code)]
    if missing:
        Lang._excfp_install_languages(missing)

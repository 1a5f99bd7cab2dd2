# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.tests import HttpCase

from odoo.addons.mail.tests.common import MockEmail, mail_new_test_user

from .common import make_documents_readable


class ExcfpPortalCase(HttpCase, MockEmail):
    """Two focal points with portal access (A and B, each of their own group,
    each with a request), a member without a focal point role, an internal
    user who is a focal point and a secretariat user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def user(login, name, groups):
            return mail_new_test_user(
                cls.env,
                login=login,
                password=login,
                name=name,
                email=f"{login}@example.org",
                groups=groups,
            )

        cls.portal_a = user("excfp_fp_a", "Paula Focal", "base.group_portal")
        cls.portal_b = user("excfp_fp_b", "Pablo Focal", "base.group_portal")
        cls.portal_member = user("excfp_member", "Mona Member", "base.group_portal")
        cls.internal_fp = user("excfp_internal_fp", "Ivo Internal", "base.group_user")
        cls.secretariat = user(
            "excfp_portal_sec",
            "Sara Secretariat",
            "base.group_user,excfp_odoo.group_excfp_user",
        )
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
        cls.request_a = Liaison.create(
            {
                "name": "Axolotl studbook",
                "group_id": cls.group_a.id,
                "counterpart_id": zoo.id,
            }
        )
        cls.request_b = Liaison.create(
            {
                "name": "Bongo husbandry",
                "group_id": cls.group_b.id,
                "counterpart_id": zoo.id,
            }
        )
        cls.request_i = Liaison.create(
            {
                "name": "Ibis release",
                "group_id": cls.group_i.id,
                "counterpart_id": zoo.id,
            }
        )
        make_documents_readable(cls.env)
        cls.documents = cls.env["excfp.governance.document"].search(
            [("required_for_focal_points", "=", True)]
        )

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

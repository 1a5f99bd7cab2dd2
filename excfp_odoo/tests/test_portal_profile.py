# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import ExcfpPortalCase


@tagged("post_install", "-at_install")
class TestPortalProfile(ExcfpPortalCase):
    def _form(self, **values):
        networks = self.env["excfp.exsitu.network"].search([], limit=2)
        data = {
            "exsitu_org_type": "aquarium",
            "network_ids": networks.ids,
            "exsitu_experience": "Curator of amphibians\nsince 2004.",
            "cpsg_training_state": "enrolled",
            "cpsg_answer": "accept",
        }
        data.update(values)
        return data

    def test_profile_saved_and_logged_for_the_secretariat(self):
        partner = self.portal_a.partner_id
        self.assertEqual(partner.cpsg_status, "invited")
        followup = self.env.ref("excfp_odoo.mail_activity_type_cpsg_followup")
        self.assertTrue(
            partner.activity_ids.filtered(lambda a: a.activity_type_id == followup)
        )
        self.login(self.portal_a)
        page = self.url_open("/my/ssc/profile").text
        self.assertIn("I accept the invitation", page)
        response = self.post("/my/ssc/profile", self._form())
        self.assertEqual(response.status_code, 303)
        self.assertIn("saved=1", response.headers["Location"])
        self.assertEqual(partner.exsitu_org_type, "aquarium")
        self.assertEqual(len(partner.exsitu_network_ids), 2)
        self.assertIn("since 2004.", partner.exsitu_experience)
        self.assertEqual(partner.cpsg_training_state, "enrolled")
        self.assertEqual(partner.cpsg_status, "member")
        self.assertTrue(partner.cpsg_member_since)
        # the invitation's follow-up is closed, the change is in the chatter
        self.assertFalse(
            partner.activity_ids.filtered(lambda a: a.activity_type_id == followup)
        )
        note = partner.message_ids.filtered(
            lambda m: "updated from the portal" in (m.body or "")
        )
        self.assertEqual(len(note), 1)
        self.assertEqual(note.author_id, partner)
        self.assertIn("Ex situ Experience", note.body)
        tracked = partner.message_ids.tracking_value_ids.field_id.mapped("name")
        for name in ("cpsg_status", "cpsg_training_state", "exsitu_org_type"):
            self.assertIn(name, tracked)
        # saving the same again logs nothing more
        self.post("/my/ssc/profile", self._form(cpsg_answer=""))
        self.assertEqual(
            len(
                partner.message_ids.filtered(
                    lambda m: "updated from the portal" in (m.body or "")
                )
            ),
            1,
        )
        page = self.url_open("/my/ssc/profile?saved=1").text
        self.assertIn("Your profile is saved", page)
        self.assertIn(
            "You are a member of the Conservation Planning Specialist Group", page
        )

    def test_decline_the_invitation(self):
        self.login(self.portal_b)
        self.post("/my/ssc/profile", self._form(cpsg_answer="decline"))
        self.assertEqual(self.portal_b.partner_id.cpsg_status, "declined")
        # the same answer twice (a double submission) changes nothing
        response = self.post("/my/ssc/profile", self._form(cpsg_answer="decline"))
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.portal_b.partner_id.cpsg_status, "declined")
        # they may still accept; declining a membership is a stale form
        self.post("/my/ssc/profile", self._form(cpsg_answer="accept"))
        self.assertEqual(self.portal_b.partner_id.cpsg_status, "member")
        response = self.post("/my/ssc/profile", self._form(cpsg_answer="decline"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("not possible any more", response.text)
        self.assertEqual(self.portal_b.partner_id.cpsg_status, "member")

    def test_errors_come_back_with_the_input_kept(self):
        partner = self.portal_a.partner_id
        self.login(self.portal_a)
        cases = {
            "exsitu_org_type": ("volcano", "Choose an organisation type"),
            "network_ids": (["abc", "99999999"], "Choose networks from the list"),
            "exsitu_experience": ("x" * 5001, "at most 5000 characters"),
            "cpsg_training_state": ("expert", "training status"),
            "cpsg_answer": ("maybe", "not possible any more"),
        }
        for field, (value, message) in cases.items():
            data = self._form(**{field: value})
            data["exsitu_experience"] = (
                data["exsitu_experience"]
                if field == "exsitu_experience"
                else "Kept text ü 🦎"
            )
            response = self.post("/my/ssc/profile", data)
            self.assertEqual(response.status_code, 200, field)
            self.assertIn(message, response.text, field)
            self.assertIn("is-invalid", response.text, field)
            if field != "exsitu_experience":
                self.assertIn("Kept text ü 🦎", response.text, field)
        self.assertFalse(partner.exsitu_org_type, "nothing saved")
        self.assertEqual(partner.cpsg_status, "invited")

    def test_the_focal_point_says_whether_the_directory_lists_them(self):
        partner = self.portal_a.partner_id
        self.assertFalse(partner.excfp_directory_consent, "off by default")
        self.login(self.portal_a)
        self.assertIn('name="directory_consent"', self.url_open("/my/ssc/profile").text)
        self.post("/my/ssc/profile", self._form(directory_consent="1"))
        self.assertTrue(partner.excfp_directory_consent)
        tracked = partner.sudo().message_ids.tracking_value_ids.field_id.mapped("name")
        self.assertIn("excfp_directory_consent", tracked)
        # unticked: the form sends nothing for it
        self.post("/my/ssc/profile", self._form(cpsg_answer=""))
        self.assertFalse(partner.excfp_directory_consent)

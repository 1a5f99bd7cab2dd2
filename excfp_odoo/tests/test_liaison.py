# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.tests import Form

from odoo.addons.mail.tests.common import MailCommon

from .common import ExcfpCommon

INBOUND_EMAIL = """Return-Path: {return_path}
To: {to}
cc: {cc}
Received: by mail1.zoo.example.org
From: {email_from}
Subject: {subject}
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Date: Fri, 10 Jul 2026 10:00:00 +0000
Message-ID: {msg_id}
{extra}

Dear colleagues, could the group share its husbandry guidelines for Triturus?
"""


class LiaisonCase(ExcfpCommon, MailCommon):
    """The common people and group, with MailCommon's mail gateway (aliases,
    servers, format_and_process) to receive emails."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.group.alias_name = "newt-liaison"
        cls.focal_point = cls.env["res.partner"].create(
            {
                "name": "Fiona Focal",
                "email": "fiona@ssc.example.org",
                "cpsg_status": "member",
            }
        )
        cls.env["excfp.role"].create(
            {
                "partner_id": cls.focal_point.id,
                "group_id": cls.group.id,
                "role_type": "focal_point",
                "state": "active",
            }
        )


class TestLiaisonGateway(LiaisonCase):
    def _receive(self, subject="Husbandry guidelines", email_from=None):
        return self.format_and_process(
            INBOUND_EMAIL,
            email_from or '"Zoe Keeper" <zoe.keeper@zoo.example.org>',
            f"newt-liaison@{self.alias_domain}",
            subject=subject,
            target_model="excfp.liaison",
        )

    def test_email_creates_request_for_focal_point(self):
        with freeze_time("2026-07-10 10:00:00"), self.mock_mail_gateway():
            request = self._receive()
        self.assertEqual(len(request), 1)
        self.assertEqual(request.group_id, self.group)
        self.assertEqual(request.focal_point_id, self.focal_point)
        self.assertEqual(request.direction, "inbound")
        self.assertEqual(request.state, "new")
        self.assertEqual(request.date_received, datetime(2026, 7, 10, 10, 0))
        sender = request.counterpart_id
        self.assertEqual(sender.email, "zoe.keeper@zoo.example.org")
        self.assertEqual(sender.name, "Zoe Keeper")
        self.assertIn(self.focal_point, request.message_partner_ids)
        self.assertIn(sender, request.message_partner_ids)
        self.assertEqual(
            request.user_id,
            self.env.ref("base.user_admin"),
            "not OdooBot: someone owns it",
        )
        # the focal point is notified of the incoming message by email
        incoming = request.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(len(incoming), 1)
        self.assertIn("husbandry guidelines", incoming.body)
        notified = self._new_mails.filtered(
            lambda m: self.focal_point in m.recipient_ids
        )
        self.assertTrue(notified, "the focal point gets the request by email")
        # a known sender is found again, not duplicated
        with self.mock_mail_gateway():
            second = self._receive(subject="Studbook data")
        self.assertEqual(second.counterpart_id, sender)

    def test_replies_stay_in_thread(self):
        with self.mock_mail_gateway():
            request = self._receive()
        # the secretariat answers from the chatter: an email to the counterpart
        with self.mock_mail_gateway():
            request.with_user(self.user_secretariat).message_post(
                body="Here are the guidelines.",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=request.counterpart_id.ids,
            )
            self.assertEqual(request.state, "answered", "answering stops the clock")
            self.assertTrue(request.date_answered)
            out = self._new_mails.filtered(
                lambda m: request.counterpart_id in m.recipient_ids
            )
            self.assertEqual(len(out), 1)
            incoming = request.message_ids.filtered(lambda m: m.message_type == "email")
            self.assertIn(
                incoming.message_id,
                out.references or "",
                "the reply refers to the request's thread",
            )
            self.assertEqual((out.model, out.res_id), ("excfp.liaison", request.id))
            # the counterpart replies to that email: same request, no new one
            self.gateway_mail_reply_wrecord(INBOUND_EMAIL, request)
        self.assertEqual(
            self.env["excfp.liaison"].search_count([("group_id", "=", self.group.id)]),
            1,
        )
        self.assertEqual(
            len(request.message_ids.filtered(lambda m: m.message_type == "email")), 2
        )

    def test_focal_point_replies_by_email(self):
        """The focal point replies to the notification they received: the
        reply lands in the request, for the counterpart; it may be a holding
        reply, so the clock runs until the request is marked answered."""
        self.env["ir.config_parameter"].set_param(
            "excfp_odoo.mail_authserv_id", "mx.ssc.example.org"
        )
        with self.mock_mail_gateway():
            request = self._receive()
            self.assertEqual(request.state, "new")
            notification = self._new_mails.filtered(
                lambda m: self.focal_point in m.recipient_ids
            )
            self.format_and_process(
                INBOUND_EMAIL,
                self.focal_point.email_formatted,
                f"newt-liaison@{self.alias_domain}",
                subject=f"Re: {request.name}",
                extra=f"In-Reply-To: {notification.message_id}\n"
                "Authentication-Results: mx.ssc.example.org; "
                "dmarc=pass header.from=ssc.example.org\n",
                target_model="excfp.liaison",
                target_field="name",
            )
        self.assertEqual(
            self.env["excfp.liaison"].search_count([("group_id", "=", self.group.id)]),
            1,
        )
        self.assertEqual(request.message_ids[0].author_id, self.focal_point)
        self.assertIn(
            request.counterpart_id, request.message_ids[0].notified_partner_ids
        )
        self.assertEqual(request.state, "new", "a reply is not yet the answer")

    def test_focal_point_told_of_a_request_for_the_group(self):
        """Recorded for the group, or routed to it: the focal point gets an
        email saying it is theirs (following it alone said nothing). By
        email, the incoming email itself is what they get."""
        Liaison = self.env["excfp.liaison"].with_user(self.user_secretariat)

        def notices():
            return self._new_mails.filtered(
                lambda m: (
                    self.focal_point in m.recipient_ids
                    and "Liaison request for" in (m.subject or "")
                )
            )

        with self.mock_mail_gateway():
            request = Liaison.create(
                {"name": "Space for okapis?", "group_id": self.group.id}
            )
        self.assertEqual(len(notices()), 1)
        self.assertIn("Space for okapis?", notices().subject)
        self.assertIn("/my/ssc/requests/", notices().body_html)
        self.assertEqual(request.state, "new", "telling is not answering")
        with self.mock_mail_gateway():
            unrouted = Liaison.create({"name": "Which group for hornbills?"})
            self.assertFalse(notices())
            unrouted.group_id = self.group
        self.assertEqual(len(notices()), 1, "routed to the group: told")
        with self.mock_mail_gateway():
            self._receive(subject="By email")
        self.assertFalse(notices(), "the email itself reached them")

    def test_outbound_answered_by_counterpart(self):
        zoo = self.env["res.partner"].create(
            {"name": "Zed Zoo", "email": "zed@zoo.example.org"}
        )
        request = self.env["excfp.liaison"].create(
            {
                "name": "Space for a breeding group?",
                "group_id": self.group.id,
                "counterpart_id": zoo.id,
                "direction": "outbound",
            }
        )
        request.message_post(
            body="Our question", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertEqual(request.state, "new", "asking is not an answer")
        request.message_post(
            body="Yes we have space",
            message_type="email",
            author_id=zoo.id,
            subtype_xmlid="mail.mt_comment",
        )
        self.assertEqual(request.state, "answered")

    def test_auto_reply_to_generic_address_gets_no_notice(self):
        alias = self.env.ref("excfp_odoo.mail_alias_liaison")
        with self.mock_mail_gateway():
            request = self.format_and_process(
                INBOUND_EMAIL,
                '"Out of Office" <ooo@aquarium.example.org>',
                f"{alias.alias_name}@{self.alias_domain}",
                subject="Automatic reply: away",
                extra="Auto-Submitted: auto-replied",
                target_model="excfp.liaison",
            )
        self.assertEqual(len(request), 1, "kept all the same")
        self.assertFalse(self._new_mails, "no notice sent back to an auto-reply")

    def test_group_without_focal_point(self):
        """Email to a group with no focal point reaches its owner; the focal
        point activated later takes the open requests over."""
        group = self.env["excfp.specialist.group"].create(
            {"name": "Vacant SG", "code": "VSG", "alias_name": "vacant-liaison"}
        )
        with self.mock_mail_gateway():
            request = self.format_and_process(
                INBOUND_EMAIL,
                '"Zoe Keeper" <zoe.keeper@zoo.example.org>',
                f"vacant-liaison@{self.alias_domain}",
                subject="Anyone there?",
                target_model="excfp.liaison",
            )
        self.assertFalse(request.focal_point_id)
        self.assertIn(request.user_id.partner_id, request.message_partner_ids)
        new_fp = self.env["res.partner"].create(
            {"name": "New FP", "cpsg_status": "member"}
        )
        self.env["excfp.role"].create(
            {
                "partner_id": new_fp.id,
                "group_id": group.id,
                "role_type": "focal_point",
                "state": "active",
            }
        )
        self.assertEqual(request.focal_point_id, new_fp)
        self.assertIn(new_fp, request.message_partner_ids)

    def test_replaced_counterpart_stops_following(self):
        wrong = self.env["res.partner"].create(
            {"name": "Wrong", "email": "w@example.org"}
        )
        right = self.env["res.partner"].create(
            {"name": "Right", "email": "r@example.org"}
        )
        request = self.env["excfp.liaison"].create(
            {"name": "Q", "group_id": self.group.id, "counterpart_id": wrong.id}
        )
        self.assertIn(wrong, request.message_partner_ids)
        request.counterpart_id = right
        self.assertNotIn(wrong, request.message_partner_ids)
        self.assertIn(right, request.message_partner_ids)
        self.assertIn(self.focal_point, request.message_partner_ids)

    def test_no_group_is_kept_and_sender_told(self):
        alias = self.env.ref("excfp_odoo.mail_alias_liaison")
        with self.mock_mail_gateway():
            request = self.format_and_process(
                INBOUND_EMAIL,
                '"Uma Unsure" <uma@aquarium.example.org>',
                f"{alias.alias_name}@{self.alias_domain}",
                subject="Which group should we write to?",
                target_model="excfp.liaison",
            )
        self.assertEqual(len(request), 1, "the message is kept as a request")
        self.assertFalse(request.group_id)
        self.assertFalse(request.focal_point_id)
        self.assertEqual(request.state, "new", "a notice is not an answer")
        sender = request.counterpart_id
        notice = self._new_mails.filtered(lambda m: sender in m.recipient_ids)
        self.assertEqual(len(notice), 1)
        self.assertIn("could not", str(notice.body_html))
        self.assertEqual((notice.model, notice.res_id), ("excfp.liaison", request.id))
        # the secretariat routes it: the group's focal point takes over
        request.with_user(self.user_secretariat).group_id = self.group
        self.assertEqual(request.focal_point_id, self.focal_point)
        self.assertIn(self.focal_point, request.message_partner_ids)


class TestLiaisonResponseTarget(LiaisonCase):
    def _request(self, received, **vals):
        return self.env["excfp.liaison"].create(
            {
                "name": "Ask",
                "group_id": self.group.id,
                "date_received": received,
                **vals,
            }
        )

    def test_time_left_in_working_days(self):
        """Due on Friday 24 July (ten working days after Friday 10 July),
        in the standard calendar (8-12, 13-17, Monday to Friday)."""
        self.env.company.resource_calendar_id.tz = "UTC"
        request = self._request(datetime(2026, 7, 10, 10, 0))
        for now, said in (
            ("2026-07-24 09:00:00", "1 working day left"),
            ("2026-07-27 10:00:00", "Overdue by 1 working day"),
            ("2026-07-29 10:00:00", "Overdue by 3 working days"),
        ):
            with freeze_time(now):
                request.invalidate_recordset(["due_status"])
                self.assertEqual(request.due_status, said, now)
        with freeze_time("2026-07-13 10:00:00"):
            request.invalidate_recordset(["due_status"])
            self.assertEqual(request.due_status, "10 working days left")
            request.action_answer()
            self.assertFalse(request.due_status, "answered: no clock")

    def test_working_days_skip_weekend(self):
        self.env["ir.config_parameter"].set_param("excfp_odoo.liaison_response_days", 1)
        calendar = self.env.company.resource_calendar_id
        calendar.tz = "UTC"
        # received on Friday, in the morning, the evening or at the weekend:
        # one working day later is the end of Monday, not Saturday
        for received in (
            datetime(2026, 7, 10, 10, 0),
            datetime(2026, 7, 10, 19, 0),
            datetime(2026, 7, 11, 12, 0),
            datetime(2026, 7, 12, 23, 0),
        ):
            request = self._request(received)
            self.assertEqual(
                request.date_due, datetime(2026, 7, 13, 23, 59, 59), received
            )
        self.assertEqual(request.focal_point_id, self.focal_point)
        with freeze_time("2026-07-13 18:00:00"):
            self.assertFalse(
                request.is_overdue, "due at the end of the day, not at noon"
            )
        self.env["ir.config_parameter"].set_param(
            "excfp_odoo.liaison_response_days", 10
        )
        request = self._request(datetime(2026, 7, 10, 10, 0))
        self.assertEqual(request.date_due.date().isoformat(), "2026-07-24")

    def test_due_in_calendar_timezone(self):
        self.env["ir.config_parameter"].set_param("excfp_odoo.liaison_response_days", 1)
        self.env.company.resource_calendar_id.tz = "Europe/Paris"
        # Friday 23:30 UTC is already Saturday in Paris: due end of Monday, Paris time
        request = self._request(datetime(2026, 7, 10, 23, 30))
        self.assertEqual(request.date_due, datetime(2026, 7, 13, 21, 59, 59))

    def test_answer_stops_clock(self):
        self.env.company.resource_calendar_id.tz = "UTC"
        request = self._request(datetime(2026, 7, 10, 10, 0))
        with freeze_time("2026-07-13 10:00:00"):
            request.action_start()
            request.action_answer()
        self.assertEqual(request.date_answered, datetime(2026, 7, 13, 10, 0))
        # Friday 10:00-17:00 and Monday 8:00-10:00: one working day, weekend excluded
        self.assertAlmostEqual(request.response_days, 1.0, places=2)
        with freeze_time("2026-09-01"):
            self.assertFalse(request.is_overdue)
            request.action_close()
        self.assertEqual(
            request.date_answered,
            datetime(2026, 7, 13, 10, 0),
            "closing keeps the time to answer",
        )

    def test_average_response_time_of_answered_requests(self):
        """The pivot's average is over answered requests: one still waiting
        has no response time, not 0 days."""
        self.env.company.resource_calendar_id.tz = "UTC"
        answered = self._request(datetime(2026, 7, 10, 10, 0))
        with freeze_time("2026-07-13 10:00:00"):
            answered.action_answer()
        waiting = self._request(datetime(2026, 7, 10, 11, 0))
        domain = [("id", "in", (answered | waiting).ids)]
        [(average,)] = self.env["excfp.liaison"]._read_group(
            domain, aggregates=["response_days:avg"]
        )
        self.assertAlmostEqual(average, 1.0, places=2)
        # and as the pivot asks for it (web_read_group, grouped)
        groups = self.env["excfp.liaison"].web_read_group(
            domain, ["response_days:avg"], ["group_id"]
        )["groups"]
        self.assertAlmostEqual(groups[0]["response_days"], 1.0, places=2)

    def test_overdue(self):
        self.env.company.resource_calendar_id.tz = "UTC"
        late = self._request(datetime(2026, 7, 1, 9, 0))
        on_time = self._request(datetime(2026, 7, 20, 9, 0))
        answered = self._request(datetime(2026, 7, 1, 9, 0))
        with freeze_time("2026-07-10"):
            answered.action_answer()
        Liaison = self.env["excfp.liaison"]
        with freeze_time("2026-07-21"):
            late.invalidate_recordset(["is_overdue"])
            self.assertTrue(late.is_overdue)
            overdue = Liaison.search(
                [("is_overdue", "=", True), ("group_id", "=", self.group.id)]
            )
            self.assertEqual(overdue, late)
            not_overdue = Liaison.search(
                [("is_overdue", "=", False), ("group_id", "=", self.group.id)]
            )
            self.assertEqual(not_overdue, on_time | answered)

    def test_settings(self):
        settings = Form(self.env["res.config.settings"])
        settings.excfp_liaison_response_days = 5
        settings.excfp_liaison_default_user_id = self.user_secretariat
        settings.save().execute()
        self.assertEqual(self.env["excfp.liaison"]._response_target_days(), 5)
        request = self.env["excfp.liaison"].create(
            {"name": "Q", "group_id": self.group.id}
        )
        self.assertEqual(request.user_id, self.user_secretariat)

# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.tools import html2plaintext, is_html_empty, plaintext2html

from ..const import EXPERIENCE_MAX_LENGTH, TRAINING_STATES


class ExcfpPortalProfile(models.AbstractModel):
    """The ex situ profile a focal point keeps on the portal (ToR s.2 and
    s.3 b): its rules and what it writes on the contact. The portal
    controller only collects the form and shows the errors returned."""

    _name = "excfp.portal.profile"
    _description = "Focal Point Portal Profile"

    @api.model
    def _is_complete(self, partner):
        partner.ensure_one()
        return bool(
            partner.exsitu_org_type
            and partner.exsitu_network_ids
            and not is_html_empty(partner.exsitu_experience)
        )

    @api.model
    def _save(self, partner, form):
        """Check the form, then write what changed, with a note in the
        contact's chatter for the secretariat (tracked fields log their own
        changes, the note names the others). ``form``: the form's text, the
        networks' ids (None for one that is no id). Returns Odoo's portal
        form errors, a dict of fields and a list of messages, both empty
        once saved."""
        partner.ensure_one()
        error, messages = self._errors(partner, form)
        vals = {} if error else self._vals(partner, form)
        if vals:
            partner.sudo().write(vals)
            labels = partner.fields_get(list(vals), ["string"])
            partner.sudo().message_post(
                body=self.env._(
                    "Ex situ profile updated from the portal: %s",
                    ", ".join(labels[name]["string"] for name in vals),
                ),
                author_id=partner.id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        return error, messages

    @api.model
    def _errors(self, partner, form):
        env = self.env
        errors = env["excfp.exsitu.network"]._choice_errors(
            form["exsitu_org_type"], form["network_ids"], "exsitu_org_type"
        )
        if len(form["exsitu_experience"]) > EXPERIENCE_MAX_LENGTH:
            errors["exsitu_experience"] = env._(
                "Describe your ex situ experience in at most %s characters.",
                EXPERIENCE_MAX_LENGTH,
            )
        if form["cpsg_training_state"] not in TRAINING_STATES + ("none",):
            errors["cpsg_training_state"] = env._(
                "Choose your CPSG training status from the list."
            )
        if not partner._excfp_cpsg_answer_allowed(form["cpsg_answer"]):
            errors["cpsg_answer"] = env._(
                "This answer to the CPSG invitation is not possible any more: "
                "your membership status has changed. Reload the page."
            )
        return dict.fromkeys(errors, "error"), list(errors.values())

    @api.model
    def _vals(self, partner, form):
        """What the form changes, as values to write."""
        vals = {}
        org_type = form["exsitu_org_type"] or False
        if org_type != (partner.exsitu_org_type or False):
            vals["exsitu_org_type"] = org_type
        if set(form["network_ids"]) != set(partner.exsitu_network_ids.ids):
            vals["exsitu_network_ids"] = [Command.set(form["network_ids"])]
        text = form["exsitu_experience"]
        experience = plaintext2html(text) if text else False
        if html2plaintext(experience or "") != html2plaintext(
            partner.exsitu_experience or ""
        ):
            vals["exsitu_experience"] = experience
        training_state = form["cpsg_training_state"]
        if training_state and training_state != partner.cpsg_training_state:
            vals["cpsg_training_state"] = training_state
        if form["cpsg_answer"] == "accept" and partner.cpsg_status != "member":
            vals["cpsg_status"] = "member"
            vals["cpsg_member_since"] = fields.Date.context_today(partner)
        elif form["cpsg_answer"] == "decline" and partner.cpsg_status == "invited":
            vals["cpsg_status"] = "declined"
        consent = bool(form.get("directory_consent"))
        if consent != partner.excfp_directory_consent:
            vals["excfp_directory_consent"] = consent
        return vals

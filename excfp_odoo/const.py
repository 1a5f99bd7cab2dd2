# Copyright 2026 IUCN SSC
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Values the addon uses in more than one place (as payment/const.py does):
selections, states and the settings' keys and defaults."""

# ---- Groups and roles ----
GROUP_TYPES = [
    ("taxonomic_sg", "Taxonomic Specialist Group"),
    ("disciplinary_sg", "Disciplinary Specialist Group"),
    ("task_force", "Task Force"),
    ("red_list_authority", "Red List Authority"),
    ("stand_alone", "Stand-alone Group"),
]
ROLE_TYPES = [
    ("chair", "Chair"),
    ("co_chair", "Co-Chair"),
    ("focal_point", "Ex situ Focal Point"),
    ("red_list_coordinator", "Red List Authority Coordinator"),
    ("programme_officer", "Programme Officer"),
    ("member", "Member"),
]
CHAIR_TYPES = ("chair", "co_chair")
END_REASONS = [
    ("term_ended", "Term ended"),
    ("resigned", "Resigned"),
    ("replaced", "Replaced"),
    ("deceased", "Deceased"),
    ("other", "Other"),
]

# ---- People ----
ORG_TYPES = [
    ("zoo", "Zoo"),
    ("aquarium", "Aquarium"),
    ("botanic_garden", "Botanic garden"),
    ("biobank", "Biobank or gene bank"),
    ("breeding_centre", "Breeding or propagation centre"),
    ("rescue_centre", "Rescue centre"),
    ("other", "Other"),
]
CPSG_STATUSES = [
    ("not_member", "Not a member"),
    ("invited", "Invited"),
    ("member", "Member"),
    ("declined", "Declined"),
]
CPSG_TRAININGS = [
    ("none", "None"),
    ("encouraged", "Encouraged"),
    ("enrolled", "Enrolled"),
    ("completed", "Completed"),
]
# What a focal point may say of their CPSG training on the portal (the
# secretariat sets "none").
TRAINING_STATES = ("encouraged", "enrolled", "completed")
# Characters of a focal point's ex situ experience, as the portal takes it.
EXPERIENCE_MAX_LENGTH = 5000
CONSENTS = [
    ("unknown", "Unknown"),
    ("opted_in", "Opted in"),
    ("opted_out", "Opted out"),
]
CONSENT_SOURCES = [
    ("import", "Import"),
    ("portal", "Portal"),
    ("web_form", "Web form"),
    ("back_office", "Back office"),
    ("unsubscribe", "Unsubscribe"),
]

# ---- Liaison ----
OPEN_STATES = ("new", "in_progress")

# ---- Settings (system parameters, see res_config_settings) ----
PARAM_DEFAULTS = {
    "excfp_odoo.liaison_response_days": 10,
    "excfp_odoo.ack_reminder_interval_days": 30,
    "excfp_odoo.cpsg_followup_delay_days": 30,
    "excfp_odoo.reappointment_notice_days": 90,
    # not days: bounces after which a contact leaves the mailing audiences
    "excfp_odoo.bounce_threshold": 3,
    # the public forms that send email (excfp.form.throttle): leading zero
    # bits of the proof of work, submissions per hour per client and in all
    "excfp_odoo.form_proof_bits": 16,
    "excfp_odoo.form_rate_per_address": 5,
    "excfp_odoo.form_rate_total": 100,
}
PORTAL_INVITE_PARAM = "excfp_odoo.portal_invite_focal_points"
# The mail server's authserv-id (RFC 8601) whose Authentication-Results the
# liaison gateway believes; empty (the default) believes no header at all.
AUTHSERV_PARAM = "excfp_odoo.mail_authserv_id"

# Records handled per scheduled-action call; the cron is re-triggered until done.
CRON_BATCH_SIZE = 200

# ---- One Plan (ToR s.3 c and d) ----
# The IUCN Red List categories, labelled in full.
REDLIST_CATEGORIES = [
    ("EX", "Extinct"),
    ("EW", "Extinct in the Wild"),
    ("CR", "Critically Endangered"),
    ("EN", "Endangered"),
    ("VU", "Vulnerable"),
    ("NT", "Near Threatened"),
    ("LC", "Least Concern"),
    ("DD", "Data Deficient"),
    ("NE", "Not Evaluated"),
]
DECISIONS = [
    ("include", "Include ex situ management"),
    ("exclude", "Do not include"),
    ("defer", "Defer"),
]
ENGAGEMENT_TYPES = [
    ("meeting", "Meeting"),
    ("workshop", "Workshop"),
    ("planning", "Planning session"),
    ("joint_project", "Joint project"),
    ("conference", "Conference"),
    ("training", "Training"),
    ("other", "Other"),
]
# Days without a change after which an open opportunity is stalled.
STALLED_DAYS = 90

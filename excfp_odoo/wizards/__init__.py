from . import (
    excfp_acknowledge_wizard,
    excfp_network_report_wizard,
    excfp_opportunity_drop_wizard,
    excfp_reappointment_apply_wizard,
    excfp_reappointment_wizard,
    excfp_role_end_wizard,
    mail_compose_message,
    mailing_mailing_test,
)

from . import (
    excfp_acknowledgement,
    excfp_exsitu_network,
    excfp_governance_document,
    excfp_liaison,
    excfp_role,
    excfp_specialist_group,
    excfp_term,
    ir_http,
    mail_thread,
    res_config_settings,
    res_partner,
)

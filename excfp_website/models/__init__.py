from . import excfp_liaison, excfp_specialist_group, ir_http

from . import excfp_term
from . import excfp_exsitu_network
from . import excfp_governance_document
from . import excfp_acknowledgement
from . import excfp_specialist_group
from . import excfp_role
from . import res_partner

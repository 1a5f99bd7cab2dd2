from . import test_data
from . import test_term
from . import test_role
from . import test_governance
from . import test_security
from . import test_performance
from . import test_xmlrpc
from . import test_tour

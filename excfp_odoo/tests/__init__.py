from . import (
    test_data,
    test_followups,
    test_governance,
    test_liaison,
    test_performance,
    test_portal_access,
    test_portal_pages,
    test_role,
    test_security,
    test_term,
    test_tour,
    test_xmlrpc,
)

from . import test_mail_gateway_auto_submitted

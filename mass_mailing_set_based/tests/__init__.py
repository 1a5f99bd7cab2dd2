from . import test_mailing_optout

from . import mail_compose_message, mailing_mailing_test

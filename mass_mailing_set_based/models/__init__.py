from . import mailing_contact, mailing_list, mailing_mailing, mailing_trace

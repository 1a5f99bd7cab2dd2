from . import one_plan, portal, reappointment, subscribe

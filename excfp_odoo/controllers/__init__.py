from . import one_plan, portal, subscribe

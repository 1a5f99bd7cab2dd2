from . import portal, subscribe

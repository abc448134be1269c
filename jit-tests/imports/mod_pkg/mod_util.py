def helper():
    return "helper from mod_pkg.mod_util"
from . import mod_sub

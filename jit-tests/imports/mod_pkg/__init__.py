print("mod_pkg/__init__ running")
PKG_LEVEL = "package attribute"
from .mod_util import helper

from . import leaf
from .leaf import VALUE as LEAF_VALUE
TOP = "rel"

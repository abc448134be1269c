from .. import leaf as parent_leaf
from ..leaf import VALUE
from . import deep

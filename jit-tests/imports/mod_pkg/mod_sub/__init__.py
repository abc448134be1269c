from ..mod_util import helper as parent_helper
NAME = "subpackage " + __name__

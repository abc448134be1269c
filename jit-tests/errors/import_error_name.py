# uncaught ImportError for a missing name in a sibling module
from mod_errors_helper import present
print(present)
from mod_errors_helper import absent

# uncaught ModuleNotFoundError
import sys
print("before import")
import this_module_does_not_exist_anywhere

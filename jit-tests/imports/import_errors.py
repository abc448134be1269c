# import failures (caught) and circular imports
try:
    import mod_does_not_exist
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, "| name:", e.name)
try:
    from mod_helper import no_such_name
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0], "| name:", e.name)
try:
    import mod_broken
except RuntimeError as e:
    print("RuntimeError:", e)
import sys
print("mod_broken" in sys.modules)
try:
    import mod_broken
except RuntimeError as e:
    print("again RuntimeError:", e)
import mod_cycle_a
print(mod_cycle_a.from_b(), mod_cycle_a.mod_cycle_b.from_a())
try:
    from mod_pkg import nothing_here
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
try:
    import mod_pkg.mod_missing
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)

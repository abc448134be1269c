import builtins
builtins._mod_counter_loads = getattr(builtins, "_mod_counter_loads", 0) + 1
LOADS = builtins._mod_counter_loads

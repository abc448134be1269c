# helper: circular import partner of mod_cycle_b
import mod_cycle_b
A_VALUE = "a"
def from_b():
    return mod_cycle_b.B_VALUE

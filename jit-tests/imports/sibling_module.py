# importing a sibling module
import mod_helper
print(mod_helper.CONSTANT, mod_helper.greet("world"), mod_helper.Widget(3))
import mod_helper as again
print(again is mod_helper, mod_helper.__name__)
import sys
print("mod_helper" in sys.modules, mod_helper.__file__.endswith("mod_helper.py"))
print(mod_helper.bump(), mod_helper.bump(), mod_helper.counter)
from mod_helper import greet, Widget as W, counter
print(greet("again"), W(7), counter)
mod_helper.CONSTANT = 100
from mod_helper import CONSTANT
print(CONSTANT)
print(sorted(n for n in dir(mod_helper) if not n.startswith("__")))

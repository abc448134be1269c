# Imported modules are decoded like compile() of bytes.
import sys, traceback
from mod_latin1 import word
print(word, len(word))
for name in ("mod_undeclared", "mod_unknown", "mod_null"):
    try:
        __import__(name)
    except SyntaxError as e:
        print(name, e.msg, e.lineno, e.offset, repr(e.text))
        print("".join(traceback.format_exception_only(*sys.exc_info()[:2])), end="")

# SystemExit can be caught; its code and args.
import sys
for arg in [(), (None,), (5,), ("text",), ((1, 2),)]:
    try:
        sys.exit(*arg)
    except SystemExit as e:
        print(repr(e.code), e.args)
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print(repr(e.code), e.args)
try:
    sys.exit(1, 2)
except TypeError as e:
    print("TypeError:", e)
print("after")

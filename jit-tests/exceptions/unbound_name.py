# NameError / UnboundLocalError variants (caught)
def f():
    print(x)
    x = 1
try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def g():
    del y
try:
    g()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def h():
    try:
        return undefined_global
    except NameError as e:
        return "NameError: " + str(e)
print(h())
def closure():
    def inner():
        return v
    try:
        return inner()
    except NameError as e:
        return type(e).__name__ + ": " + str(e)
    v = 1
print(closure())
z = 1
del z
try:
    z
except NameError as e:
    print("NameError:", e)
try:
    prnt("typo")
except NameError as e:
    print("NameError:", e)
class C:
    attr = 1
    try:
        print(missing_in_class)
    except NameError as e:
        print("NameError in class:", e)
try:
    try:
        raise ValueError
    except ValueError as exc:
        pass
    print(exc)
except NameError as e:
    print("NameError:", e)

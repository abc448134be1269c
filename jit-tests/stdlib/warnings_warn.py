# CPython's warnings module: warn() prints "file:line: Category: message" plus the source
# line on stderr; filters, once/default/ignore/error actions, catch_warnings.
import warnings


def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)


def f():
    warnings.warn("something odd")


f()
f()  # the default filter shows each location once
warnings.warn("a user warning", UserWarning)
old_api()  # DeprecationWarning is shown when triggered by __main__
warnings.warn("runtime", RuntimeWarning)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    f()
    f()
    warnings.warn("bytes?", BytesWarning)
    print([(x.category.__name__, str(x.message), x.lineno) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        f()
    except UserWarning as e:
        print("raised:", e)
warnings.filterwarnings("ignore", message="ignored.*")
warnings.warn("ignored message")
warnings.warn("shown message")
print(warnings.formatwarning("msg", UserWarning, "file.py", 3, "line = 1"), end="")
warnings.showwarning("shown directly", FutureWarning, "other.py", 7, line="x = 2")
print("done")

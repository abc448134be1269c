# _contextvars: ContextVar get/set/reset with tokens, Context.run isolation,
# copy_context, the mapping interface, threads starting empty, and CPython's errors.
import contextvars
import threading
from contextvars import Context, ContextVar, Token, copy_context

v = ContextVar('v', default=1)
w = ContextVar('w')
print(v.name, v.get(), w.get('fallback'))
try:
    w.get()
except LookupError as e:
    print('LookupError', type(e.args[0]).__name__, e.args[0].name)

t = v.set(10)
print(v.get(), type(t).__name__, t.var is v, t.old_value is Token.MISSING, repr(Token.MISSING))
t2 = v.set(20)
print(v.get(), t2.old_value)
v.reset(t2)
print(v.get())
v.reset(t)
print(v.get())
try:
    v.reset(t)
except RuntimeError as e:
    print('RuntimeError', 'has already been used once' in str(e))
try:
    w.reset(v.set(3))
except ValueError as e:
    print('ValueError', 'was created by a different ContextVar' in str(e))

ctx = copy_context()
print(type(ctx).__name__, v in ctx, ctx[v], len(ctx) >= 1, ctx.get(w, 'none'))


def inside(x, y=0):
    v.set(x + y)
    w.set('in')
    return v.get(), w.get()


print(ctx.run(inside, 5, y=2))
print(v.get(), w.get('unset'))
print(ctx[v], ctx[w], sorted(k.name for k in ctx), sorted(map(str, ctx.values())))
print(sorted((k.name, str(val)) for k, val in ctx.items()))


def nested():
    try:
        ctx.run(lambda: None)
    except RuntimeError as e:
        return 'RuntimeError ' + str(e).split(':')[0]


print(ctx.run(nested))

empty = Context()
print(len(empty), list(empty), empty.get(v), empty.run(v.get))
for bad in [lambda: Context(1), lambda: ContextVar(5), lambda: ctx[5], lambda: Token(),
            lambda: v.reset(5)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
try:
    ctx[ContextVar('fresh')]
except KeyError as e:
    print('KeyError', type(e.args[0]).__name__)

seen = []
def worker():
    seen.append(v.get())
    v.set(99)
    seen.append(v.get())
th = threading.Thread(target=worker)
th.start()
th.join()
print(seen, v.get())
print(ContextVar[int], contextvars.ContextVar is ContextVar)
print(repr(ContextVar('r')).startswith("<ContextVar name='r' at 0x"), repr(ContextVar('r', default=2)).startswith("<ContextVar name='r' default=2 at"))
print(repr(t).startswith('<Token used var=<ContextVar name='))

import decimal
print(decimal.Decimal('1.1') + decimal.Decimal('2.2'), decimal.getcontext().prec)
with decimal.localcontext() as c:
    c.prec = 5
    print(decimal.Decimal(1) / decimal.Decimal(7))
print(decimal.Decimal(1) / decimal.Decimal(7))

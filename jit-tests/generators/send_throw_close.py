# send, throw, close
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
acc = accumulator()
print(next(acc), acc.send(10), acc.send(5), acc.send(100))
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)
def fresh():
    yield 1
try:
    fresh().send(5)
except TypeError as e:
    print("TypeError:", e)
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught inside:", e)
            yield "recovered"
g = catcher()
print(next(g), g.throw(ValueError("boom")), next(g))
try:
    g.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
print(list(g))
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup ran")
g = with_finally()
print(next(g))
g.close()
print("closed")
g.close()
def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "bad"
g = ignores_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def gen_exit_observed():
    try:
        yield
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
g = gen_exit_observed()
next(g)
g.close()
g = with_finally()
try:
    g.throw(ValueError("before start"))
except ValueError as e:
    print("unstarted throw:", e)
def running():
    yield g2.send(None)
g2 = running()
try:
    next(g2)
except ValueError as e:
    print("ValueError:", e)
def raises_stop():
    yield 1
    raise StopIteration("explicit")
try:
    list(raises_stop())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
g = accumulator()
next(g)
print(g.throw(ValueError, None, None) if False else "skip", g.send(3))

# A line-coverage counter: (function, line) -> hits, printed sorted.
import sys

hits = {}


def tracer(frame, event, arg):
    if event == "line":
        key = (frame.f_code.co_name, frame.f_lineno)
        hits[key] = hits.get(key, 0) + 1
    return tracer


def classify(n):
    if n % 15 == 0:
        return "fizzbuzz"
    elif n % 3 == 0:
        return "fizz"
    elif n % 5 == 0:
        return "buzz"
    else:
        return str(n)


class Ctx:
    def __enter__(self):
        return "ctx"

    def __exit__(self, *exc):
        return False


def loops(n):
    total = 0
    for i in range(n):
        if i % 2:
            continue
        total += i
    while n > 0:
        n -= 3
        if n == 1:
            break
    else:
        total = -total
    try:
        total // 0
    except ZeroDivisionError:
        total += 1
    finally:
        total += 2
    with Ctx() as f:
        first = f.upper()
    squares = [x * x for x in range(3)]
    return total, len(first) > 0, squares


def gen(n):
    for i in range(n):
        yield i * 2
    return "end"


sys.settrace(tracer)
for i in range(1, 16):
    classify(i)
loops(10)
loops(7)
list(gen(3))
sys.settrace(None)
for (name, line), n in sorted(hits.items()):
    print(f"{name:10} {line:3} {n}")

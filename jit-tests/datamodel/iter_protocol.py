# __iter__ / __next__ and iteration semantics
class CountDown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(CountDown(5)))
cd = CountDown(3)
for x in cd:
    print("got", x)
print(list(cd))
class Reusable:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        return iter(self.items)
r = Reusable([1, 2, 3])
print(list(r), list(r), sum(r), max(r), sorted(r, reverse=True), 2 in r)
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
a, b, c = CountDown(3)
print(a, b, c)
first, *rest = CountDown(4)
print(first, rest)
print(dict(zip(CountDown(3), "abc")), list(enumerate(CountDown(2), 1)))
class NotIter:
    pass
try:
    iter(NotIter())
except TypeError as e:
    print("TypeError:", e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
it = iter(range(3))
print(iter(it) is it, list(it), list(it))
calls = [0]
def produce():
    calls[0] += 1
    return calls[0]
print(list(iter(produce, 4)))
class Fib:
    def __iter__(self):
        a, b = 0, 1
        while True:
            yield a
            a, b = b, a + b
for i, f in zip(range(10), Fib()):
    print(f, end=" ")
print()

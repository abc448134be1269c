# Compute kernel: send()-driven coroutines in loops
def averager():
    total = 0.0
    count = 0
    avg = 0.0
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count
def filter_stage(target, pred):
    while True:
        x = yield
        if pred(x):
            target.send(x)
def sink():
    n = 0
    s = 0
    while True:
        x = yield (n, s)
        n += 1
        s += x
a = averager()
next(a)
last = 0.0
for i in range(30000):
    last = a.send(i % 100)
print(round(last, 6))
snk = sink()
next(snk)
flt = filter_stage(snk, lambda v: v % 3 == 0)
next(flt)
for i in range(30000):
    flt.send(i)
print(snk.send(0))

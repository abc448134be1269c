# The GIL is handed over: a thread spinning without blocking does not starve the others,
# and a pure-Python counter loop in each of two threads finishes.
import sys
import threading

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError:", e)

stop = False
spins = 0


def spinner():
    global spins
    while not stop:
        spins += 1


t = threading.Thread(target=spinner)
t.start()
total = 0
for i in range(200000):
    total += i
stop = True
t.join()
print("main finished while spinner ran", total, spins > 0)

progress = {"a": 0, "b": 0}
flag = {"stop": False}


def runner(key):
    while not flag["stop"]:
        progress[key] += 1
        if progress["a"] > 1000 and progress["b"] > 1000:
            flag["stop"] = True


ra = threading.Thread(target=runner, args=("a",))
rb = threading.Thread(target=runner, args=("b",))
ra.start()
rb.start()
ra.join()
rb.join()
print("both progressed", progress["a"] > 1000, progress["b"] > 1000)
sys.setswitchinterval(0.005)

# time: clocks and sleep
import time
t0 = time.perf_counter(); time.sleep(0.01); t1 = time.perf_counter()
print(t1 - t0 >= 0.01, time.time() > 1e9, type(time.time_ns()).__name__, time.monotonic() >= 0)
try:
    time.sleep(-1)
except ValueError as e:
    print(e)

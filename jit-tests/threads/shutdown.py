# At exit the main thread joins non-daemon threads; daemon threads are abandoned.
import threading
import time

ev = threading.Event()


def late():
    ev.wait()
    time.sleep(0.02)
    print("non-daemon thread finished after main")


def forever():
    while True:
        time.sleep(0.01)


threading.Thread(target=late).start()
threading.Thread(target=forever, daemon=True).start()
print("main body done", threading.active_count())
ev.set()

import sys
import threading

def thread_info():
    thread_id = threading.current_thread().ident
    frames = sys._current_frames()
    print(f"Thread {thread_id} frames: {len(frames)}")

# Each thread has its own frame stack

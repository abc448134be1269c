import sys
import gc

# GC thresholds
print(f"GC thresholds: {gc.get_threshold()}")

# Manual GC control
sys.settrace(lambda frame, event, arg: None)  # Can affect GC behavior

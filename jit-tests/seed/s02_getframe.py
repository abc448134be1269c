import sys

def demonstrate_runtime():
    # Current frame information
    frame = sys._getframe()
    print(f"Current function: {frame.f_code.co_name}")
    print(f"Current file: {frame.f_code.co_filename}")

    # Recursion tracking
    print(f"Current recursion depth: {len(sys._current_frames())}")

demonstrate_runtime()

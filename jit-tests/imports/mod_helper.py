# helper module (not a test): imported by imports/*.py
print("mod_helper: executing module body, __name__ =", __name__)
CONSTANT = 42
_private = "hidden"
counter = 0
def greet(name):
    return f"hello, {name}"
def bump():
    global counter
    counter += 1
    return counter
class Widget:
    def __init__(self, size):
        self.size = size
    def __repr__(self):
        return f"Widget({self.size})"
__all__ = ["CONSTANT", "greet", "Widget"]
if __name__ == "__main__":
    print("never printed when imported")

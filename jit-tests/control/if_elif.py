# if / elif / else
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
print([classify(v) for v in [-5, 0, 3, 42, 1000]])
for v in [0, 1, "", "x", [], [0], None]:
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
x = 15
if x % 3 == 0 and x % 5 == 0:
    print("fizzbuzz")
if not x:
    print("never")
elif x > 10:
    if x > 20:
        print("never")
    else:
        print("between 10 and 20")
if x: print("one-line if")
if x > 100: pass
else: print("one-line else")
print("yes" if x else "no", "a" if x < 0 else "b" if x < 10 else "c")
for i in range(1, 16):
    print("FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else i, end=" ")
print()

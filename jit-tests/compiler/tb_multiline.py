# Traceback line numbers for multi-line constructs
def fail(x):
    return x.missing
data = [1,
        2]
result = (data
          .copy())
print(result)
value = fail(
    5
)

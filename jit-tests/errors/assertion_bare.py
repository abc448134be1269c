# uncaught AssertionError without message
data = [1, 2, 3]
assert len(data) == 3
assert sum(data) == 7

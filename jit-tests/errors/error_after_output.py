# stdout written before the failure must be flushed
for i in range(5):
    print("line", i)
print("partial", end="")
raise RuntimeError("after output")

# In bytes, the same escape is a (value error).
print('never runs')
bad = b'\x4g'

# converting a huge int to str exceeds the 4300 digit limit
n = 10 ** 100000
print(n.bit_length())
print(len(str(n)))

s = 'ab'
t = s
s += 'c'
print(s, t)
def f():
    x = ''
    keep = []
    for i in range(5):
        x += str(i)
        keep.append(x)
    y = x
    x += '!'
    return x, y, keep
print(f())
d = {'k': 'v'}
k = 'k'
k += 'x'
print(k, d)
u = 'é'
for c in '中😀':
    u += c
print(u, len(u), u[2], hash(u) == hash('é中😀'), {u: 1}['é中😀'])

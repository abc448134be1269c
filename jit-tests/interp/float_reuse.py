a = 1.5
b = a
a += 2.0
print(a, b)
x = 3.0
y = x * 2.0 + 1.0
print(x, y, -y, -(x + 1.0), x)
l = [1.0, 2.0]
s = l[0] + l[1]
print(l, s)
class F(float):
    def __add__(self, o): return 'F'
f = F(2.0)
print(f + 1.0, 1.0 + f, type(-f))
t = 0.0
for i in range(5):
    t = t + i * 0.5
    t -= 0.25
print(t, 2 / 4.0, 3 * 1.5, 1.0 / 3)
z = 1e308
print(z * 10, -z * 10)
u = 5.0
v = u
print(-u, u, v, -v)
print(id(x) != id(y))

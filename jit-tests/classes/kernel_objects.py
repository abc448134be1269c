# Compute kernel: object-oriented simulation
class Account:
    def __init__(self, ident, balance):
        self.ident = ident
        self.balance = balance
        self.history = 0
    def deposit(self, amt):
        self.balance += amt
        self.history += 1
    def withdraw(self, amt):
        if amt > self.balance:
            return False
        self.balance -= amt
        self.history += 1
        return True

class Bank:
    def __init__(self, n):
        self.accounts = [Account(i, 1000) for i in range(n)]
        self.failed = 0
    def transfer(self, a, b, amt):
        if self.accounts[a].withdraw(amt):
            self.accounts[b].deposit(amt)
        else:
            self.failed += 1
    def total(self):
        return sum(acc.balance for acc in self.accounts)

bank = Bank(50)
seed = 42
for _ in range(30000):
    seed = (seed * 1664525 + 1013904223) % 4294967296
    a = seed % 50
    b = (seed >> 8) % 50
    amt = (seed >> 16) % 300
    bank.transfer(a, b, amt)
print(bank.total(), bank.failed)
richest = max(bank.accounts, key=lambda acc: acc.balance)
print(richest.ident, richest.balance, sum(acc.history for acc in bank.accounts))

class Shape:
    def area(self):
        raise NotImplementedError
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r * self.r
shapes = [Rect(i, i + 1) if i % 2 else Circle(i * 0.5) for i in range(1000)]
total = 0.0
for s in shapes:
    total += s.area()
print(round(total, 4))

# traceback through methods, lambdas and comprehensions
class Processor:
    def run(self, items):
        return [self.transform(i) for i in items]
    def transform(self, item):
        f = lambda v: 100 // v
        return f(item)
print(Processor().run([1, 2, 5]))
Processor().run([4, 0])

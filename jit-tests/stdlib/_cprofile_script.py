# Helper of cprofile_cli: a small program profiled by `-m cProfile`.
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def main():
    out = []
    for i in range(10):
        out.append(fib(i))
    print(sum(out), len(out), sorted(out, key=abs)[-1])


main()

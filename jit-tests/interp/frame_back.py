# A frame object that outlives its frame keeps f_back (the caller's frame).
import sys


def f():
    return sys._getframe()


def g():
    return f()


fr = g()
chain = []
while fr is not None:
    chain.append(fr.f_code.co_name)
    fr = fr.f_back
print(chain)


def boom():
    raise ValueError("x")


try:
    boom()
except ValueError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print(tb.tb_frame.f_code.co_name, tb.tb_frame.f_back.f_code.co_name)

"""A module with doctests (helper of doctest_basic.py).

>>> add(2, 3)
5
>>> [add(i, i) for i in range(3)]
[0, 2, 4]
"""

def add(a, b):
    """Add.

    >>> add(1, 1)
    2
    >>> add('a', 'b')
    'ab'
    >>> add(1, 'x')
    Traceback (most recent call last):
      ...
    TypeError: unsupported operand type(s) for +: 'int' and 'str'
    """
    return a + b

def wrong():
    """
    >>> 1 + 1
    3
    >>> print("a\\nb")
    a
    b
    """

class K:
    """
    >>> K().m()
    'm'
    """
    def m(self):
        return 'm'

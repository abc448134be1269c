print('abc'.count('', 5), 'abc'.count('', 3), 'abc'.find('', 3), 'abc'.find('', 4), 'abc'.rfind(''), 'abc'.index('', 1), 'aaa'.count('aa'), 'abc'.startswith(''), 'abc'.endswith('', 4))
print('a' * True, [1] * False, (1,) * 2, max('ab', 'b', key=len), min([], default=None), sorted([True, 0, 1.5, -1]), sorted([(1, 2), (1,), ()]))
print(list(enumerate(iterable='ab', start=1)), ' x  y '.split(sep=None, maxsplit=1), 'a-b-c'.rsplit(sep='-', maxsplit=1))
for f in [lambda: sorted([1], None), lambda: [].pop(index=0), lambda: {}.get(key=1), lambda: max([1], bogus=1), lambda: 'a'.split('a', 'b')]:
    try:
        print(f())
    except TypeError as e:
        print('TypeError', e)
print('%s' % [], '%s' % {}, '%d%%' % 5, str(()), str(set()), repr(frozenset({frozenset()})))
for f in [lambda: 'a'.center(width=5), lambda: [].insert(i=1), lambda: (1,).index(value=1), lambda: {}.pop(k=1), lambda: set().add(x=1), lambda: b''.count(x=1), lambda: 'a'.find(sub='a'), lambda: [].index(x=1), lambda: 'a'.replace(old='a', new='b'), lambda: bytearray().pop(index=1), lambda: [].append(x=1), lambda: range(3).index(x=1), lambda: 'a'.zfill(width=1), lambda: 'a'.strip(chars='a'), lambda: 'a'.join(iterable=[]), lambda: set().union(x=1), lambda: [].pop(index=0), lambda: {}.get(key=1)]:
    try:
        f()
    except TypeError as e:
        print(e)

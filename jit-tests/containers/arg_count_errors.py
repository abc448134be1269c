tests = [
    lambda: [].append(), lambda: [].append(1, 2), lambda: [].insert(1), lambda: [].pop(1, 2), lambda: [].index(), lambda: [].count(),
    lambda: [].remove(), lambda: [].extend(), lambda: [].copy(1), lambda: [].clear(1), lambda: [].reverse(1), lambda: (1,).count(), lambda: (1,).index(),
    lambda: {}.get(), lambda: {}.pop(), lambda: {}.setdefault(), lambda: {}.popitem(1), lambda: {}.keys(1), lambda: {}.update(1, 2), lambda: {}.fromkeys(),
    lambda: set().add(), lambda: set().remove(), lambda: set().discard(), lambda: set().pop(1), lambda: set().issubset(), lambda: set().isdisjoint(),
    lambda: 'a'.split(1, 2, 3), lambda: 'a'.find(), lambda: 'a'.count(), lambda: 'a'.replace('a'), lambda: 'a'.center(), lambda: 'a'.join(), lambda: 'a'.strip(1, 2),
    lambda: 'a'.startswith(), lambda: 'a'.encode(1, 2, 3), lambda: 'a'.partition(), lambda: 'a'.upper(1), lambda: 'a'.zfill(), lambda: 'a'.format_map(),
    lambda: b'a'.decode(1, 2, 3), lambda: b'a'.split(1, 2, 3), lambda: bytearray().append(), lambda: range(3).index(), lambda: slice(1).indices(),
    lambda: len(), lambda: len(1, 2), lambda: sorted(), lambda: any(), lambda: all(1, 2), lambda: enumerate(), lambda: reversed(), lambda: zip().__next__(1),
    lambda: list(1, 2), lambda: tuple(1, 2), lambda: dict(1, 2), lambda: set(1, 2), lambda: frozenset(1, 2), lambda: str(1, 2, 3, 4), lambda: bytes(1, 2, 3, 4), lambda: range(), lambda: slice(),
]
for t in tests:
    try:
        t()
        print('no error')
    except TypeError as e:
        print(e)

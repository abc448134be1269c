print({'apple', 'banana', 'cherry', 'date'}, {(1, 2), (3, 4), (5, 6)}, {1.5, 2.5, -0.5}, {'é', '中', 'a'}, {b'x', b'yy'}, set('hello world'))
print(hash('abc'), hash(b'abc'), hash(('a', 1)), hash(frozenset('ab')), {frozenset('ab'), frozenset('c')})
d = {}
for w in 'the quick brown fox jumps over the lazy dog'.split():
    d.setdefault(len(w), set()).add(w)
print(d)

# _csv under csv.py: reader state machine (quotes, escapes, newlines in fields, strict),
# writer quoting modes, dialects and the registry, DictReader/DictWriter, Sniffer, and
# the errors of _csv.c.
import csv
import io

rows = [
    ['plain', 'with,comma', 'with "quote"', 'multi\nline', '', None, 3, 2.5, True],
    ['  lead', 'trail  ', "'single'", 'tab\there', 'cr\rlf'],
    [],
    [''],
]
for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC):
    buf = io.StringIO()
    w = csv.writer(buf, quoting=quoting)
    for r in rows:
        print(repr(w.writerow(r)))
    text = buf.getvalue()
    print(repr(text))
    print(list(csv.reader(io.StringIO(text, newline=''))))

buf = io.StringIO()
w = csv.writer(buf, delimiter=';', quotechar="'", escapechar='\\', doublequote=False, lineterminator='\n')
w.writerows([["it's", 'a;b', 'back\\slash'], ['x']])
print(repr(buf.getvalue()))
print(list(csv.reader(io.StringIO(buf.getvalue()), delimiter=';', quotechar="'", escapechar='\\', doublequote=False)))

buf = io.StringIO()
w = csv.writer(buf, quoting=csv.QUOTE_NONE, escapechar='\\')
w.writerow(['a,b', 'c"d', 'e\\f'])
print(repr(buf.getvalue()), list(csv.reader([buf.getvalue()], quoting=csv.QUOTE_NONE, escapechar='\\')))

lines = ['a,b,c\r\n', '"x ""quoted""",  y ,"multi\n', 'line"\n', '1,2\n', '\n', ' "s", t\n', 'end']
r = csv.reader(lines)
for row in r:
    print(r.line_num, row)
print(list(csv.reader([' a, "b" ,c'], skipinitialspace=True)))
print(list(csv.reader(['1,"2",3.5,x'], quoting=csv.QUOTE_NONNUMERIC)) if False else '')
print(list(csv.reader(['1,2.5,-3'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(['"ab"c,d'])), list(csv.reader(['"open'])), list(csv.reader(['a\\,b'], escapechar='\\')))

text = 'name,age,city\nAnn,30,Oslo\nBob,25,"Rio, BR"\n'
for rec in csv.DictReader(io.StringIO(text)):
    print(rec)
dr = csv.DictReader(io.StringIO('a,b\n1,2,3\n4\n'), restkey='rest', restval='?')
print(list(dr), dr.fieldnames, dr.line_num)
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=['x', 'y'], extrasaction='ignore')
dw.writeheader()
dw.writerow({'x': 1, 'y': 'two', 'z': 3})
dw.writerows([{'x': None}, {'y': 'a,b'}])
print(repr(out.getvalue()))
try:
    csv.DictWriter(io.StringIO(), ['x']).writerow({'q': 1})
except ValueError as e:
    print('ValueError', e)

print(csv.list_dialects())
csv.register_dialect('pipes', delimiter='|', quoting=csv.QUOTE_ALL)
d = csv.get_dialect('pipes')
print(type(d).__name__, d.delimiter, d.quotechar, d.escapechar, d.doublequote, d.quoting, repr(d.lineterminator),
      d.skipinitialspace, d.strict)
buf = io.StringIO()
csv.writer(buf, 'pipes').writerow(['a', 1])
print(repr(buf.getvalue()), 'pipes' in csv.list_dialects())
csv.unregister_dialect('pipes')
e = csv.get_dialect('excel-tab')
print(repr(e.delimiter), csv.get_dialect('unix').quoting, repr(csv.get_dialect('unix').lineterminator))


class Semi(csv.Dialect):
    delimiter = ';'
    quotechar = '"'
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL
    doublequote = True
    skipinitialspace = False


buf = io.StringIO()
csv.writer(buf, Semi).writerow(['a;b', 'c'])
print(repr(buf.getvalue()), list(csv.reader(['x;"y;z"'], Semi)))
try:
    class Bad(csv.Dialect):
        delimiter = 'ab'
        quotechar = '"'
        lineterminator = '\n'
        quoting = 0
    Bad()
except csv.Error as e:
    print('csv.Error', e)

sn = csv.Sniffer()
sample = 'a;b;c\n1;2;3\n4;5;6\n'
dia = sn.sniff(sample)
print(dia.delimiter, sn.has_header('name,age\nann,30\nbob,40\n'))
print(csv.field_size_limit(), csv.field_size_limit(10), csv.field_size_limit())
try:
    list(csv.reader(['x' * 11]))
except csv.Error as e:
    print('csv.Error', e)
csv.field_size_limit(131072)

for kw in [dict(delimiter=1), dict(delimiter='ab'), dict(delimiter=None), dict(quotechar=1), dict(quotechar='ab'),
           dict(quotechar=None), dict(quoting=9), dict(quoting='a'), dict(lineterminator=None),
           dict(lineterminator=1), dict(escapechar='ab'), dict(doublequote=0), dict(delimiter=''), dict(nope=1)]:
    try:
        dd = csv.reader([], **kw).dialect
        print(kw, 'ok', dd.quoting, dd.quotechar, dd.doublequote)
    except Exception as ex:
        print(kw, type(ex).__name__, ex)
bad = [lambda: csv.get_dialect('zz'), lambda: csv.unregister_dialect('zz'), lambda: csv.writer(io.StringIO()).writerow(5),
       lambda: list(csv.reader([b'a'])), lambda: list(csv.reader(['"ab'], strict=True)),
       lambda: list(csv.reader(['"ab"c'], strict=True)), lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['a,b']),
       lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['']), lambda: csv.reader(5),
       lambda: csv.writer(5), lambda: list(csv.reader(['a\rb'])), lambda: csv.register_dialect(5),
       lambda: csv.field_size_limit('x'), lambda: list(csv.reader(['x,y'], quoting=csv.QUOTE_NONNUMERIC))]
for f in bad:
    try:
        print(f())
    except Exception as ex:
        print(type(ex).__name__, ex)
print(issubclass(csv.Error, Exception), csv.Error.__module__, csv.QUOTE_NONE, csv.__version__)
print(list(csv.reader(['a\tb'], dialect='excel-tab')), csv.reader([], dialect='unix', delimiter=';').dialect.delimiter)
csv.register_dialect('kw', dialect='excel', delimiter=':')
print(csv.get_dialect('kw').delimiter, csv.get_dialect('kw').quoting)

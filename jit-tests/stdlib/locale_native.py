# The native _locale over the C library, in the C and C.UTF-8 locales (set first, so the
# output does not depend on the environment): setlocale, localeconv, nl_langinfo, strcoll,
# strxfrm, gettext functions, locale.py over them, and the argument errors.
import _locale
_locale.setlocale(_locale.LC_ALL, "C.UTF-8")
import _locale, locale
print(sorted(n for n in dir(_locale) if not n.startswith("__")))
print({n: getattr(_locale, n) for n in dir(_locale) if n.isupper()})
print(_locale.localeconv())
print(_locale.getencoding(), _locale.Error, _locale.Error.__mro__, locale.Error is _locale.Error)
print(locale.setlocale(locale.LC_ALL), locale.setlocale(locale.LC_CTYPE), locale.getlocale(), locale.getpreferredencoding(False))
for a in [(99,), ('x',), (0, 'xx'), (0, 1), (), (locale.LC_NUMERIC, 'C'), (locale.LC_TIME, 'C.UTF-8'), (locale.LC_TIME,), (locale.LC_ALL, 'C.UTF-8'), (locale.LC_ALL,), (locale.LC_ALL, 'C'), (locale.LC_ALL, 'POSIX'), (locale.LC_ALL,)]:
    try: print(a, _locale.setlocale(*a))
    except Exception as e: print(a, type(e).__name__, e)
for k in [0, 14, 99999, 'x', _locale.ERA, _locale.D_T_FMT, _locale._DATE_FMT, _locale.DAY_1, _locale.ABMON_12, _locale.YESEXPR, _locale.RADIXCHAR, _locale.THOUSEP, _locale.CRNCYSTR]:
    try: print(repr(_locale.nl_langinfo(k)))
    except Exception as e: print(type(e).__name__, e)
print(_locale.strcoll('a', 'b'), _locale.strcoll('b', 'a'), _locale.strcoll('é', 'é'), _locale.strxfrm('abc'), _locale.strxfrm('é'), _locale.gettext('hello'), _locale.textdomain(None), _locale.dgettext(None, 'x'), _locale.dcgettext(None, 'x', _locale.LC_MESSAGES))
for f, a in [(_locale.strcoll, (1, 'a')), (_locale.strcoll, ('a', 1)), (_locale.strxfrm, (1,)), (_locale.strcoll, ('a\0', 'b')), (_locale.gettext, (1,)), (_locale.bindtextdomain, ('', None)), (_locale.localeconv, (1,))]:
    try: print(f(*a))
    except Exception as e: print(type(e).__name__, e)
print(locale.format_string('%.2f', 1234.5, grouping=True), locale.currency if False else '', locale.str(1.5), locale.atof('1.5'), locale.normalize('en_US'), locale.strxfrm('b') < locale.strxfrm('c'))
import time
print(time.strftime('%a %b', time.gmtime(0)))
for f,a in [(_locale.textdomain,(1,)),(_locale.getencoding,(1,)),(_locale.nl_langinfo,()),(_locale.strxfrm,()),(_locale.dgettext,(1,'x')),(_locale.setlocale,(0,'a\0b')),(_locale.gettext,()),(_locale.textdomain,()),(_locale.strcoll,('a',)),(_locale.dgettext,('a',))]:
    try: f(*a)
    except Exception as e: print(type(e).__name__, e)

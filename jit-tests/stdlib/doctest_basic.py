# CPython's doctest (over io.IncrementalNewlineDecoder and StringIO): testmod on a helper
# module with passing, failing and exception examples, quiet and verbose, plus the
# parser and runner used directly.
import doctest

import _doctest_sample

print(doctest._newline_convert("a\r\nb\rc"))
print(doctest.testmod(_doctest_sample))
r = doctest.testmod(_doctest_sample, report=False, optionflags=doctest.ELLIPSIS)
print(r.failed, r.attempted)
t = doctest.DocTestParser().get_doctest(">>> x = 5\n>>> x * 2\n10\n>>> print('a ...')\na ...\n", {}, "name", "file", 0)
print(len(t.examples), [e.source for e in t.examples], t.examples[1].want)
print(doctest.DocTestRunner(verbose=False).run(t))
print(doctest.DocTestRunner(verbose=True).run(t))
finder = doctest.DocTestFinder()
print(sorted((x.name, len(x.examples)) for x in finder.find(_doctest_sample)))
print(doctest.testmod(_doctest_sample, verbose=True))

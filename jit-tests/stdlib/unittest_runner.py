# unittest driven from code: a loader, a text runner on a StringIO, and the result.
import io
import unittest

import _unittest_sample

suite = unittest.defaultTestLoader.loadTestsFromModule(_unittest_sample)
print(suite.countTestCases())
buf = io.StringIO()
result = unittest.TextTestRunner(stream=buf, verbosity=2).run(suite)
print(buf.getvalue())
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
      len(result.expectedFailures), result.wasSuccessful())
print(_unittest_sample.Fixtures.log)

# A unittest module for stdlib/unittest_*: passes, failures, errors, skips, expected
# failures and subtests; the clock is pinned so "Ran N tests in 0.000s" is stable.
import time
import unittest

time.perf_counter = lambda: 0.0


class Sample(unittest.TestCase):
    def test_ok(self):
        self.assertEqual(1 + 1, 2)

    def test_fail(self):
        self.assertEqual([1, 2], [1, 3])

    def test_error(self):
        raise KeyError('k')

    @unittest.skip("not today")
    def test_skip(self):
        pass

    @unittest.expectedFailure
    def test_expected(self):
        self.assertTrue(False)

    def test_subtests(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError):
            1 / 0
        self.assertRaisesRegex(ValueError, "invalid", int, "x")
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertIn(3, [1, 2, 3])
        self.assertIsNone(None)


class Fixtures(unittest.TestCase):
    log = []

    @classmethod
    def setUpClass(cls):
        cls.log.append('setUpClass')

    def setUp(self):
        self.log.append('setUp')

    def tearDown(self):
        self.log.append('tearDown')

    def test_a(self):
        self.assertEqual(self.log[0], 'setUpClass')


if __name__ == '__main__':
    unittest.main()

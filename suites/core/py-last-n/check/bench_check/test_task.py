import unittest

from listutil import first_n, last_n


class LastN(unittest.TestCase):
    def test_zero(self):
        self.assertEqual(last_n([1, 2, 3], 0), [])

    def test_some_and_more_than_all(self):
        self.assertEqual(last_n([1, 2, 3], 2), [2, 3])
        self.assertEqual(last_n([1, 2, 3], 5), [1, 2, 3])
        self.assertEqual(last_n([], 1), [])

    def test_first_n_unchanged(self):
        self.assertEqual(first_n([1, 2, 3], 2), [1, 2])

if __name__ == '__main__':
    unittest.main()

import unittest

from money import split_bill


class SplitMore(unittest.TestCase):
    def test_more_splits(self):
        self.assertEqual(split_bill(10, 4), [3, 3, 2, 2])
        self.assertEqual(split_bill(9, 3), [3, 3, 3])
        self.assertEqual(split_bill(0, 2), [0, 0])

if __name__ == '__main__':
    unittest.main()

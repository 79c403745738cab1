import unittest

from pagination import page_count, page_slice


class Pages(unittest.TestCase):
    def test_partial_last_page(self):
        self.assertEqual(page_count(101, 10), 11)
        self.assertEqual(page_count(1, 10), 1)

    def test_exact_and_empty(self):
        self.assertEqual(page_count(100, 10), 10)
        self.assertEqual(page_count(0, 10), 0)

    def test_rest_unchanged(self):
        with self.assertRaises(ValueError):
            page_count(5, 0)
        self.assertEqual(page_slice(2, 10), (10, 20))

if __name__ == '__main__':
    unittest.main()

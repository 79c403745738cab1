import unittest

from events import add_tag


class Tags(unittest.TestCase):
    def test_fresh_list_each_call(self):
        self.assertEqual(add_tag("a"), ["a"])
        self.assertEqual(add_tag("b"), ["b"])

    def test_given_list(self):
        tags = ["x"]
        self.assertIs(add_tag("y", tags), tags)
        self.assertEqual(add_tag("y", tags), ["x", "y"])

if __name__ == '__main__':
    unittest.main()

import unittest

from textutils import title_case


class TitleCase(unittest.TestCase):
    def test_words(self):
        self.assertEqual(title_case("hello big world"), "Hello Big World")


if __name__ == "__main__":
    unittest.main()

import unittest

import os
import subprocess
import sys

from textutils import title_case, word_count


class WordCount(unittest.TestCase):
    def test_counts(self):
        self.assertEqual(word_count("It's it, IT!"), {"it's": 1, "it": 2})
        self.assertEqual(word_count("a b\na 2 2 2"), {"a": 2, "b": 1, "2": 3})
        self.assertEqual(word_count(""), {})

    def test_title_case_unchanged(self):
        self.assertEqual(title_case("a b"), "A B")

    def test_tests_were_added_and_pass(self):
        with open(os.path.join("tests", "test_word_count.py"), encoding="utf-8") as f:
            self.assertIn("word_count", f.read())
        run = subprocess.run([sys.executable, "-m", "unittest", "tests.test_word_count"], capture_output=True, text=True)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertNotIn("Ran 0 tests", run.stderr)

if __name__ == '__main__':
    unittest.main()

import unittest

from report import parse, parse_row


class ParseRow(unittest.TestCase):
    def test_strips_fields(self):
        self.assertEqual(parse_row("a, b ,c"), ["a", "b", "c"])
        self.assertEqual(parse_row(" x \r\n"), ["x"])

    def test_parse(self):
        self.assertEqual(parse("a,b\r\n\r\n c , d\r\n"), [["a", "b"], ["c", "d"]])

    def test_crlf_kept(self):
        with open("report.py", "rb") as f:
            data = f.read()
        self.assertIn(b"\r\n", data)
        self.assertEqual(data.count(b"\n"), data.count(b"\r\n"), "a line ends in a bare LF")

if __name__ == '__main__':
    unittest.main()

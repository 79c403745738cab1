import unittest

from money import add_vat, format_eur, split_bill


class Money(unittest.TestCase):
    def test_vat(self):
        self.assertEqual(add_vat(1000), 1200)

    def test_format(self):
        self.assertEqual(format_eur(123456), "1,234.56 EUR")

    def test_split_keeps_every_cent(self):
        self.assertEqual(split_bill(1000, 3), [334, 333, 333])
        self.assertEqual(sum(split_bill(1001, 4)), 1001)


if __name__ == "__main__":
    unittest.main()

import unittest

from shipping import shipping_cost


class Shipping(unittest.TestCase):
    def test_express_doubles(self):
        self.assertEqual(shipping_cost(2, express=True), 16.0)
        self.assertEqual(shipping_cost(1, express=True), 13.0)

    def test_standard_unchanged(self):
        self.assertEqual(shipping_cost(2), 8.0)
        with self.assertRaises(ValueError):
            shipping_cost(0)

    def test_tabs_kept(self):
        with open("shipping.py", encoding="utf-8") as f:
            spaced = [l for l in f.read().split("\n") if l.startswith(" ")]
        self.assertEqual(spaced, [])

if __name__ == '__main__':
    unittest.main()

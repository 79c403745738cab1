import unittest

from inventory import ITEMS, find, reorder_list


class Reorder(unittest.TestCase):
    def test_at_or_below(self):
        codes = reorder_list()
        self.assertEqual(len(codes), 333)
        self.assertIn("K00010", codes)
        self.assertTrue(all(find(c)["qty"] <= find(c)["reorder_level"] for c in codes))

    def test_data_untouched(self):
        self.assertEqual(len(ITEMS), 1520)
        self.assertEqual(find("K00042")["name"], "Sensor 42")

if __name__ == '__main__':
    unittest.main()

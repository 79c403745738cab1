import unittest

import math

from geometry import circle_area, rectangle_area


class Circle(unittest.TestCase):
    def test_negative(self):
        with self.assertRaises(ValueError) as caught:
            circle_area(-1)
        self.assertEqual(str(caught.exception), "radius must not be negative")

    def test_others(self):
        self.assertEqual(circle_area(0), 0)
        self.assertAlmostEqual(circle_area(2), 4 * math.pi)
        self.assertEqual(rectangle_area(2, 3), 6)

if __name__ == '__main__':
    unittest.main()

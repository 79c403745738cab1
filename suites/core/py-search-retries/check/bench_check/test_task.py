import unittest

from client import http, retry, settings


class Retries(unittest.TestCase):
    def test_five_retries(self):
        self.assertEqual(settings.MAX_RETRIES, 5)
        self.assertEqual(retry.attempts(), 6)
        self.assertEqual(len(retry.delays()), 5)

    def test_timeout_unchanged(self):
        self.assertEqual(settings.TIMEOUT_S, 3)
        self.assertEqual(http.describe("/x")["timeout"], 3)

if __name__ == '__main__':
    unittest.main()

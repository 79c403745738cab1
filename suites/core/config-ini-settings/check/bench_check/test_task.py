import unittest

import configparser


class Settings(unittest.TestCase):
    def test_values(self):
        c = configparser.ConfigParser()
        with open("settings.ini", encoding="utf-8") as f:
            c.read_file(f)
        self.assertEqual(c["server"]["port"], "8080")
        self.assertEqual(c["logging"]["level"], "debug")
        self.assertEqual(c["server"]["host"], "127.0.0.1")
        self.assertEqual(c["server"]["workers"], "2")
        self.assertEqual(dict(c["database"]), {"url": "sqlite:///depot.db", "echo": "false"})
        self.assertEqual(c.sections(), ["server", "database", "logging"])

if __name__ == '__main__':
    unittest.main()

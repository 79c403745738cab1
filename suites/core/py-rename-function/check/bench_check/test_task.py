import unittest

import os

from app import cli, config, server


class Rename(unittest.TestCase):
    def test_new_name(self):
        self.assertEqual(config.load_config()["port"], 8000)
        self.assertFalse(hasattr(config, "get_cfg"))

    def test_callers(self):
        self.assertEqual(server.address(), "127.0.0.1:8000")
        self.assertEqual(cli.main([]), "normal")

    def test_old_name_gone(self):
        for name in os.listdir("app"):
            if name.endswith(".py"):
                with open(os.path.join("app", name), encoding="utf-8") as f:
                    self.assertNotIn("get_cfg", f.read(), name)

if __name__ == '__main__':
    unittest.main()

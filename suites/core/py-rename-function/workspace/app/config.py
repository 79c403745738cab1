"""Reads the app's settings file."""
import json

DEFAULTS = {"host": "127.0.0.1", "port": 8000, "debug": False}


def get_cfg(path=None):
    """DEFAULTS, overridden by the JSON file at `path` if given."""
    settings = dict(DEFAULTS)
    if path:
        with open(path, encoding="utf-8") as f:
            settings.update(json.load(f))
    return settings

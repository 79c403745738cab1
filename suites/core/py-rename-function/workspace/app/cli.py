import sys

from app import config


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    cfg = config.get_cfg(argv[0] if argv else None)
    return "debug" if cfg["debug"] else "normal"

"""Reads the nightly CSV export (no quoting, comma-separated)."""


def parse_row(line):
    """The fields of one line."""
    return line.rstrip("\r\n").split(",")


def parse(text):
    """All non-empty rows."""
    return [parse_row(line) for line in text.splitlines() if line.strip()]

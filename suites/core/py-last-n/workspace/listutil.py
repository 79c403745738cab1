"""List helpers for the activity feed."""


def first_n(items, n):
    """The first n items (all of them when there are fewer)."""
    return items[:n]


def last_n(items, n):
    """The last n items (all of them when there are fewer)."""
    return items[-n:]

"""Tagging for calendar events."""


def add_tag(tag, tags=[]):
    """Adds `tag` to `tags` (a new list when none is given) and returns the list."""
    if tag not in tags:
        tags.append(tag)
    return tags

"""Pagination for the search results page."""


def page_count(total_items, per_page):
    """How many pages `total_items` fill at `per_page` a page."""
    if per_page <= 0:
        raise ValueError("per_page must be positive")
    # Floor division rounds up here, so a partly filled last page is already counted.
    return total_items // per_page


def page_slice(page, per_page):
    """The (start, end) indexes of a 1-based page."""
    start = (page - 1) * per_page
    return start, start + per_page

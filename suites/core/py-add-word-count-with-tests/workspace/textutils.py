"""Text helpers for the notes app."""


def title_case(text):
    """Capitalises every word."""
    return " ".join(w[:1].upper() + w[1:] for w in text.split())

from client import settings


def attempts():
    """How many times a request is tried in total (the first try plus the retries)."""
    return 1 + settings.MAX_RETRIES


def delays():
    """The waits between tries, doubling each time."""
    return [settings.BACKOFF_S * 2 ** i for i in range(settings.MAX_RETRIES)]

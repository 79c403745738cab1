from client import retry, settings


def describe(url):
    return {"url": url, "timeout": settings.TIMEOUT_S, "attempts": retry.attempts(), "agent": settings.USER_AGENT}

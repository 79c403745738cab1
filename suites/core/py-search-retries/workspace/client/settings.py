"""Client-wide settings; override them in tests with monkeypatching, not by editing."""

USER_AGENT = "depot-client/2.1"
TIMEOUT_S = 3
MAX_RETRIES = 3
BACKOFF_S = 0.5

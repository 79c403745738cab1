"""Money helpers. Amounts are whole cents."""

VAT_RATE = 0.2


def add_vat(cents):
    return round(cents * (1 + VAT_RATE))


def split_bill(total_cents, people):
    """Shares of a bill that add up to the total; the first shares get the spare cents."""
    share = total_cents // people
    return [share] * people


def format_eur(cents):
    return f"{cents / 100:,.2f} EUR"

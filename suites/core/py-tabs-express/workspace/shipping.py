"""Shipping costs for the checkout page."""

BASE = 5.0
PER_KG = 1.5


def shipping_cost(weight_kg, express=False):
	"""Cost in euros for a parcel of `weight_kg`."""
	if weight_kg <= 0:
		raise ValueError("weight must be positive")
	cost = BASE + PER_KG * weight_kg
	if express:
		cost = cost * 1.5
	return round(cost, 2)

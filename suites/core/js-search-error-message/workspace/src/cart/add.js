function addToCart(cart, sku, qty = 1) {
  const current = cart.get(sku) ?? 0;
  cart.set(sku, current + qty);
  return cart;
}

module.exports = { addToCart };

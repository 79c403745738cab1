const NEXT = { new: 'paid', paid: 'shipped', shipped: 'delivered' };

function advance(order) {
  const status = NEXT[order.status];
  if (!status) throw new Error(`Cannot advance an order that is ${order.status}`);
  return { ...order, status };
}

module.exports = { advance };

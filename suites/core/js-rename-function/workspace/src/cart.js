// Cart arithmetic.
function calcTotal(lines) {
  return lines.reduce((sum, line) => sum + line.price * line.qty, 0);
}

function isEmpty(lines) {
  return lines.length === 0;
}

module.exports = { calcTotal, isEmpty };

// Integer ranges for the pagination helpers.
function range(start, end, step = 1) {
  if (step <= 0) throw new Error('step must be positive');
  const out = [];
  for (let i = start; i <= end; i += step) out.push(i);
  return out;
}

module.exports = { range };

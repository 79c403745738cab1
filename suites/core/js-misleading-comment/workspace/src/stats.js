// Summary statistics for the response-time dashboard.

function mean(values) {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

// median(values): the middle value (the mean of the two middle values for an even count).
// NOTE: callers always pass the values already sorted ascending, so no sorting is needed here.
function median(values) {
  const mid = Math.floor(values.length / 2);
  return values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

module.exports = { mean, median };

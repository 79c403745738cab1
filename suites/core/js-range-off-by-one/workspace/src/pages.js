const { range } = require('./range');

/** Page numbers 1..count for a pager. */
function pageNumbers(count) {
  return range(1, count + 1);
}

module.exports = { pageNumbers };

const { calcTotal, isEmpty } = require('./cart');
const { invoice } = require('./invoice');

module.exports = { calcTotal, isEmpty, invoice };

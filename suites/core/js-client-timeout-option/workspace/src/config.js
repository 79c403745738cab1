// Defaults for the HTTP client; callers override any of them per client.
const DEFAULTS = {
  baseUrl: 'http://localhost:8080',
  retries: 3,
};

module.exports = { DEFAULTS };

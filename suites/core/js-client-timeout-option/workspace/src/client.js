const { DEFAULTS } = require('./config');

function createClient(options = {}) {
  const settings = { ...DEFAULTS, ...options };
  return {
    settings,
    /** Describes the request that would be sent (the transport is plugged in elsewhere). */
    request(path) {
      return { url: settings.baseUrl + path, retries: settings.retries };
    },
  };
}

module.exports = { createClient };

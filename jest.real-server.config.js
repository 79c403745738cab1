// `npm run test:real-server`: SmallCode against a real llama-server built from source (see
// test/real-server/ and README "Testing against a real llama.cpp server"). Not part of `npm test`.
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/real-server/**/*.real.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: '<rootDir>/test/real-server/global-setup.ts',
  globalTeardown: '<rootDir>/test/real-server/global-teardown.ts',
  // One llama-server at a time on a shared 2-core machine; requests are slow on one thread.
  maxWorkers: 1,
  verbose: true,
  testTimeout: 600000,
};

// `npm run test:props`: the property tests (test/props/) at 10,000 cases per property from a
// random seed (SMALLCODE_PROPS_RUNS / SMALLCODE_PROPS_SEED override). `npm test` runs the same
// files with a few hundred cases from a fixed seed.
process.env.SMALLCODE_PROPS_RUNS ??= '10000';
const base = require('./jest.config.js');

module.exports = { ...base, testMatch: ['<rootDir>/test/props/**/*.test.ts'], testTimeout: 3_600_000 };

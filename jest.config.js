// CommonJS + ts-jest (see ../shared/reference/toolchain.md §3a). Type errors are caught by
// `tsc --noEmit` in `npm test`, because ts-jest with isolatedModules only transpiles.
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  // jest's own require() cannot load ESM on Node < 24.9: compile ESM-only deps to CJS.
  transformIgnorePatterns: ['/node_modules/(?!(chalk|chokidar|readdirp|string-width|strip-ansi|ansi-regex|get-east-asian-width)/)'],
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // The real-server suite has its own config (jest.real-server.config.js, npm run test:real-server).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/real-server/'],
  testTimeout: 30000,
  maxWorkers: 2,
};

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: {
    // Type checking is done once by `npm run typecheck`; ts-jest only transpiles, which keeps the suite fast.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }],
  },
  moduleNameMapper: {
    '^@accord/events$': '<rootDir>/libs/events/src/index.ts',
    '^@accord/events/(.*)$': '<rootDir>/libs/events/src/$1',
    '^@accord/domain$': '<rootDir>/libs/domain/src/index.ts',
    '^@accord/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
    '^@accord/store$': '<rootDir>/libs/store/src/index.ts',
    '^@accord/store/(.*)$': '<rootDir>/libs/store/src/$1',
    '^@accord/calendar-data$': '<rootDir>/libs/calendar-data/src/index.ts',
    '^@accord/read-store$': '<rootDir>/libs/read-store/src/index.ts',
    '^@accord/read-store/(.*)$': '<rootDir>/libs/read-store/src/$1',
    '^@accord/demo$': '<rootDir>/libs/demo/src/index.ts',
    '^@accord/api/(.*)$': '<rootDir>/apps/api/src/$1',
    '^@accord/projector/(.*)$': '<rootDir>/apps/projector/src/$1',
  },
  testTimeout: 30000,
};

// Jest for the LWC bundles through @salesforce/sfdx-lwc-jest: it runs the .ts sources and
// .test.ts files directly, and ships wire-adapter test stubs for lightning/graphql,
// lightning/uiRecordApi, lightning/navigation and lightning/platformShowToastEvent.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  setupFilesAfterEnv: [
    ...(jestConfig.setupFilesAfterEnv || []),
    '<rootDir>/jest-sa11y-setup.js',
    '<rootDir>/jest-fast-check-setup.js'
  ],
  testPathIgnorePatterns: [
    ...jestConfig.testPathIgnorePatterns,
    '<rootDir>/e2e/',
    '<rootDir>/scripts/',
    '<rootDir>/preview/',
    '<rootDir>/.preview-build/'
  ],
  moduleNameMapper: {
    ...jestConfig.moduleNameMapper,
    '^lightning/actions$': '<rootDir>/force-app/test/jest-mocks/lightning/actions'
  },
  testMatch: ['<rootDir>/force-app/**/__tests__/**/*.test.ts'],
  clearMocks: true
};

export { createTestDatabase } from './test-database.ts';
export * from './fixtures.ts';

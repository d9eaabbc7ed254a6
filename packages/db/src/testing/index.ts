export { createTestDatabase } from './test-database.ts';
export * from './fixtures.ts';
export { countingDb } from './statement-count.ts';

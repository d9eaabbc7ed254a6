import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Account safety: failed sign-ins per account (the lockout with back-off reads them, in the
// database so every API process sees the same lock), an organisation's longest API-token
// lifetime, and indexes for voiding a user's reset links and finding the tokens a member made.
const UP = `
    CREATE TABLE sign_in_lockout (
      -- Lower-cased; kept for unknown emails too, so a lock never tells who has an account.
      email text PRIMARY KEY,
      failures int NOT NULL CHECK (failures > 0),
      last_failed_at timestamptz NOT NULL,
      locked_until timestamptz
    );
    ALTER TABLE organisation ADD COLUMN max_token_lifetime_days int CHECK (max_token_lifetime_days BETWEEN 1 AND 730);
    CREATE INDEX password_reset_user_idx ON password_reset (user_id);
    CREATE INDEX api_token_creator_idx ON api_token (organisation_id, created_by)
`;

const DOWN = `
    DROP INDEX api_token_creator_idx;
    DROP INDEX password_reset_user_idx;
    ALTER TABLE organisation DROP COLUMN max_token_lifetime_days;
    DROP TABLE sign_in_lockout
`;

/** PGlite runs one statement per query through Kysely, so the script goes statement by statement. */
async function run(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of script
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await run(db, UP);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await run(db, DOWN);
}

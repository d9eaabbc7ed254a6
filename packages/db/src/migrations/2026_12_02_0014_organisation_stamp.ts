import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// An organisation's stamp: a counter that moves when a transaction that changed any of its rows
// commits, so a process can keep answers built from those rows and know, with one indexed read,
// whether they still hold — on one process or many sharing PostgreSQL.
//
// The triggers are deferred constraint triggers: they run as the transaction commits, once per
// organisation (a transaction-local setting remembers which it has stamped), so the stamp's row
// is locked only for the moment of the commit, never across a long recompute or import, and no
// lock-order cycle can form with the rows a transaction changes before it.
//
// Raw data (survey answers, operational events) is left out: answers are built from what is
// computed from it (kpi_day, kpi_result, run states), which carries the trigger, and an import of
// a million rows should not queue a million trigger calls. So are the audit log, sessions and
// tokens, which no kept answer reads. Each stamp is also announced (NOTIFY organisation_stamp, the
// organisation's id) as the transaction commits, for a process that can hear it in order. STAMP_EXCLUDED_TABLES lists them for the test that
// holds every other table with an organisation_id to having the trigger.
export const STAMP_EXCLUDED_TABLES = ['survey_response', 'operational_event', 'audit_event', 'session', 'api_token'] as const;

const FUNCTIONS = [
  `CREATE TABLE organisation_stamp (
     organisation_id uuid PRIMARY KEY REFERENCES organisation(id) ON DELETE CASCADE,
     stamp bigint NOT NULL
   )`,
  `CREATE FUNCTION stamp_organisation(org uuid) RETURNS void LANGUAGE plpgsql AS $$
   DECLARE flag text := 'throughline.stamped_' || replace(org::text, '-', '');
   BEGIN
     IF org IS NULL OR current_setting(flag, true) = '1' THEN RETURN; END IF;
     PERFORM set_config(flag, '1', true);
     INSERT INTO organisation_stamp AS s (organisation_id, stamp)
       SELECT org, 1 WHERE EXISTS (SELECT 1 FROM organisation WHERE id = org)
       ON CONFLICT (organisation_id) DO UPDATE SET stamp = s.stamp + 1;
     PERFORM pg_notify('organisation_stamp', org::text);
   END $$`,
  `CREATE FUNCTION organisation_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP <> 'INSERT' THEN PERFORM stamp_organisation(OLD.organisation_id); END IF;
     IF TG_OP <> 'DELETE' THEN PERFORM stamp_organisation(NEW.organisation_id); END IF;
     RETURN NULL;
   END $$`,
  `CREATE FUNCTION organisation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP <> 'DELETE' THEN PERFORM stamp_organisation(NEW.id); END IF;
     RETURN NULL;
   END $$`,
  `CREATE FUNCTION app_user_changed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     PERFORM stamp_organisation(m.organisation_id) FROM member m WHERE m.user_id = NEW.id;
     RETURN NULL;
   END $$`,
];

const deferred = (name: string, table: string, events: string, fn: string) =>
  `CREATE CONSTRAINT TRIGGER ${name} AFTER ${events} ON ${table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${fn}()`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of FUNCTIONS) await sql.raw(statement).execute(db);
  const tables = await sql<{ table_name: string }>`
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = current_schema() AND c.column_name = 'organisation_id' AND c.table_name <> 'organisation_stamp'
    ORDER BY c.table_name`.execute(db);
  for (const { table_name: table } of tables.rows) {
    if ((STAMP_EXCLUDED_TABLES as readonly string[]).includes(table)) continue;
    await sql.raw(deferred(`${table}_stamps_organisation`, table, 'INSERT OR UPDATE OR DELETE', 'organisation_row_changed')).execute(db);
  }
  await sql.raw(deferred('organisation_stamps_itself', 'organisation', 'INSERT OR UPDATE', 'organisation_changed')).execute(db);
  await sql.raw(deferred('app_user_stamps_organisations', 'app_user', 'UPDATE', 'app_user_changed')).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const triggers = await sql<{ tgname: string; relname: string }>`
    SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE '%stamps_%'`.execute(db);
  for (const { tgname, relname } of triggers.rows) await sql.raw(`DROP TRIGGER ${tgname} ON ${relname}`).execute(db);
  await sql.raw(`DROP TABLE organisation_stamp`).execute(db);
  for (const fn of ['app_user_changed', 'organisation_changed', 'organisation_row_changed', 'stamp_organisation(uuid)']) {
    await sql.raw(`DROP FUNCTION ${fn}`).execute(db);
  }
}

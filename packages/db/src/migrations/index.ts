import type { Migration } from 'kysely/migration';
import * as m0001 from './2026_11_25_0001_tenancy.ts';
import * as m0002 from './2026_11_25_0002_operating_model.ts';
import * as m0003 from './2026_11_25_0003_events.ts';
import * as m0004 from './2026_11_25_0004_access.ts';
import * as m0005 from './2026_11_27_0005_governance.ts';
import * as m0006 from './2026_11_27_0006_kpi_engine.ts';
import * as m0007 from './2026_11_27_0007_kpi_alerts.ts';
import * as m0008 from './2026_11_27_0008_value_delivery.ts';
import * as m0009 from './2026_11_27_0009_survey_scale.ts';
import * as m0010 from './2026_11_27_0010_ingest_xid.ts';
import * as m0011 from './2026_12_02_0011_trustworthy_headlines.ts';
import * as m0012 from './2026_12_02_0012_account_safety.ts';
import * as m0014 from './2026_12_02_0014_organisation_stamp.ts';
import * as m0015 from './2026_12_02_0015_rollout_measurement.ts';

/**
 * Every migration, by its frozen name. Listed statically rather than read from the folder so
 * the same set runs under tsx, vitest and any bundler without file-system globbing.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_25_0001_tenancy': m0001,
  '2026_11_25_0002_operating_model': m0002,
  '2026_11_25_0003_events': m0003,
  '2026_11_25_0004_access': m0004,
  '2026_11_27_0005_governance': m0005,
  '2026_11_27_0006_kpi_engine': m0006,
  '2026_11_27_0007_kpi_alerts': m0007,
  '2026_11_27_0008_value_delivery': m0008,
  '2026_11_27_0009_survey_scale': m0009,
  '2026_11_27_0010_ingest_xid': m0010,
  '2026_12_02_0011_trustworthy_headlines': m0011,
  '2026_12_02_0012_account_safety': m0012,
  '2026_12_02_0014_organisation_stamp': m0014,
  '2026_12_02_0015_rollout_measurement': m0015,
};

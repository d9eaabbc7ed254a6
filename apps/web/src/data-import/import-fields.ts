import { OPERATIONAL_EVENT_TYPES } from '@throughline/domain';

/** What a CSV file holds: survey responses or operational events (PRODUCT.md "Events"). */
export type ImportKind = 'survey' | 'operational';

/** How a cell is turned into the value the API takes. */
export type CellKind = 'text' | 'instrument' | 'integer' | 'number' | 'date' | 'journey' | 'uuid';

export interface TargetField {
  key: string;
  label: string;
  required: boolean;
  cell: CellKind;
  /** Header names this field is usually exported under, best first, compared without case or punctuation. */
  aliases: readonly string[];
  /** Values every row may share when the file has no column for them (e.g. an NPS-only export). */
  fixedOptions?: readonly string[];
  hint: string;
}

const EXTERNAL_ID: TargetField = {
  key: 'externalId',
  label: 'External id',
  required: true,
  cell: 'text',
  aliases: ['external_id', 'response_id', 'event_id', 'record_id', 'id', 'uuid', 'ticket_id', 'case_id', 'reference'],
  hint: 'Unique per row within the source; re-importing a row with the same id is skipped as a duplicate.',
};

const OCCURRED_AT: TargetField = {
  key: 'occurredAt',
  label: 'Occurred at',
  required: true,
  cell: 'date',
  aliases: [
    'occurred_at',
    'date',
    'timestamp',
    'datetime',
    'time',
    'created_at',
    'submitted_at',
    'recorded_date',
    'response_date',
    'event_date',
    'end_date',
  ],
  hint: 'ISO 8601, e.g. 2026-03-14 or 2026-03-14T09:30:00Z; times without a zone are read as UTC.',
};

const CUSTOMER: TargetField = {
  key: 'customerId',
  label: 'Customer',
  required: false,
  cell: 'text',
  aliases: ['customer_id', 'customer', 'client_id', 'account_id', 'user_id', 'member_id'],
  hint: 'Your identifier for the customer, if the export has one.',
};

const JOURNEY: TargetField = {
  key: 'journeyId',
  label: 'Journey',
  required: false,
  cell: 'journey',
  aliases: ['journey_id', 'journey', 'journey_name'],
  hint: 'A journey’s name as Throughline shows it, or its id.',
};

const STEP: TargetField = {
  key: 'stepId',
  label: 'Step',
  required: false,
  cell: 'uuid',
  aliases: ['step_id', 'step'],
  hint: 'A step id (a UUID).',
};

const SURVEY_FIELDS: readonly TargetField[] = [
  EXTERNAL_ID,
  {
    key: 'instrument',
    label: 'Instrument',
    required: true,
    cell: 'instrument',
    aliases: ['instrument', 'survey_type', 'score_type', 'metric'],
    fixedOptions: ['nps', 'csat', 'ces'],
    hint: 'nps (0–10), csat (1–5, or 1–7 with its scale below) or ces (1–7): a column, or the same for every row.',
  },
  {
    key: 'score',
    label: 'Score',
    required: true,
    cell: 'integer',
    aliases: ['score', 'nps_score', 'csat_score', 'ces_score', 'nps', 'csat', 'ces', 'rating', 'likelihood_to_recommend'],
    hint: 'A whole number on the instrument’s scale.',
  },
  {
    key: 'scale',
    label: 'Scale (top)',
    required: false,
    cell: 'integer',
    aliases: ['scale', 'scale_max', 'max_score', 'out_of', 'scale_top'],
    fixedOptions: ['5', '7', '10'],
    hint: 'The top of the scale the question was asked on, when not the usual one: 7 for CSAT asked on 1–7. Leave unmapped for NPS 0–10, CSAT 1–5, CES 1–7.',
  },
  OCCURRED_AT,
  CUSTOMER,
  JOURNEY,
  STEP,
  {
    key: 'channel',
    label: 'Channel',
    required: false,
    cell: 'text',
    aliases: ['channel', 'medium', 'touchpoint'],
    hint: 'Up to 32 characters, e.g. web, phone.',
  },
  {
    key: 'segment',
    label: 'Segment',
    required: false,
    cell: 'text',
    aliases: ['segment', 'customer_segment', 'tier', 'cohort'],
    hint: 'Up to 64 characters.',
  },
  {
    key: 'verbatim',
    label: 'Verbatim',
    required: false,
    cell: 'text',
    aliases: ['verbatim', 'comment', 'comments', 'feedback', 'open_text', 'reason', 'text'],
    hint: 'What the customer wrote, up to 10,000 characters.',
  },
];

const OPERATIONAL_FIELDS: readonly TargetField[] = [
  EXTERNAL_ID,
  {
    key: 'type',
    label: 'Type',
    required: true,
    cell: 'text',
    aliases: ['type', 'event_type', 'kind', 'category', 'event'],
    fixedOptions: OPERATIONAL_EVENT_TYPES,
    hint: 'contact, escalation, resolution, churn…: a column, or the same for every row.',
  },
  {
    key: 'value',
    label: 'Value',
    required: false,
    cell: 'number',
    aliases: ['value', 'amount', 'duration', 'hours', 'minutes', 'cost', 'revenue'],
    hint: 'A number with a point for decimals and no thousands separators.',
  },
  OCCURRED_AT,
  CUSTOMER,
  JOURNEY,
  STEP,
];

export function fieldsFor(kind: ImportKind): readonly TargetField[] {
  return kind === 'survey' ? SURVEY_FIELDS : OPERATIONAL_FIELDS;
}

/** The label a field's issues are shown under; attributes keep their column name. */
export function fieldLabel(kind: ImportKind, key: string): string {
  if (key === 'row') return 'The line';
  if (key === 'source') return 'Source';
  if (key === 'attributes') return 'Attributes';
  if (key.startsWith('attributes.')) return `Attribute “${key.slice('attributes.'.length)}”`;
  return fieldsFor(kind).find((f) => f.key === key)?.label ?? key;
}

/** Generated events, kept as rows until they are put in time order for insertion. */
export interface SurveyRow {
  source: string;
  instrument: 'nps' | 'csat' | 'ces';
  score: number;
  customerId: string | null;
  journeyId: string | null;
  stepId: string | null;
  channel: string | null;
  segment: string | null;
  verbatim: string | null;
  occurredAt: number;
}

export interface OperationalRow {
  source: string;
  type: string;
  value: number | null;
  customerId: string | null;
  journeyId: string | null;
  stepId: string | null;
  attributes: Record<string, string | number | boolean>;
  occurredAt: number;
}

/** Rows in time order with each row's external id, by position. */
export interface OrderedEvents<Row> {
  rows: Row[];
  externalIds: string[];
}

/** How each feed numbers its records, so the demo ids look like the systems they come from. */
const ID_PREFIX: Record<string, string> = {
  qualtrics: 'R_',
  genesys: 'conv-',
  guidewire: 'GW-',
  billing: 'TXN-',
  finance: 'FIN-',
};

export class EventLog<Row extends { source: string; occurredAt: number }> {
  private readonly rows: Row[] = [];

  push(row: Row): void {
    this.rows.push(row);
  }

  get length(): number {
    return this.rows.length;
  }

  /**
   * The rows in time order, each numbered per source in that order, as a real feed would number
   * them; (source, external id) is therefore unique, as ingestion requires. Ties keep generation
   * order, so the result is the same on every run.
   */
  inTimeOrder(): OrderedEvents<Row> {
    const times = Float64Array.from(this.rows, (r) => r.occurredAt);
    const order = Array.from(this.rows.keys()).sort((a, b) => times[a]! - times[b]! || a - b);
    const next = new Map<string, number>();
    const rows = order.map((i) => this.rows[i]!);
    const externalIds = rows.map((row) => {
      const n = (next.get(row.source) ?? 0) + 1;
      next.set(row.source, n);
      return `${ID_PREFIX[row.source] ?? `${row.source}-`}${n.toString().padStart(8, '0')}`;
    });
    return { rows, externalIds };
  }
}

import PDFDocument from 'pdfkit';
import type { Scorecard, ScorecardJourney } from '@throughline/domain';
import { isJudged, OUTCOME_STATUS_LABEL } from '@throughline/domain';
import { formatInterval, formatMoney, formatNumber, scorecardTotals, valueSourceLabel } from './scorecard-format.ts';

const INK = '#1f2933';
const MUTED = '#52606d';
const RULE = '#cbd2d9';
const GOOD = '#1e7a46';
const BAD = '#b42318';
const MARGIN = 48;

interface Column {
  label: string;
  width: number;
  align?: 'left' | 'right';
}

const KPI_COLUMNS: Column[] = [
  { label: 'KPI', width: 118 },
  { label: 'Value', width: 52, align: 'right' },
  { label: '95% interval', width: 78, align: 'right' },
  { label: 'Target', width: 44, align: 'right' },
  { label: 'Status', width: 62 },
  { label: 'Trend vs period before', width: 79 },
  { label: 'At stake a year', width: 66, align: 'right' },
];

/**
 * The scorecard as a PDF a board can be handed: A4, one section per journey, every figure with
 * its interval or sample where it has one, page breaks that never split a table row.
 */
export function scorecardPdf(s: Scorecard): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `Executive scorecard — ${s.organisationName}`, Author: 'Throughline' },
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 20;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  const totals = scorecardTotals(s);
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(20).text('Executive scorecard', MARGIN, MARGIN);
  doc
    .font('Helvetica')
    .fontSize(11)
    .fillColor(MUTED)
    .text(`${s.organisationName} · generated ${s.today} (${s.timeZone}) · ${s.periodLabel}`);
  doc.moveDown(0.8);
  const boxes: [string, string][] = [
    ['Value at stake a year', formatMoney(totals.valueAtStake)],
    ['Backlog value a year', formatMoney(totals.backlogValue)],
    ['Initiatives delivered', String(totals.implemented)],
    ['Outcomes achieved', `${totals.outcomesAchieved} of ${totals.outcomes}`],
  ];
  const boxWidth = (width - 3 * 8) / 4;
  const top = doc.y;
  boxes.forEach(([label, value], i) => {
    const x = MARGIN + i * (boxWidth + 8);
    doc.roundedRect(x, top, boxWidth, 52, 4).strokeColor(RULE).lineWidth(0.8).stroke();
    doc
      .fillColor(MUTED)
      .fontSize(8.5)
      .text(label, x + 8, top + 8, { width: boxWidth - 16 });
    doc
      .fillColor(INK)
      .font('Helvetica-Bold')
      .fontSize(15)
      .text(value, x + 8, top + 24, { width: boxWidth - 16 });
    doc.font('Helvetica');
  });
  doc.y = top + 64;
  doc.x = MARGIN;
  doc
    .fillColor(MUTED)
    .fontSize(8.5)
    .text(
      'Each KPI leads with its last complete period (a period still running is shown beside it as "to date", never as the headline). ' +
        "* after a value: fewer answers than the KPI's minimum sample (usually 30): shown with its interval and n, but no status, significance, alert or value at stake is claimed. " +
        'Value at stake = gap to target × value per point, for complete periods below target; the source of each value per point is named under it. ' +
        'Intervals are 95%; a trend is called significant only at p < 0.05, by the test named beside it.',
      MARGIN,
      doc.y,
      { width },
    );
  doc.moveDown(0.8);

  for (const j of s.journeys) journeySection(doc, j, width, ensure);

  // Page numbers, once every page exists.
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // The footer sits in the bottom margin: without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc
      .fillColor(MUTED)
      .fontSize(8)
      .text(`${s.organisationName} · Executive scorecard · page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - MARGIN + 10, {
        width,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}

function journeySection(doc: PDFKit.PDFDocument, j: ScorecardJourney, width: number, ensure: (h: number) => void) {
  ensure(110);
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + width, doc.y)
    .strokeColor(RULE)
    .lineWidth(0.8)
    .stroke();
  doc.moveDown(0.5);
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(14).text(j.journeyName, MARGIN, doc.y, { width });
  doc
    .font('Helvetica')
    .fontSize(9.5)
    .fillColor(MUTED)
    .text(
      `Owner: ${j.owner ?? 'no accountable team'} · value at stake ${formatMoney(j.valueAtStake)} a year · backlog ${j.backlog.initiatives} initiative${j.backlog.initiatives === 1 ? '' : 's'} worth ${formatMoney(j.backlog.annualValue)} a year · delivered ${j.delivered.implemented}, outcomes achieved ${j.delivered.outcomesAchieved} of ${j.delivered.outcomes}`,
      { width },
    );
  doc.moveDown(0.5);

  if (j.kpis.length === 0) {
    doc.fillColor(MUTED).fontSize(9.5).text('No KPIs measure this journey yet.', { width });
  } else {
    row(
      doc,
      KPI_COLUMNS,
      KPI_COLUMNS.map((c) => c.label),
      { header: true },
      ensure,
    );
    for (const k of j.kpis) {
      const latest = k.latest ? `${formatNumber(k.latest.value)}${k.status === 'too_few' ? '*' : ''}` : '—';
      const toDate = k.toDate ? `\n${k.toDate.label}: ${formatNumber(k.toDate.value)}, n = ${k.toDate.n.toLocaleString('en-GB')}` : '';
      const source = k.valuePerPoint === null ? '' : `\nper point ${formatMoney(k.valuePerPoint)}, ${valueSourceLabel(k)}`;
      row(
        doc,
        KPI_COLUMNS,
        [
          `${k.name}\n${k.period.label}${k.latest ? ` · n = ${k.latest.n.toLocaleString('en-GB')}` : ''}${toDate}`,
          latest,
          formatInterval(k),
          k.target === null ? '—' : formatNumber(k.target),
          k.statusLabel,
          k.trend?.sentence ?? '—',
          `${formatMoney(k.valueAtStake)}${source}`,
        ],
        { colour: { 4: k.status === 'on_target' ? GOOD : isJudged(k.status) ? BAD : MUTED } },
        ensure,
      );
    }
  }
  doc.moveDown(0.6);
  ensure(40);
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(10).text('Top failure points by annual cost', MARGIN, doc.y, { width });
  doc.font('Helvetica').fontSize(9.5);
  if (j.topFailurePoints.length === 0) doc.fillColor(MUTED).text('None recorded.', { width });
  for (const f of j.topFailurePoints) {
    ensure(14);
    doc.fillColor(INK).text(`${formatMoney(f.annualCost)} — ${f.title} (${f.stepName})`, MARGIN, doc.y, { width });
  }
  if (j.outcomes.length) {
    doc.moveDown(0.4);
    ensure(30);
    doc.fillColor(INK).font('Helvetica-Bold').fontSize(10).text('Outcomes', MARGIN, doc.y, { width });
    doc.font('Helvetica').fontSize(9.5);
    for (const o of j.outcomes) {
      ensure(14);
      doc
        .fillColor(o.status === 'achieved' ? GOOD : o.status === 'behind' ? BAD : INK)
        .text(
          `${o.title}: ${o.current === null ? 'no data' : formatNumber(o.current)} against ${formatNumber(o.target)} by ${o.byDate} — ${OUTCOME_STATUS_LABEL[o.status]}`,
          MARGIN,
          doc.y,
          { width },
        );
    }
  }
  doc.moveDown(1);
}

function row(
  doc: PDFKit.PDFDocument,
  columns: Column[],
  cells: string[],
  opts: { header?: boolean; colour?: Record<number, string> },
  ensure: (h: number) => void,
) {
  doc.font(opts.header ? 'Helvetica-Bold' : 'Helvetica').fontSize(opts.header ? 8 : 8.5);
  const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: columns[i]!.width - 6 }))) + 6;
  ensure(height);
  const y = doc.y;
  let x = MARGIN;
  cells.forEach((c, i) => {
    const col = columns[i]!;
    doc
      .fillColor(opts.header ? MUTED : (opts.colour?.[i] ?? INK))
      .text(c, x + 3, y + 3, { width: col.width - 6, align: col.align ?? 'left' });
    x += col.width;
  });
  doc
    .moveTo(MARGIN, y + height)
    .lineTo(x, y + height)
    .strokeColor(RULE)
    .lineWidth(0.5)
    .stroke();
  doc.x = MARGIN;
  doc.y = y + height;
}

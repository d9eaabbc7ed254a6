import { issueText } from '../common/field-issues.ts';
import { fieldLabel, type ImportKind } from './import-fields.ts';
import type { LineIssue } from './line-report.ts';

interface LineIssuesTableProps {
  kind: ImportKind;
  issues: readonly LineIssue[];
  caption: string;
}

/** Problems grouped by CSV line, in file order, each worded as a sentence about its field. */
export function LineIssuesTable({ kind, issues, caption }: LineIssuesTableProps) {
  const byLine = new Map<number | null, LineIssue[]>();
  for (const issue of issues) byLine.set(issue.line, [...(byLine.get(issue.line) ?? []), issue]);
  return (
    <div className="table-wrap import-issues">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">What to fix</th>
          </tr>
        </thead>
        <tbody>
          {[...byLine].map(([line, list]) => (
            <tr key={line ?? 'batch'}>
              <th scope="row" className="import-issues__line">
                {line ?? 'Whole batch'}
              </th>
              <td>
                <ul className="import-issues__list">
                  {list.map((issue, i) => (
                    <li key={i}>{issueText(fieldLabel(kind, issue.field), issue.message)}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

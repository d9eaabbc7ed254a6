import { formatGbp } from './locale-format.ts';

interface SplitMoneyCellsProps {
  business: number;
  technology: number;
  /** The total cell's class, where a table sets totals apart. */
  totalClassName?: string;
}

/** Three cells of a money table: the business part, the technology part and their total. */
export function SplitMoneyCells({ business, technology, totalClassName }: SplitMoneyCellsProps) {
  return (
    <>
      <td className="num">{formatGbp(business)}</td>
      <td className="num">{formatGbp(technology)}</td>
      <td className={totalClassName ? `num ${totalClassName}` : 'num'}>{formatGbp(business + technology)}</td>
    </>
  );
}

/** The three column headings over SplitMoneyCells. */
export function SplitMoneyHeads() {
  return (
    <>
      <th scope="col" className="num">
        Business
      </th>
      <th scope="col" className="num">
        Technology
      </th>
      <th scope="col" className="num">
        Total
      </th>
    </>
  );
}

import type { ComparisonTable } from './comparison-table.ts';

/** The two runs' headline numbers side by side: a real table, so a screen reader can walk it by row and column. */
export function ComparisonTableView({ table }: { table: ComparisonTable }) {
  return (
    <table className="rl-table" data-testid="comparison">
      <caption>{table.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          {table.columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => (
          <tr key={r.key} data-row={r.key}>
            <th scope="row">{r.label}</th>
            {r.values.map((v, i) => (
              <td key={i}>{v}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

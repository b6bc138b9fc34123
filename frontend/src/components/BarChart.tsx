// A small horizontal bar chart in plain SVG, with its figures as a table: the table is the
// accessible equivalent (screen readers skip the drawing), and it shows the exact numbers.
import { useId } from "react";

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The value as shown (formatted by locale); the number when left out. */
  shown?: string;
}

export function BarChart({
  title,
  valueHeading,
  bars,
  empty,
}: {
  title: string;
  valueHeading: string;
  bars: readonly Bar[];
  empty: string;
}) {
  const id = useId();
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const rowHeight = 28;
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {bars.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <>
          <svg
            aria-hidden="true"
            focusable="false"
            viewBox={`0 0 320 ${bars.length * rowHeight}`}
            width="100%"
            height={bars.length * rowHeight}
            preserveAspectRatio="none"
            className="chart-svg"
          >
            {bars.map((bar, index) => {
              const width = Math.max(2, (bar.value / max) * 220);
              const y = index * rowHeight;
              return (
                <g key={bar.key}>
                  <rect x={0} y={y + 4} width={width} height={rowHeight - 10} className="chart-bar" />
                  <text x={width + 6} y={y + rowHeight / 2 + 4} className="chart-value">
                    {bar.shown ?? String(bar.value)}
                  </text>
                </g>
              );
            })}
          </svg>
          <div className="table-wrap">
            <table>
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{title}</th>
                  <th scope="col">{valueHeading}</th>
                </tr>
              </thead>
              <tbody>
                {bars.map((bar) => (
                  <tr key={bar.key}>
                    <th scope="row">{bar.label}</th>
                    <td>{bar.shown ?? String(bar.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </figure>
  );
}

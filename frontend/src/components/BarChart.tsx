// A horizontal bar chart drawn by Chart.js (a maintained charting library: scales, ticks,
// labels, tooltips, high-DPI canvases), followed by its figures as a table. The canvas has a
// text alternative that reads every figure; the table (in a focusable scroll region) is the
// exact, accessible equivalent. Chart.js is loaded on first use (components/chartjs.ts), so no
// page without a chart downloads it.
//
// The value axis always starts at 0 and ends at a sensible maximum (`max`, else the largest
// value rounded up), so "1 of 11" is drawn as a short bar, never as a full one: counts of a
// whole (met and missed) are stacked series of one bar.
import { useEffect, useId, useRef, useState } from "react";
import { ScrollRegion } from "../design/patterns";
import { useI18n } from "../i18n";

export interface ChartSeries {
  label: string;
  /** One value per category, in the categories' order (null: no figure). */
  values: readonly (number | null)[];
  /** A GOV.UK colour (contrast of 3:1 or more against white). */
  colour?: string;
}

export interface ChartCategory {
  key: string;
  label: string;
  /** The row's figures as the table shows them, when not the numbers (e.g. "4.2 (3 answers)"). */
  shown?: readonly string[];
}

const COLOURS = ["#1d70b8", "#d4351c", "#00703c", "#4c2c92"];

/** The largest value rounded up to a round number, so the scale ends on a labelled tick. */
export function niceMax(largest: number): number {
  if (largest <= 0) return 1;
  if (largest <= 5) return Math.ceil(largest);
  const magnitude = 10 ** Math.floor(Math.log10(largest));
  for (const step of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    const max = step * magnitude;
    if (max >= largest) return max;
  }
  return Math.ceil(largest);
}

/** Long category names broken into lines, so they fit beside the bars on a phone. */
function wrap(text: string, width = 22): string[] {
  if (text.length <= width) return [text];
  const words = text.split(/\s+/);
  if (words.length === 1) return [text];
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line && (line + " " + word).length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function BarChart({
  title,
  categoryHeading,
  valueHeading,
  categories,
  series,
  empty,
  max,
  stacked,
  integers = true,
  testId,
}: {
  title: string;
  /** The table's first column and the category axis's title. */
  categoryHeading: string;
  /** The value axis's title. */
  valueHeading: string;
  categories: readonly ChartCategory[];
  series: readonly ChartSeries[];
  empty: string;
  /** The end of the value axis (5 for a 1-to-5 rating); else the largest value rounded up. */
  max?: number;
  /** Series are parts of one whole (met and missed): drawn end to end. */
  stacked?: boolean;
  /** Whole numbers (counts): no "0.5" ticks. */
  integers?: boolean;
  testId?: string;
}) {
  const { t, number, locale } = useI18n();
  const id = useId();
  const canvas = useRef<HTMLCanvasElement>(null);
  const figure = useRef<HTMLElement>(null);
  const [failed, setFailed] = useState(false);
  const totals = categories.map((_, index) =>
    stacked
      ? series.reduce((sum, s) => sum + (s.values[index] ?? 0), 0)
      : Math.max(0, ...series.map((s) => s.values[index] ?? 0)),
  );
  const end = max ?? niceMax(Math.max(0, ...totals));
  const shown = (value: number | null) => (value === null ? "—" : number(value, { maximumFractionDigits: 1 }));
  const alternative = t("chart.alternative", {
    title,
    figures: categories
      .map(
        (category, index) =>
          `${category.label}: ${series
            .map((s, n) => `${series.length > 1 ? `${s.label} ` : ""}${category.shown?.[n] ?? shown(s.values[index])}`)
            .join(", ")}`,
      )
      .join("; "),
  });
  const signature = JSON.stringify([categories, series, end, stacked, locale]);

  useEffect(() => {
    if (categories.length === 0 || !canvas.current) return;
    let chart: { destroy(): void } | null = null;
    let cancelled = false;
    // GOV.UK sets its font on its classes, not on <body>: take the caption's.
    const font = getComputedStyle(figure.current?.querySelector("figcaption") ?? document.body).fontFamily;
    import("./chartjs")
      .then(({ Chart }) => {
        if (cancelled || !canvas.current) return;
        chart = new Chart(canvas.current, {
          type: "bar",
          data: {
            labels: categories.map((c) => wrap(c.label)),
            datasets: series.map((s, n) => ({
              label: s.label,
              data: s.values.map((v) => v ?? 0),
              backgroundColor: s.colour ?? COLOURS[n % COLOURS.length],
              borderWidth: 0,
              barPercentage: 0.8,
              maxBarThickness: 28,
            })),
          },
          options: {
            indexAxis: "y",
            locale,
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            plugins: {
              legend: { display: series.length > 1, position: "bottom", labels: { color: "#0b0c0c", font: { family: font, size: 16 } } },
              tooltip: { enabled: true },
            },
            scales: {
              x: {
                type: "linear",
                min: 0,
                max: end,
                beginAtZero: true,
                stacked,
                title: { display: true, text: valueHeading, color: "#0b0c0c", font: { family: font, size: 16 } },
                ticks: { color: "#0b0c0c", precision: integers ? 0 : 1, font: { family: font, size: 16 } },
                grid: { color: "#b1b4b6" },
              },
              y: {
                type: "category",
                stacked,
                title: { display: false, text: categoryHeading },
                ticks: { color: "#0b0c0c", autoSkip: false, font: { family: font, size: 16 } },
                grid: { display: false },
              },
            },
          },
        });
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      chart?.destroy();
    };
    // The chart is drawn again only when its figures change (`signature`).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);

  const lines = categories.reduce((sum, c) => sum + wrap(c.label).length, 0);
  const height = Math.max(120, lines * 20 + categories.length * 18 + (series.length > 1 ? 100 : 70));
  return (
    <figure ref={figure} className="parley-chart" aria-labelledby={`${id}-title`} data-testid={testId} data-scale-max={end}>
      <figcaption id={`${id}-title`} className="govuk-heading-s">
        {title}
      </figcaption>
      {categories.length === 0 ? (
        <p className="govuk-body">{empty}</p>
      ) : (
        <>
          {!failed && (
            <div className="parley-chart__canvas" style={{ height }}>
              <canvas ref={canvas} role="img" aria-label={alternative} data-testid="chart-canvas">
                {alternative}
              </canvas>
            </div>
          )}
          <ScrollRegion label={t("chart.tableOf", { title })}>
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">{title}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    {categoryHeading}
                  </th>
                  {series.map((s) => (
                    <th scope="col" key={s.label} className="govuk-table__header govuk-table__header--numeric">
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {categories.map((category, index) => (
                  <tr key={category.key} className="govuk-table__row">
                    <th scope="row" className="govuk-table__header">
                      {category.label}
                    </th>
                    {series.map((s, n) => (
                      <td key={s.label} className="govuk-table__cell govuk-table__cell--numeric">
                        {category.shown?.[n] ?? shown(s.values[index])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </figure>
  );
}

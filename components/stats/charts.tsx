/**
 * Statistics charts as plain server-rendered SVG: no client JavaScript, no inline style (the strict
 * CSP allows neither), nothing fetched. Each chart is a picture of a table printed next to it, so it
 * is one `role="img"` with a label, and a hidden figure ("< 10") is a gap, never a value.
 */

export type Series = { name: string; values: (number | null)[]; color: string; dash?: string };

const PALETTE = [
  { color: "#1d6b52", dash: undefined },
  { color: "#b45309", dash: "6 4" },
  { color: "#1d4ed8", dash: "2 3" },
] as const;

export function seriesStyle(index: number) {
  return PALETTE[index % PALETTE.length]!;
}

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude >= value)!;
  return step * magnitude;
}

/** On a narrow screen the chart keeps a readable size and scrolls sideways inside its frame (reachable by keyboard). */
function ChartFrame({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="group" aria-label={label}>
      {children}
    </div>
  );
}

function Legend({ series, hiddenNote }: { series: Series[]; hiddenNote: string }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-neutral-700" aria-hidden="true">
      {series.map((s) => (
        <li key={s.name} className="flex items-center gap-1.5">
          <svg width="28" height="10" viewBox="0 0 28 10" focusable="false">
            <line x1="0" y1="5" x2="28" y2="5" stroke={s.color} strokeWidth="3" strokeDasharray={s.dash} />
          </svg>
          {s.name}
        </li>
      ))}
      <li className="text-neutral-600">· · · {hiddenNote}</li>
    </ul>
  );
}

/** Lines over a shared x axis (weeks, seconds). `yFormat` writes the axis ticks. */
export function LineChart({
  label,
  xLabels,
  series,
  yMax,
  yFormat,
  hiddenNote,
  xTickEvery = 1,
}: {
  label: string;
  xLabels: string[];
  series: Series[];
  yMax?: number;
  yFormat: (value: number) => string;
  hiddenNote: string;
  xTickEvery?: number;
}) {
  const width = 640;
  const height = 240;
  const left = 48;
  const right = 12;
  const top = 12;
  const bottom = 36;
  const max = yMax ?? niceMax(Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null))));
  const x = (i: number) => left + (xLabels.length <= 1 ? 0 : (i * (width - left - right)) / (xLabels.length - 1));
  const y = (v: number) => top + (1 - v / max) * (height - top - bottom);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  return (
    <figure className="max-w-3xl space-y-2">
      <ChartFrame label={label}>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full min-w-[34rem] rounded-lg border border-neutral-200 bg-white" role="img" aria-label={label} focusable="false">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={left} x2={width - right} y1={y(v)} y2={y(v)} stroke="#e5e5e5" />
            <text x={left - 6} y={y(v) + 4} textAnchor="end" fontSize="12" fill="#404040">
              {yFormat(v)}
            </text>
          </g>
        ))}
        {xLabels.map((name, i) =>
          i % xTickEvery === 0 ? (
            <text key={name + i} x={x(i)} y={height - bottom + 16} textAnchor="middle" fontSize="12" fill="#404040">
              {name}
            </text>
          ) : null,
        )}
        {series.map((s) => {
          // Consecutive shown points make a segment; a hidden point breaks the line.
          const runs: [number, number][][] = [[]];
          s.values.forEach((v, i) => (v === null ? runs.push([]) : runs.at(-1)!.push([x(i), y(v)])));
          return (
            <g key={s.name}>
              {runs
                .filter((run) => run.length > 0)
                .map((run, r) =>
                  run.length === 1 ? (
                    <circle key={r} cx={run[0]![0]} cy={run[0]![1]} r="3" fill={s.color} />
                  ) : (
                    <polyline key={r} points={run.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(" ")} fill="none" stroke={s.color} strokeWidth="2.5" strokeDasharray={s.dash} strokeLinejoin="round" />
                  ),
                )}
            </g>
          );
        })}
      </svg>
      </ChartFrame>
      <Legend series={series} hiddenNote={hiddenNote} />
    </figure>
  );
}

/** Horizontal bars, one group per category (label above its bars), one bar per series. */
export function BarChart({
  label,
  categories,
  series,
  valueFormat,
  hiddenNote,
}: {
  label: string;
  categories: string[];
  series: Series[];
  valueFormat: (value: number) => string;
  hiddenNote: string;
}) {
  const width = 640;
  const barHeight = 12;
  const labelHeight = 20;
  const groupHeight = labelHeight + series.length * (barHeight + 3) + 10;
  const height = categories.length * groupHeight + 8;
  const left = 4;
  const valueRoom = 70;
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null))));
  const barWidth = (v: number) => (v / max) * (width - left - valueRoom);
  return (
    <figure className="max-w-3xl space-y-2">
      <ChartFrame label={label}>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full min-w-[34rem] rounded-lg border border-neutral-200 bg-white" role="img" aria-label={label} focusable="false">
        {categories.map((category, c) => {
          const top = 6 + c * groupHeight;
          return (
            <g key={category + c}>
              <text x={left} y={top + 13} fontSize="14" fill="#1c2421">
                {category}
              </text>
              {series.map((s, i) => {
                const v = s.values[c] ?? null;
                const barTop = top + labelHeight + i * (barHeight + 3);
                return v === null ? (
                  <text key={s.name} x={left} y={barTop + barHeight - 2} fontSize="12" fill="#525252">
                    {hiddenNote}
                  </text>
                ) : (
                  <g key={s.name}>
                    <rect x={left} y={barTop} width={Math.max(1, barWidth(v))} height={barHeight} fill={s.color} opacity={i === 0 ? 1 : 0.75} />
                    <text x={left + barWidth(v) + 4} y={barTop + barHeight - 2} fontSize="12" fill="#404040">
                      {valueFormat(v)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      </ChartFrame>
      <Legend series={series} hiddenNote={hiddenNote} />
    </figure>
  );
}

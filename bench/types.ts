// One row of the `npm run bench` table. Each area's bench module returns rows; the runner prints.
export interface BenchRow {
  area: string;
  metric: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "≤ 0.2"; empty when the row is informational. */
  target: string;
  pass: boolean | null;
}

export type BenchModule = () => Promise<BenchRow[]>;

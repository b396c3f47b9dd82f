/**
 * Small-cell suppression for published statistics: no figure counting fewer than MIN_CELL learners
 * is shown ("< 10"), and enough other figures are hidden with it (complementary suppression) that
 * no hidden figure can be recomputed from the published cells and totals.
 *
 * Why the check is about cycles: a table published with its row totals, column totals and grand
 * total is a set of additive relations — each row (and each column) sums to its total. Put the
 * totals in an extra row and column: every relation then says "the entries of this line sum to 0"
 * (the total taken negatively). A hidden entry is the edge between its row and its column; hidden
 * entries can be moved together without changing any published figure exactly when they form a
 * cycle of rows and columns (+x, −x around the cycle). So a hidden entry can be recomputed exactly
 * when its edge is a bridge of the graph of hidden entries. The algorithm hides the cheapest
 * rectangle (4 entries, a cycle) through each bridge until no bridge is left. Pure; tested by tables
 * and by a property test that recomputes every hidden entry by linear algebra.
 */
export const MIN_CELL = 10;

export type Entry = { value: number; isSuppressed: boolean };
export type SuppressedTable = { cells: Entry[][]; rowTotals: Entry[]; columnTotals: Entry[]; total: Entry };

type Grid = { value: number[][]; hidden: boolean[][] };

/** Bridges of the bipartite graph rows × columns whose edges are the hidden entries (Tarjan). */
function findBridge(grid: Grid): [number, number] | null {
  const rows = grid.value.length;
  const columns = grid.value[0]!.length;
  const nodeCount = rows + columns; // rows 0..rows-1, columns rows..rows+columns-1
  const order = new Array<number>(nodeCount).fill(-1);
  const low = new Array<number>(nodeCount).fill(0);
  let counter = 0;
  const neighbours = (node: number): number[] => {
    const result: number[] = [];
    if (node < rows) {
      for (let c = 0; c < columns; c++) if (grid.hidden[node]![c]) result.push(rows + c);
    } else {
      const c = node - rows;
      for (let r = 0; r < rows; r++) if (grid.hidden[r]![c]) result.push(r);
    }
    return result;
  };
  // Iterative DFS (tables may be wide); each stack frame: node, parent, neighbour list, next index.
  for (let start = 0; start < nodeCount; start++) {
    if (order[start] !== -1) continue;
    const stack: { node: number; parent: number; next: number[]; index: number }[] = [{ node: start, parent: -1, next: neighbours(start), index: 0 }];
    order[start] = low[start] = counter++;
    while (stack.length) {
      const frame = stack[stack.length - 1]!;
      if (frame.index < frame.next.length) {
        const to = frame.next[frame.index++]!;
        if (to === frame.parent) continue; // a simple graph: one edge between two nodes
        if (order[to] === -1) {
          order[to] = low[to] = counter++;
          stack.push({ node: to, parent: frame.node, next: neighbours(to), index: 0 });
        } else {
          low[frame.node] = Math.min(low[frame.node]!, order[to]!);
        }
      } else {
        stack.pop();
        const parent = stack[stack.length - 1];
        if (!parent) continue;
        low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!);
        if (low[frame.node]! > order[parent.node]!) {
          const [a, b] = [parent.node, frame.node];
          return a < rows ? [a, b - rows] : [b, a - rows];
        }
      }
    }
  }
  return null;
}

/** Hides the cheapest rectangle through entry (r, c): (r, c'), (r', c'), (r', c), least total value hidden. */
function hideRectangle(grid: Grid, r: number, c: number) {
  const rows = grid.value.length;
  const columns = grid.value[0]!.length;
  let best: { cost: number; r2: number; c2: number } | null = null;
  for (let r2 = 0; r2 < rows; r2++) {
    if (r2 === r) continue;
    for (let c2 = 0; c2 < columns; c2++) {
      if (c2 === c) continue;
      const cost = [grid.hidden[r]![c2] ? 0 : grid.value[r]![c2]! + 1, grid.hidden[r2]![c2] ? 0 : grid.value[r2]![c2]! + 1, grid.hidden[r2]![c] ? 0 : grid.value[r2]![c]! + 1].reduce((s, x) => s + x, 0);
      if (!best || cost < best.cost) best = { cost, r2, c2 };
    }
  }
  // The grid always has its totals' row and column, so another row and column exist.
  const { r2, c2 } = best!;
  grid.hidden[r]![c2] = true;
  grid.hidden[r2]![c2] = true;
  grid.hidden[r2]![c] = true;
}

/**
 * Suppresses a table of counts (rows × columns, every count ≥ 0) published with its row totals,
 * column totals and grand total. Primary: every figure below `threshold` (totals included).
 * Complementary: until no hidden figure is recoverable.
 */
export function suppressTable(cells: readonly (readonly number[])[], threshold = MIN_CELL): SuppressedTable {
  const rows = cells.length;
  const columns = cells[0]?.length ?? 0;
  if (rows === 0 || columns === 0) return { cells: [], rowTotals: [], columnTotals: [], total: { value: 0, isSuppressed: 0 < threshold } };
  if (cells.some((row) => row.length !== columns)) throw new RangeError("suppressTable: every row needs the same number of cells");
  if (cells.some((row) => row.some((v) => !Number.isInteger(v) || v < 0))) throw new RangeError("suppressTable: counts are whole numbers ≥ 0");
  // The grid: the cells, a last column of row totals, a last row of column totals and the grand total.
  const value = cells.map((row) => [...row, row.reduce((s, v) => s + v, 0)]);
  const totalsRow = Array.from({ length: columns + 1 }, (_, c) => value.reduce((s, row) => s + row[c]!, 0));
  value.push(totalsRow);
  const grid: Grid = { value, hidden: value.map((row) => row.map((v) => v < threshold)) };
  for (let bridge = findBridge(grid); bridge; bridge = findBridge(grid)) hideRectangle(grid, bridge[0], bridge[1]);
  const entry = (r: number, c: number): Entry => ({ value: grid.value[r]![c]!, isSuppressed: grid.hidden[r]![c]! });
  return {
    cells: cells.map((row, r) => row.map((_, c) => entry(r, c))),
    rowTotals: cells.map((_, r) => entry(r, columns)),
    columnTotals: Array.from({ length: columns }, (_, c) => entry(rows, c)),
    total: entry(rows, columns),
  };
}

/** A list of counts published with its total (a table of one column). */
export function suppressList(values: readonly number[], threshold = MIN_CELL): { items: Entry[]; total: Entry } {
  const table = suppressTable(values.map((v) => [v]), threshold);
  return { items: table.cells.map((row) => row[0]!), total: table.columnTotals[0] ?? table.total };
}

/** What a page or a CSV shows for an entry: the count, or "< 10". Never the hidden value. */
export function publishedCount(entry: Entry, threshold = MIN_CELL): string {
  return entry.isSuppressed ? `< ${threshold}` : String(entry.value);
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MIN_CELL, publishedCount, suppressList, suppressTable, type SuppressedTable } from "./suppression";

/** The published grid: cells, row totals in a last column, column totals and grand total in a last row. */
function grid(table: SuppressedTable) {
  return [...table.cells.map((row, r) => [...row, table.rowTotals[r]!]), [...table.columnTotals, table.total]];
}

function rank(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  let rank = 0;
  const columns = m[0]?.length ?? 0;
  for (let c = 0; c < columns && rank < m.length; c++) {
    let pivot = rank;
    for (let r = rank + 1; r < m.length; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    if (Math.abs(m[pivot]![c]!) < 1e-9) continue;
    [m[rank], m[pivot]] = [m[pivot]!, m[rank]!];
    for (let r = 0; r < m.length; r++) {
      if (r === rank) continue;
      const factor = m[r]![c]! / m[rank]![c]!;
      for (let k = c; k < columns; k++) m[r]![k]! -= factor * m[rank]![k]!;
    }
    rank++;
  }
  return rank;
}

/**
 * Which hidden entries an attacker recomputes exactly from what is published: the additive
 * relations (each row and column sums to its total) restricted to the hidden entries; entry k is
 * determined when the unit vector e_k lies in the span of those relations.
 */
function recoverableEntries(table: SuppressedTable): string[] {
  const g = grid(table);
  const rows = g.length;
  const columns = g[0]!.length;
  const unknowns: [number, number][] = [];
  g.forEach((row, r) => row.forEach((e, c) => e.isSuppressed && unknowns.push([r, c])));
  const indexOf = new Map(unknowns.map(([r, c], i) => [`${r},${c}`, i]));
  const relations: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const relation = new Array<number>(unknowns.length).fill(0);
    for (let c = 0; c < columns; c++) {
      const i = indexOf.get(`${r},${c}`);
      if (i !== undefined) relation[i] = c === columns - 1 ? -1 : 1;
    }
    relations.push(relation);
  }
  for (let c = 0; c < columns; c++) {
    const relation = new Array<number>(unknowns.length).fill(0);
    for (let r = 0; r < rows; r++) {
      const i = indexOf.get(`${r},${c}`);
      if (i !== undefined) relation[i] = r === rows - 1 ? -1 : 1;
    }
    relations.push(relation);
  }
  const base = rank(relations);
  return unknowns
    .filter((_, k) => {
      const unit = unknowns.map((__, j) => (j === k ? 1 : 0));
      return rank([...relations, unit]) === base;
    })
    .map(([r, c]) => `${r},${c}`);
}

describe("suppressTable", () => {
  it.each<[string, number[][], string[][]]>([
    [
      "nothing small: everything published",
      [
        [12, 30],
        [40, 15],
      ],
      [
        ["12", "30", "42"],
        ["40", "15", "55"],
        ["52", "45", "97"],
      ],
    ],
    [
      "one small cell: a rectangle of four is hidden, the cheapest one",
      [
        [3, 30, 25],
        [40, 15, 50],
        [20, 60, 11],
      ],
      [
        ["< 10", "30", "< 10", "58"],
        ["40", "15", "50", "105"],
        ["< 10", "60", "< 10", "91"],
        ["63", "105", "86", "254"],
      ],
    ],
    [
      "a single row: a column total equals its cell, so it hides with it",
      [[4, 25, 30]],
      [
        ["< 10", "< 10", "30", "59"],
        ["< 10", "< 10", "30", "59"],
      ],
    ],
    [
      "zero is fewer than ten learners too",
      [
        [0, 20],
        [30, 40],
      ],
      [
        ["< 10", "< 10", "20"],
        ["< 10", "< 10", "70"],
        ["30", "60", "90"],
      ],
    ],
  ])("%s", (_, cells, expected) => {
    const table = suppressTable(cells);
    expect(grid(table).map((row) => row.map((e) => publishedCount(e)))).toEqual(expected);
    expect(recoverableEntries(table)).toEqual([]);
  });

  it("refuses ragged tables and counts that are not whole numbers ≥ 0", () => {
    expect(() => suppressTable([[1, 2], [3]])).toThrow(RangeError);
    expect(() => suppressTable([[1.5]])).toThrow(RangeError);
    expect(() => suppressTable([[-1]])).toThrow(RangeError);
  });

  it("an empty table has a hidden zero total", () => {
    expect(suppressTable([])).toEqual({ cells: [], rowTotals: [], columnTotals: [], total: { value: 0, isSuppressed: true } });
  });

  it("property: every figure under 10 is hidden, every shown figure is the true one, and no hidden figure can be recomputed", () => {
    const tables = fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
      .chain(([rows, columns]) => fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 200 })), { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }));
    fc.assert(
      fc.property(tables, (cells) => {
        const table = suppressTable(cells);
        const published = grid(table);
        const truth = [...cells.map((row) => [...row, row.reduce((s, v) => s + v, 0)])];
        truth.push(truth[0]!.map((_, c) => truth.reduce((s, row) => s + row[c]!, 0)));
        published.forEach((row, r) =>
          row.forEach((e, c) => {
            expect(e.value).toBe(truth[r]![c]);
            if (e.value < MIN_CELL) expect(e.isSuppressed).toBe(true);
          }),
        );
        expect(recoverableEntries(table)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("suppressList", () => {
  it.each<[number[], string[], string]>([
    [[25, 40, 12], ["25", "40", "12"], "77"],
    [[3, 40, 12, 30], ["< 10", "40", "< 10", "30"], "85"],
    [[3, 4], ["< 10", "< 10"], "< 10"],
    [[3, 40], ["< 10", "< 10"], "43"],
  ])("%j → %j, total %s", (values, items, total) => {
    const list = suppressList(values);
    expect(list.items.map((e) => publishedCount(e))).toEqual(items);
    expect(publishedCount(list.total)).toBe(total);
  });
});

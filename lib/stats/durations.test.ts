import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUCKET_COUNT, bucketBounds, durationBucket, histogramMedian } from "./durations";

describe("durationBucket", () => {
  it.each([
    [0, 0],
    [59.9, 0],
    [Number.NaN, 0],
    [-5, 0],
    [60, 1],
    [71.9, 1],
    [72, 2],
    [3600, 23],
    [1e12, BUCKET_COUNT - 1],
  ])("puts %s s in bucket %s", (seconds, bucket) => {
    expect(durationBucket(seconds)).toBe(bucket);
  });

  it("puts every duration inside its bucket's bounds", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), (seconds) => {
        const [from, to] = bucketBounds(durationBucket(seconds));
        expect(seconds).toBeGreaterThanOrEqual(from * (1 - 1e-12));
        expect(seconds).toBeLessThan(to * (1 + 1e-12));
      }),
    );
  });
});

describe("histogramMedian", () => {
  it("is null for no learner", () => {
    expect(histogramMedian(new Map())).toBeNull();
    expect(histogramMedian(new Map([[3, 0]]))).toBeNull();
  });

  it.each<[[number, number][], number]>([
    // counts by bucket, expected median bucket
    [[[1, 1]], 1],
    [[[1, 1], [5, 1]], 1], // lower median
    [[[1, 1], [5, 2]], 5],
    [[[0, 10], [40, 9]], 0],
    [[[0, 9], [40, 10]], 40],
  ])("finds the median bucket of %j", (entries, bucket) => {
    const median = histogramMedian(new Map(entries));
    expect(median?.bucket).toBe(bucket);
  });

  it("stays within one bucket of the true (lower) median of random durations", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e8, noNaN: true }), { minLength: 1, maxLength: 200 }), (durations) => {
        const counts = new Map<number, number>();
        for (const d of durations) counts.set(durationBucket(d), (counts.get(durationBucket(d)) ?? 0) + 1);
        const sorted = [...durations].sort((a, b) => a - b);
        const truth = sorted[Math.ceil(sorted.length / 2) - 1]!;
        const median = histogramMedian(counts)!;
        expect(median.count).toBe(durations.length);
        expect(median.bucket).toBe(durationBucket(truth));
        const [from, to] = bucketBounds(median.bucket);
        expect(median.seconds).toBeGreaterThanOrEqual(from);
        expect(median.seconds).toBeLessThanOrEqual(to);
      }),
    );
  });
});

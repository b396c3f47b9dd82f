/**
 * Durations (time from a learner's first start to completion) kept as a histogram of counters, so that
 * a median over 100,000 learners is read from a few dozen rows. Buckets grow geometrically: bucket 0
 * holds everything under a minute, bucket k ≥ 1 holds [60 × R^(k−1), 60 × R^k) seconds, the last one
 * everything longer. The median read back is exact to within one bucket (±20 %), and says so.
 */
export const BUCKET_RATIO = 1.2;
export const BUCKET_COUNT = 80; // the last bucket starts past 60 × 1.2^78 s ≈ 2.9 years

export function durationBucket(seconds: number): number {
  if (!(seconds >= 60)) return 0;
  const k = Math.floor(Math.log(seconds / 60) / Math.log(BUCKET_RATIO)) + 1;
  return Math.min(k, BUCKET_COUNT - 1);
}

/** The [from, to) seconds of a bucket (to is Infinity for the last). */
export function bucketBounds(bucket: number): [number, number] {
  if (bucket <= 0) return [0, 60];
  const from = 60 * BUCKET_RATIO ** (bucket - 1);
  return [from, bucket >= BUCKET_COUNT - 1 ? Infinity : 60 * BUCKET_RATIO ** bucket];
}

/**
 * The median of a histogram (bucket → count): the lower median's bucket, and an estimate inside it
 * interpolated on the bucket's logarithmic scale by rank. Null for an empty histogram.
 */
export function histogramMedian(counts: ReadonlyMap<number, number>): { seconds: number; bucket: number; count: number } | null {
  const buckets = [...counts.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const count = buckets.reduce((sum, [, n]) => sum + n, 0);
  if (count === 0) return null;
  const rank = Math.ceil(count / 2);
  let before = 0;
  for (const [bucket, n] of buckets) {
    if (before + n >= rank) {
      const [from, to] = bucketBounds(bucket);
      const within = (rank - before - 0.5) / n;
      const seconds = bucket === 0 ? 60 * within : to === Infinity ? from : from * (to / from) ** within;
      return { seconds, bucket, count };
    }
    before += n;
  }
  return null; // unreachable: the ranks add up to count
}

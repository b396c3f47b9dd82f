// Where the end-to-end server of a port reads its clock offset (server/clock.ts, TEST_CLOCK_FILE).
import { tmpdir } from "node:os";
import { join } from "node:path";

export function e2eClockFile(port) {
  return join(tmpdir(), `accelerateur-e2e-clock-${port}`);
}

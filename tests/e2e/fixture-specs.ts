/**
 * The end-to-end specs that drive the second server (the test content fixture, FIXTURE_BASE_URL).
 * playwright.config.ts runs them as their own project, one at a time, beside the other specs:
 * each server is driven by one worker at a time. tests/unit/e2e-projects.test.ts checks that this
 * list names exactly the specs that use FIXTURE_BASE_URL.
 */
export const FIXTURE_SPEC_FILES = ["accessibility-screens.spec.ts", "cohorts.spec.ts", "content-freshness.spec.ts", "live-sessions.spec.ts", "data-rights.spec.ts", "progress.spec.ts"];

import { defineConfig } from "vitest/config";

/**
 * Three projects, all run by `npm test` (and so by .ci/run, which counts them together):
 * - quick: the suite, in process and on fixtures;
 * - process: tests of the package as a user gets it (npm pack, installed into an empty project,
 *   run through npx), which take a minute or more;
 * - slow: runs over outside material (../shared/realworld/corpus), skipped when it is absent.
 * `npx vitest run --project quick` leaves the last two out.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "quick",
          include: ["test/**/*.test.ts"],
          exclude: ["test/process/**", "test/slow/**"],
          globalSetup: ["test/global-setup.ts"],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "process",
          include: ["test/process/**/*.test.ts"],
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: "slow",
          include: ["test/slow/**/*.test.ts"],
          globalSetup: ["test/global-setup.ts"],
          testTimeout: 300_000,
        },
      },
    ],
  },
});

import { defineConfig } from "vitest/config";

/**
 * Two projects, both run by `npm test` (and so by .ci/run, which counts them together):
 * - quick: the suite, in process and on fixtures;
 * - process: tests of the package as a user gets it (npm pack, installed into an empty project,
 *   run through npx), which take a minute or more: `npx vitest run --project quick` leaves them out.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "quick",
          include: ["test/**/*.test.ts"],
          exclude: ["test/process/**"],
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
    ],
  },
});

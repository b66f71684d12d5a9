/**
 * One way to run a fast-check property, for every property test: the run is seeded, the seed is
 * named in the failure, and FC_SEED replays it.
 *
 *   FC_SEED=1234567 npx vitest run test/fuzz-readers.test.ts
 *
 * Without FC_SEED each test run draws a fresh seed (so CI keeps exploring new inputs); with it the
 * same inputs are generated again, in the same order, so a failure seen once can be reproduced and
 * debugged.
 */
import fc from "fast-check";

/** The seed every property in this test process runs with. */
export const propertySeed: number = seedFrom(process.env.FC_SEED);

function seedFrom(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return (Date.now() ^ Math.floor(Math.random() * 0x1_0000_0000)) | 0;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer (as printed by a failing property test), not "${raw}"`);
  return seed | 0;
}

/** The line a failing property adds to its error: the seed, and how to run with it again. */
export function replayHint(seed: number): string {
  return `fast-check seed ${seed}: replay with FC_SEED=${seed} npx vitest run <this test file>`;
}

/**
 * fc.assert with the run's seed. Parameters may set numRuns and the like, never the seed: a test
 * that pinned its own seed would explore the same inputs for ever.
 */
export async function checkProperty<Ts>(property: fc.IAsyncProperty<Ts> | fc.IProperty<Ts>, parameters: Omit<fc.Parameters<Ts>, "seed"> = {}): Promise<void> {
  const seed = propertySeed;
  try {
    await fc.assert(property as fc.IRawProperty<Ts>, { ...parameters, seed });
  } catch (error) {
    const hint = replayHint(seed);
    if (error instanceof Error) {
      error.message = `${hint}\n${error.message}`;
      throw error;
    }
    throw new Error(`${hint}\n${String(error)}`, { cause: error });
  }
}

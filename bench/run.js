// npm run bench: runs every benchmark (build first: npm run build). Not part of npm test.
const benches = ["./readers.js"];
for (const bench of benches) {
  const { run } = await import(bench);
  await run();
}

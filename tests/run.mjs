#!/usr/bin/env node
// The whole test suite in one command (README, .ci/run): typecheck, lint, import rules, then every vitest
// suite (unit, integration, end-to-end in Chromium). Ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name, pkg = '.') => join(root, pkg, 'node_modules', '.bin', name);
const run = (cmd, args, opts = {}) => {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (result.error) console.error(`${cmd}: ${result.error.message}`);
  return result.status === 0;
};

let passed = 0;
let failed = 0;
const check = (name, ok) => {
  console.log(`\n${ok ? '✓' : '✗'} ${name}`);
  if (ok) passed++;
  else failed++;
};

// Tests use real system services (DESIGN §5): Debian's Chromium for browser tests, PostgreSQL and
// redis-server for the multi-node store and fan-out. Install what is missing (CI and fresh machines
// run as root; otherwise sudo).
const hasPostgres = () =>
  existsSync('/usr/lib/postgresql') &&
  readdirSync('/usr/lib/postgresql').some((v) => existsSync(join('/usr/lib/postgresql', v, 'bin', 'postgres')));
const missing = [
  ['chromium', existsSync('/usr/bin/chromium')],
  ['postgresql', hasPostgres()],
  ['redis-server', existsSync('/usr/bin/redis-server')],
  // pdftotext: the report tests read the PDF's text layer the way a reader's tools do.
  ['poppler-utils', existsSync('/usr/bin/pdftotext')],
]
  .filter(([, present]) => !present)
  .map(([name]) => name);
if (missing.length > 0) {
  console.log(`Installing ${missing.join(', ')} for the tests (apt-get)…`);
  const asRoot = process.getuid?.() === 0;
  const apt = (...args) =>
    run(asRoot ? 'apt-get' : 'sudo', asRoot ? args : ['apt-get', ...args], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  apt('update', '-qq') && apt('install', '-y', '-qq', ...missing);
}

check('typecheck (tsc -b)', run(bin('tsc'), ['-b']));
check('lint (biome check)', run(bin('biome'), ['check', '.']));
// Import rules (docs/ARCHITECTURE.md): no circles, no plane importing one above it.
const cruise = ['server/src', 'client/src', 'shared/src', '--config', '.dependency-cruiser.cjs'];
check('import rules (dependency-cruiser)', run(bin('depcruise'), cruise));
check('client build (vite build)', run(bin('vite', 'client'), ['build'], { cwd: join(root, 'client') }));

const reportDir = join(root, 'node_modules', '.cache', 'warsztat');
mkdirSync(reportDir, { recursive: true });
const reportFile = join(reportDir, 'vitest-report.json');
const vitestOk = run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${reportFile}`,
  ...process.argv.slice(2),
]);
if (existsSync(reportFile)) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A suite that crashed before its tests ran counts as one failure, so it can't vanish from the tally.
  failed += report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
  if (!vitestOk && report.numFailedTests === 0 && report.numFailedTestSuites === 0) failed++;
} else if (!vitestOk) {
  failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

// Drives @wdio/junit-reporter with the events wdio's runner sends for one worker (one capability) running
// test/specs/checkout.e2e.js under mocha: the reporter and its XML writer are the real ones; the events are sent
// from here because a real wdio run needs a browser driver download. The errors are real errors thrown by the spec's
// code, so their stacks point at the spec and page-object files. As `afterTest` hooks commonly do, a failed test
// prints the page source, which `addWorkerLogs: true` puts into the test case's system-out.
import path from 'node:path';
import url from 'node:url';
import JunitReporter from '@wdio/junit-reporter';
import { tests } from './test/specs/checkout.e2e.js';

const here = path.dirname(url.fileURLToPath(import.meta.url));
const spec = url.pathToFileURL(path.join(here, 'test/specs/checkout.e2e.js')).href;
const outDir = process.argv[2] ?? path.join(here, 'out');
const pageSource = '<html><head><title>Acme checkout</title></head><body><h1>Checkout</h1><form id="payment"><input id="card" name="card"><button type="submit" class="primary" disabled>Pay</button></form></body></html>';

async function runWorker(cid, capabilities) {
  const reporter = new JunitReporter({ outputDir: outDir, logFile: path.join(outDir, `wdio-${cid}-junit-reporter.log`), addWorkerLogs: true });
  const sessionId = `5e55${cid.replace('-', '')}c0ffee`;
  const start = new Date();
  reporter.emit('runner:start', { cid, specs: [spec], capabilities, sessionId, config: { framework: 'mocha' }, isMultiremote: false, retry: 0 });
  const suite = { uid: 'suite-0-0', cid, title: 'checkout page', fullTitle: 'checkout page', file: spec, type: 'suite', start };
  reporter.emit('suite:start', suite);
  let n = 0;
  for (const [title, body] of Object.entries(tests)) {
    const test = { uid: `test-00-${n++}`, cid, title, fullTitle: `checkout page ${title}`, parent: 'checkout page', type: 'test', file: spec, start: new Date() };
    reporter.emit('test:start', test);
    reporter.emit('client:beforeCommand', { method: 'POST', endpoint: '/session/:sessionId/element', body: { using: 'css selector', value: '#pay-now' }, sessionId });
    reporter.emit('client:afterCommand', { method: 'POST', endpoint: '/session/:sessionId/element', body: { using: 'css selector', value: '#pay-now' }, result: { value: { error: 'no such element' } }, sessionId });
    try {
      await body();
      reporter.emit('test:pass', { ...test, state: 'passed' });
    } catch (error) {
      process.stdout.write(`page source at failure:\n${pageSource}\n`);
      reporter.emit('test:fail', { ...test, state: 'failed', error, errors: [error] });
    }
    reporter.emit('test:end', test);
  }
  reporter.emit('suite:end', suite);
  reporter.emit('runner:end', { cid, failures: 1, retries: 0 });
  await new Promise((resolve) => reporter.outputStream.end(resolve));
}

await runWorker('0-0', { browserName: 'chrome', browserVersion: '130.0.6723.91', platformName: 'linux' });
await runWorker('0-1', { browserName: 'firefox', browserVersion: '131.0', platformName: 'linux' });

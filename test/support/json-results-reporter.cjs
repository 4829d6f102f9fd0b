/**
 * Writes Jest's aggregated results (the same JSON as `jest --json`) to .jest-results.json, so
 * .ci/run can print the plain "N passed, N failed" line CI reads, whatever runs Jest.
 */
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

class JsonResultsReporter {
  constructor(globalConfig) {
    this.file = join(globalConfig.rootDir, '.jest-results.json');
  }
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTotalTests, numFailedTestSuites, numRuntimeErrorTestSuites, success } = results;
    const suites = results.testResults.map((r) => ({ file: r.testFilePath, status: r.numFailingTests || r.testExecError ? 'failed' : 'passed', error: r.testExecError?.message }));
    writeFileSync(this.file, JSON.stringify({ success, numPassedTests, numFailedTests, numPendingTests, numTotalTests, numFailedTestSuites, numRuntimeErrorTestSuites, suites }, null, 2));
  }
}
module.exports = JsonResultsReporter;

// A thread's entry when the code runs from TypeScript sources (jest, ts-node, the
// benchmarks): compiles the thread's .ts file on the fly (thread-entry.ts). A build (dist) starts the compiled
// .js directly and never loads this file, nor ts-node.
'use strict';
const { workerData } = require('node:worker_threads');

// A thread inherits the process's -r flags: under `node -r ts-node/register` TypeScript already loads.
if (!require.extensions['.ts']) {
  require('ts-node').register({ transpileOnly: true, project: workerData.tsProject });
  const tsconfigPaths = require('tsconfig-paths');
  const config = tsconfigPaths.loadConfig(workerData.tsProject);
  if (config.resultType !== 'success') throw new Error(`${workerData.tsProject}: ${config.message}`);
  tsconfigPaths.register({ baseUrl: config.absoluteBaseUrl, paths: config.paths });
}
require(workerData.source);

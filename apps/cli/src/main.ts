#!/usr/bin/env node
import { accord } from './accord';

void accord(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  cwd: process.cwd(),
}).then((code) => {
  // exitCode rather than exit(): let stdout drain when it is a pipe.
  process.exitCode = code;
});

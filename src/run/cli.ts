#!/usr/bin/env node
/** The `compneuro-rx` bin: {@link runCli} with the process's arguments. */
import { runCli } from './cli-main.js';

runCli(process.argv.slice(2)).catch((e: Error) => {
  console.error(e.message);
  process.exitCode = 1;
});

#!/usr/bin/env node
// The `audit` command: the auditor CLI built from src/cli (run `npm run build` first).
import { main, processIo } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2), processIo());

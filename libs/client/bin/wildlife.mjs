#!/usr/bin/env node
// The `wildlife` command: the CLI built from src/cli (run `npm run build` first).
import { main, processIo } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2), processIo());

#!/usr/bin/env node
// Entry for the `igc` bin: the CLI is TypeScript run by Node's type stripping (Node >= 22.18 / 24).
import "../src/cli/main.ts";

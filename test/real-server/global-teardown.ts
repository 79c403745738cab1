// Removes the suite's temp folder (the model); the llama-server build stays cached.
import * as fs from 'node:fs';
import { SETUP_ENV, readSuiteSetup } from './suite-setup';

export default async function globalTeardown(): Promise<void> {
  if (!process.env[SETUP_ENV]) return;
  fs.rmSync(readSuiteSetup().dir, { recursive: true, force: true });
}

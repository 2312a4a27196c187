import 'reflect-metadata';
import { runAuditor } from './auditor.program';
import { PROCESS_OUTPUT } from './progress';

// `npm run audit -- <command> …`; exit codes in progress.ts (EXIT).
void runAuditor(process.argv.slice(2), PROCESS_OUTPUT).then((code) => process.exit(code));

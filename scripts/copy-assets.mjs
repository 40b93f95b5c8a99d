// Copies the data files tsc does not emit (the capability table) next to the compiled code.
import { cpSync, mkdirSync } from 'node:fs';

mkdirSync('dist/caps/data', { recursive: true });
cpSync('src/caps/data', 'dist/caps/data', { recursive: true, filter: (p) => !p.endsWith('.md') });

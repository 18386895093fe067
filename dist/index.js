import { createRequire as __rustPerfCreateRequire } from 'node:module';
const require = __rustPerfCreateRequire(import.meta.url);

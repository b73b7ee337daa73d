// The entry of every CPU-pool worker thread (./pool.ts). Plain JavaScript on purpose: Node loads
// it as it is, in dev, in the production build and in `npm start`, with no help from Next's
// bundler; tsx then compiles the pure TypeScript task modules it needs.
import { tsImport } from 'tsx/esm/api';

const { cpuTasks } = await tsImport('./tasks.ts', import.meta.url);

// Piscina calls the export named by `run(task, { name })`.
export const parseRunbook = cpuTasks.parseRunbook;
export const validateTemplate = cpuTasks.validateTemplate;
export const renderReport = cpuTasks.renderReport;

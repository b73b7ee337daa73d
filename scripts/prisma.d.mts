export function runPrisma(args: string[], env?: NodeJS.ProcessEnv, options?: { quiet?: boolean }): Promise<void>;

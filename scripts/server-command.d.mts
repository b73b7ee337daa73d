export function serverNodeFlags(env?: NodeJS.ProcessEnv): string[];
export function serverArgs(env?: NodeJS.ProcessEnv): string[];

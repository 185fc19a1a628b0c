import { readFileSync } from 'node:fs';

/**
 * Who process `pid` is on this machine, beyond its number: this boot's id and the process's start
 * time (Linux `/proc`). A pid is reused, after a restart and in time without one, so a lock row that
 * names only a pid can name a stranger: with this, a row whose process is gone reads as gone even
 * when another process now has its number. Undefined when the process does not exist, or when this
 * system has no `/proc` to tell (then callers fall back to the pid alone).
 */
export function processIdentity(pid: number): string | undefined {
  const boot = read('/proc/sys/kernel/random/boot_id');
  const stat = read(`/proc/${pid}/stat`);
  if (boot === undefined || stat === undefined) return undefined;
  // The command name, in parentheses, may hold spaces: fields are counted after its closing one.
  // Field 22, the start time in clock ticks since boot, is the 20th after it.
  const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  return start === undefined ? undefined : `${boot.trim()}/${start}`;
}

/** Whether this system can tell processes apart by `processIdentity`. */
export function identitiesKnown(): boolean {
  return processIdentity(process.pid) !== undefined;
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * What a build costs the machine, read from /proc (Linux): the resident
 * memory of a process tree, and the CPU time of finished child processes.
 * Used by the benchmark (./run.mjs).
 */
import { readFileSync, readdirSync } from 'node:fs';

/** Sum of the resident memory of `pid` and all its descendants, from /proc (Linux). */
export function treeRss(pid) {
  const children = new Map();
  const rss = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      rss.set(Number(name), Number(fields[21]) * 4096); // field 24 of stat: rss in pages
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/**
 * CPU seconds (user + system) used by this process's finished children and
 * their descendants, from /proc/self/stat (cutime, cstime; in clock ticks of 1/100 s).
 * Unlike wall time it hardly changes when other work shares the machine.
 */
export function childrenCpuSeconds() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100; // fields 16 and 17 of stat
}

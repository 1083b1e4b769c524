import { readdirSync, readlinkSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The ids of other processes that hold files of a PGlite data folder open (Linux: read from /proc). PGlite takes no
 * lock of its own, and two processes writing one data folder corrupt it, so the CLI refuses to start while the API
 * server (or another CLI) has the folder open. Elsewhere than Linux this finds nothing.
 */
export function processesHolding(dataDir: string): number[] {
  const folder = `${resolve(dataDir)}/`;
  const holders: number[] = [];
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return holders;
  }
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith(folder)) {
          holders.push(Number(pid));
          break;
        }
      } catch {
        // the descriptor closed while we looked
      }
    }
  }
  return holders;
}

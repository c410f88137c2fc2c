// CPU time and memory of processes, read from the kernel's own accounting in /proc (Linux), so
// the figures cost the server nothing to produce and stay honest when other work shares the cores.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

const getconf = (name: string) => Number(execFileSync("getconf", [name], { encoding: "utf8" }).trim());
const TICKS_PER_SECOND = getconf("CLK_TCK");
const PAGE_SIZE = getconf("PAGESIZE");

interface ProcessStat {
  pid: number;
  ppid: number;
  /** utime + stime of the process, plus cutime + cstime: the children it has already reaped. */
  cpuTicks: number;
  rssPages: number;
}

function readStat(pid: number): ProcessStat | null {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null; // Gone since it was listed.
  }
  // Field 2, the command name, is in parentheses and may itself hold spaces or ')'.
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const field = (number: number) => Number(fields[number - 3]); // fields[0] is field 3 (man 5 proc)
  return { pid, ppid: field(4), cpuTicks: field(14) + field(15) + field(16) + field(17), rssPages: field(24) };
}

/** The process and every live descendant. */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat.pid]);
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
}

/** CPU milliseconds used so far, per pid. */
export type CpuSample = Map<number, number>;

export function sampleCpu(pids: number[]): CpuSample {
  const sample: CpuSample = new Map();
  for (const pid of pids) {
    const stat = readStat(pid);
    if (stat) sample.set(pid, (stat.cpuTicks * 1000) / TICKS_PER_SECOND);
  }
  return sample;
}

export interface CpuSpent {
  ms: number;
  /** Processes sampled before but gone after: their CPU since the first sample is missing from ms. */
  vanished: number;
}

/** CPU used between two samples; a process first seen in `after` started meanwhile, so all its time counts. */
export function cpuBetween(before: CpuSample, after: CpuSample): CpuSpent {
  let ms = 0;
  for (const [pid, used] of after) ms += used - (before.get(pid) ?? 0);
  const vanished = [...before.keys()].filter((pid) => !after.has(pid)).length;
  return { ms, vanished };
}

/** Resident memory of the process and its descendants, MB. */
export function treeResidentMb(rootPid: number): number {
  const pages = processTree(rootPid).reduce((sum, pid) => sum + (readStat(pid)?.rssPages ?? 0), 0);
  return (pages * PAGE_SIZE) / 2 ** 20;
}

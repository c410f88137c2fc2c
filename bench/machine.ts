import os from "node:os";

/** What the figures were measured on. */
export function describeMachine(): string {
  const cpus = os.cpus();
  return [
    `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}`,
    `${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM`,
    `${os.type()} ${os.release()}`,
    `Node ${process.version}`,
  ].join(", ");
}

/** The 1-minute load average: how busy the shared machine was. */
export const loadAverage = () => os.loadavg()[0].toFixed(2);

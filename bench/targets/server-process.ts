import { type RunningServer, startServer } from "@/scripts/next-server";

/** A target's production server: at most one process at a time, always on the same environment. */
export class ServerProcess {
  #server: RunningServer | null = null;

  constructor(private readonly env: Record<string, string | undefined>) {}

  get running(): boolean {
    return this.#server !== null;
  }

  get current(): RunningServer {
    if (!this.#server) throw new Error("the bench server is not running");
    return this.#server;
  }

  async start(): Promise<void> {
    this.#server = await startServer(this.env);
  }

  async stop(): Promise<void> {
    await this.#server?.stop();
    this.#server = null;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

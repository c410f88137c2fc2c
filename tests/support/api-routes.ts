import fs from "node:fs/promises";
import path from "node:path";
import type { Endpoint } from "@/lib/api/endpoint";

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
const apiDir = path.join(process.cwd(), "app", "api");

export interface ServedRoute {
  /** "METHOD /api/path/{param}", from the file's location and the export's name. */
  route: string;
  method: string;
  urlPath: string;
  handler: ((request: Request) => Promise<Response>) & { endpoint?: Endpoint };
}

/** Every handler the app serves under /api, read from the route modules' exports. */
export async function routesOnDisk(): Promise<ServedRoute[]> {
  const entries = await fs.readdir(apiDir, { recursive: true });
  const files = entries.filter((entry) => entry.split(path.sep).at(-1) === "route.ts");
  const routes: ServedRoute[] = [];
  for (const file of files) {
    const module = (await import(path.join(apiDir, file))) as Record<string, unknown>;
    const segments = path
      .dirname(file)
      .split(path.sep)
      .filter((segment) => segment !== "." && !/^\(.*\)$/.test(segment))
      .map((segment) => segment.replace(/^\[(?:\.\.\.)?(.+)\]$/, "{$1}"));
    const urlPath = ["/api", ...segments].join("/");
    for (const method of HTTP_METHODS) {
      const handler = module[method];
      if (typeof handler === "function") {
        routes.push({ route: `${method} ${urlPath}`, method, urlPath, handler: handler as ServedRoute["handler"] });
      }
    }
  }
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}

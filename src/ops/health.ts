import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { LinkStatus } from "./telegram-link.js";
import type { LiveEngineStatus } from "./live-engine.js";

/**
 * GET /healthz: 200 when the bot has an index and Telegram answered its last call, 503
 * otherwise — with the reason, and the index's build time and size either way, so a
 * supervisor (Docker HEALTHCHECK, a load balancer, systemd's watchdog script) and a person
 * reading the JSON see the same thing.
 */

export interface HealthSources {
  mode: "polling" | "webhook";
  /** null while the first index is being opened or built; absent when the caller has no index to report. */
  engine?: () => LiveEngineStatus | null;
  /** null before the bot has started talking to Telegram. */
  telegram: () => LinkStatus | null;
}

export interface HealthReport {
  status: 200 | 503;
  body: Record<string, unknown>;
}

export function healthReport(sources: HealthSources): HealthReport {
  const engine = sources.engine ? sources.engine() : undefined;
  const link = sources.telegram();
  const problems: string[] = [];
  if (engine === null) problems.push("no index yet (building or loading)");
  if (!link || link.reachable === null) problems.push("not connected to Telegram yet");
  else if (!link.reachable) problems.push(`Telegram unreachable since ${link.since}: ${link.lastError ?? "unknown error"}`);
  const body: Record<string, unknown> = {
    ok: problems.length === 0,
    mode: sources.mode,
    ...(problems.length > 0 ? { problems } : {}),
    index: engine
      ? {
          builtAt: engine.info.builtAt,
          passages: engine.info.passages,
          files: engine.info.files,
          reloading: engine.reloading,
          ...(engine.lastError ? { lastReloadError: engine.lastError } : {}),
        }
      : null,
    telegram: link ?? null,
  };
  return { status: problems.length === 0 ? 200 : 503, body };
}

/** Answers GET /healthz on `res`; false when the request is for something else. */
export function serveHealth(req: IncomingMessage, res: ServerResponse, sources: HealthSources): boolean {
  const route = new URL(req.url ?? "/", "http://localhost").pathname;
  if (route !== "/healthz" || (req.method !== "GET" && req.method !== "HEAD")) return false;
  const report = healthReport(sources);
  res.writeHead(report.status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  res.end(req.method === "HEAD" ? undefined : JSON.stringify(report.body));
  return true;
}

/** A server with only /healthz, for polling mode (HEALTH_PORT). */
export async function startHealthServer(port: number, host: string | undefined, sources: HealthSources): Promise<{ server: Server; port: number; close: () => Promise<void> }> {
  const server = createServer({ connectionsCheckingInterval: 2_000 }, (req, res) => {
    if (!serveHealth(req, res, sources)) res.writeHead(404).end();
  });
  server.headersTimeout = 5_000;
  server.requestTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

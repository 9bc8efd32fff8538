import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

/**
 * Structured logs. The token is a password: Bot API URLs embed it (`/bot<token>/method`) and
 * network errors from node-fetch quote the URL, so besides redacting known paths every written
 * line is scrubbed of the token and of any `/bot<id>:<secret>/` URL segment.
 */
export function createLogger(options: {
  level: string;
  token?: string | undefined;
  secrets?: (string | undefined)[];
  destination?: DestinationStream;
}): Logger {
  const secrets = [options.token, ...(options.secrets ?? [])].filter((s): s is string => !!s && s.length >= 4);
  return pino(
    {
      level: options.level,
      base: { app: "jianbao-bot" },
      redact: {
        paths: ["token", "botToken", "config.botToken", "config.webhookSecret", "*.token", "headers.authorization"],
        censor: "[redacted]",
      },
      hooks: {
        streamWrite: (line) => scrubSecrets(line, secrets),
      },
    },
    options.destination,
  );
}

export function scrubSecrets(line: string, secrets: readonly string[]): string {
  let out = line.replace(/\/bot\d+:[A-Za-z0-9_-]+/g, "/bot[redacted]");
  for (const secret of secrets) out = out.split(secret).join("[redacted]");
  return out;
}

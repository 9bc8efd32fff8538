import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseEnv } from "node:util";
import * as z from "zod";
import { DEFAULT_INDEX_DIR, DEFAULT_SEEDS_DIR } from "./paths.js";

/**
 * The one place that reads the environment. Everything else receives a validated `Config`,
 * so a typo in a variable fails at start-up with one clear line instead of deep inside a handler.
 */

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Empty strings count as unset: `.env.example` copies leave many variables blank. */
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

const EnvSchema = z
  .object({
    BOT_TOKEN: optionalString.refine((v) => v === undefined || /^\d+:[A-Za-z0-9_-]{1,}$/.test(v), {
      // Never echo the token itself, not even a wrong one: it may be a real token with a typo.
      message: "BOT_TOKEN 格式不对，应形如 123456789:AA…（从 @BotFather 获取）",
    }),
    BOT_API_ROOT: optionalString.refine((v) => v === undefined || isHttpUrl(v), {
      message: "BOT_API_ROOT 必须是 http(s) 地址",
    }),
    BOT_MODE: optionalString.refine((v) => v === undefined || v === "polling" || v === "webhook", {
      message: "BOT_MODE 只能是 polling 或 webhook",
    }),
    WEBHOOK_URL: optionalString.refine((v) => v === undefined || isHttpUrl(v), {
      message: "WEBHOOK_URL 必须是完整的 https 地址，例如 https://example.com/telegram",
    }),
    WEBHOOK_SECRET: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), {
      message: "WEBHOOK_SECRET 只能包含 A–Z、a–z、0–9、_ 和 -，长度 1–256",
    }),
    PORT: optionalString.refine((v) => v === undefined || (/^\d{1,5}$/.test(v) && +v >= 1 && +v <= 65535), {
      message: "PORT 必须是 1–65535 之间的整数",
    }),
    ALLOWED_CHATS: optionalString.refine(
      (v) => v === undefined || v.split(",").every((part) => /^-?\d{1,20}$/.test(part.trim())),
      { message: "ALLOWED_CHATS 必须是逗号分隔的会话 ID，例如 123456789,-1001234567890" },
    ),
    ADMIN_IDS: optionalString.refine(
      (v) => v === undefined || v.split(",").every((part) => /^\d{1,16}$/.test(part.trim()) && Number(part.trim()) > 0 && Number.isSafeInteger(Number(part.trim()))),
      { message: "ADMIN_IDS 必须是逗号分隔的 Telegram 用户 ID（正整数），例如 123456789,987654321" },
    ),
    LOG_LEVEL: optionalString.refine((v) => v === undefined || (LOG_LEVELS as readonly string[]).includes(v), {
      message: `LOG_LEVEL 只能是 ${LOG_LEVELS.join("、")} 之一`,
    }),
    HEALTH_PORT: optionalString.refine((v) => v === undefined || (/^\d{1,5}$/.test(v) && +v >= 1 && +v <= 65535), {
      message: "HEALTH_PORT 必须是 1–65535 之间的整数",
    }),
    RELOAD_INTERVAL_SECONDS: optionalString.refine((v) => v === undefined || (/^\d{1,6}$/.test(v) && +v <= 86_400), {
      message: "RELOAD_INTERVAL_SECONDS 必须是 0–86400 之间的整数（0 表示不自动检查）",
    }),
    SEEDS_DIR: optionalString,
    INDEX_DIR: optionalString,
  })
  .superRefine((env, ctx) => {
    if (env.BOT_MODE === "webhook" && env.BOT_TOKEN !== undefined) {
      if (env.WEBHOOK_URL === undefined) {
        ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "WEBHOOK_URL 在 webhook 模式下必填" });
      }
      if (env.WEBHOOK_SECRET === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["WEBHOOK_SECRET"],
          message: "WEBHOOK_SECRET 在 webhook 模式下必填（用于校验请求确实来自 Telegram）",
        });
      }
    }
  });

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  /** Undefined: no Telegram, the console chat runs instead. */
  botToken: string | undefined;
  apiRoot: string;
  mode: "polling" | "webhook";
  webhookUrl: string | undefined;
  webhookSecret: string | undefined;
  port: number;
  /** Undefined: every chat is served. */
  allowedChats: ReadonlySet<number> | undefined;
  logLevel: LogLevel;
  /** Telegram user ids who may add and remove bulletins through the bot; empty: nobody. */
  adminIds: ReadonlySet<number>;
  seedsDir: string;
  indexDir: string;
  /** Polling mode: port of the /healthz server; undefined: none (webhook mode serves it on PORT). */
  healthPort: number | undefined;
  /** How often the running bot looks for changed bulletins or a new index; 0: never. */
  reloadIntervalSeconds: number;
}

export const DEFAULT_API_ROOT = "https://api.telegram.org";
export const DEFAULT_PORT = 8080;
export const DEFAULT_RELOAD_INTERVAL_SECONDS = 60;

/** A configuration problem, already phrased as the single line the user sees. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Values shown back to the user in error lines; secrets are never shown. */
const SECRET_VARS = new Set(["BOT_TOKEN", "WEBHOOK_SECRET"]);

export interface LoadConfigOptions {
  /** Defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Path of an optional .env file; defaults to `.env` in the working directory. `null` skips it. */
  envFile?: string | null;
}

/** Reads a .env file into a plain object; the real environment wins over it. */
export function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  let content: string;
  try {
    content = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError(`配置错误：无法读取 ${path}（${(error as Error).message}）`);
  }
  const parsed = parseEnv(content);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) if (value !== undefined) out[key] = value;
  return out;
}

/** Validates the environment; throws ConfigError with one line naming the variable. */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const envFile = options.envFile === undefined ? resolve(".env") : options.envFile;
  const fromFile = envFile === null ? {} : readEnvFile(envFile);
  const env = { ...fromFile, ...definedOnly(options.env ?? process.env) };

  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0] ?? "");
    const raw = env[variable];
    const shown = raw !== undefined && !SECRET_VARS.has(variable) ? `（当前：${oneLine(raw)}）` : "";
    throw new ConfigError(`配置错误：${issue.message}${shown}`);
  }
  const v = result.data;
  return {
    botToken: v.BOT_TOKEN,
    apiRoot: (v.BOT_API_ROOT ?? DEFAULT_API_ROOT).replace(/\/+$/, ""),
    mode: v.BOT_MODE === "webhook" ? "webhook" : "polling",
    webhookUrl: v.WEBHOOK_URL,
    webhookSecret: v.WEBHOOK_SECRET,
    port: v.PORT === undefined ? DEFAULT_PORT : Number(v.PORT),
    allowedChats:
      v.ALLOWED_CHATS === undefined ? undefined : new Set(v.ALLOWED_CHATS.split(",").map((s) => Number(s.trim()))),
    logLevel: (v.LOG_LEVEL ?? "info") as LogLevel,
    adminIds: new Set(v.ADMIN_IDS === undefined ? [] : v.ADMIN_IDS.split(",").map((s) => Number(s.trim()))),
    seedsDir: v.SEEDS_DIR ?? DEFAULT_SEEDS_DIR,
    indexDir: v.INDEX_DIR ?? DEFAULT_INDEX_DIR,
    healthPort: v.HEALTH_PORT === undefined ? undefined : Number(v.HEALTH_PORT),
    reloadIntervalSeconds: v.RELOAD_INTERVAL_SECONDS === undefined ? DEFAULT_RELOAD_INTERVAL_SECONDS : Number(v.RELOAD_INTERVAL_SECONDS),
  };
}

function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) out[key] = value;
  return out;
}

function oneLine(value: string): string {
  const flat = value.replace(/\s+/g, " ");
  return flat.length > 60 ? `${flat.slice(0, 60)}…` : flat;
}

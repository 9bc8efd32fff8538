import { AsyncLocalStorage } from "node:async_hooks";
import { HttpError, type Transformer } from "grammy";

/**
 * Every Bot API call gets a deadline, and the link to Telegram keeps a reachable/unreachable
 * state for the health check. grammY's own client timeout is 500 s for every method; here:
 *
 * - getUpdates: its long-poll timeout plus POLL_GRACE_MS (a hung poll is abandoned and redone);
 * - calls made while handling an update share that update's budget (UPDATE_BUDGET_MS from when
 *   handling starts), each call at most SEND_TIMEOUT_MS: a reply that cannot be sent is given
 *   up in time for the apology to still arrive within the budget — or for nothing to be sent,
 *   never a minute later. auto-retry's waits happen inside the deadline too;
 * - sendChatAction ("typing…") is sent in the background and never waited for;
 * - anything else (getMe, setWebhook, setMyCommands…): CALL_TIMEOUT_MS.
 */

export const UPDATE_BUDGET_MS = 10_000;
export const SEND_TIMEOUT_MS = 6_000;
export const CALL_TIMEOUT_MS = 10_000;
export const POLL_GRACE_MS = 10_000;
const TYPING_TIMEOUT_MS = 5_000;

const budget = new AsyncLocalStorage<{ deadline: number }>();

/** Runs an update's handling with its Telegram time budget. */
export function withUpdateBudget<T>(handle: () => Promise<T>, ms = UPDATE_BUDGET_MS): Promise<T> {
  return budget.run({ deadline: Date.now() + ms }, handle);
}

export interface LinkStatus {
  /** null until the first call has been answered or has failed. */
  reachable: boolean | null;
  /** ISO time of the last change of `reachable`. */
  since: string | null;
  /** What the last failure was, while unreachable. */
  lastError: string | null;
}

export class TelegramLink {
  private state: LinkStatus = { reachable: null, since: null, lastError: null };

  /** Called when Telegram goes from reachable to not or back (for one log line per change). */
  constructor(private readonly onChange?: (status: LinkStatus) => void) {}

  status(): LinkStatus {
    return { ...this.state };
  }

  /** The transformer to install on bot.api.config (after auto-retry, so it bounds the retries too). */
  readonly transformer: Transformer = async (prev, method, payload, signal) => {
    if (method === "sendChatAction") {
      // Typing is a courtesy: the answer must not wait for it, nor fail with it.
      void prev(method, payload, asGrammySignal(AbortSignal.timeout(TYPING_TIMEOUT_MS))).then(
        (res) => this.observe(res.ok || res.error_code < 500, res.ok ? null : `${res.error_code} ${res.description}`),
        () => {},
      );
      return { ok: true, result: true } as Awaited<ReturnType<typeof prev>>;
    }
    let ms: number;
    if (method === "getUpdates") {
      const poll = Number((payload as { timeout?: number } | undefined)?.timeout ?? 0);
      ms = poll * 1000 + POLL_GRACE_MS;
    } else {
      const store = budget.getStore();
      ms = store ? Math.min(SEND_TIMEOUT_MS, store.deadline - Date.now()) : CALL_TIMEOUT_MS;
      if (ms <= 0) throw new HttpError(`'${method}' not sent: the update's time for Telegram calls is used up`, null);
    }
    const timeout = AbortSignal.timeout(ms);
    const combined = asGrammySignal(signal ? AbortSignal.any([nativeSignal(signal), timeout]) : timeout);
    try {
      const res = await prev(method, payload, combined).catch((error: unknown) => {
        // A keep-alive connection the server has just closed fails at once with ECONNRESET:
        // the request never reached Telegram, so one immediate retry on a fresh connection is safe.
        if (signal?.aborted || timeout.aborted || !staleConnection(error)) throw error;
        return prev(method, payload, combined);
      });
      // A 4xx is Telegram answering; 5xx is Telegram (or a proxy before it) failing.
      this.observe(res.ok || res.error_code < 500, res.ok ? null : `${res.error_code} ${res.description}`);
      return res;
    } catch (error) {
      // Our own stop (the runner aborting its poll) says nothing about Telegram.
      if (!signal?.aborted) {
        this.observe(false, timeout.aborted ? `'${method}' got no answer within ${ms / 1000} s` : errorText(error));
      }
      throw error;
    }
  };

  private observe(ok: boolean, error: string | null): void {
    const changed = this.state.reachable !== ok;
    this.state = {
      reachable: ok,
      since: changed ? new Date().toISOString() : this.state.since,
      lastError: ok ? null : error,
    };
    if (changed) this.onChange?.(this.status());
  }
}

/** grammY types its signals with a shim of AbortSignal; at run time it takes Node's own. */
type GrammySignal = Parameters<Transformer>[3];
function asGrammySignal(signal: AbortSignal): GrammySignal {
  return signal as unknown as GrammySignal;
}

/**
 * @grammyjs/runner aborts its polls with the `abort-controller` package's signals, which Node's
 * AbortSignal.any and timers do not understand: bridge them to a native one.
 */
export function nativeSignal(signal: { aborted: boolean; addEventListener(type: "abort", listener: () => void): void }): AbortSignal {
  if (signal instanceof AbortSignal) return signal;
  const controller = new AbortController();
  if (signal.aborted) controller.abort();
  else signal.addEventListener("abort", () => controller.abort());
  return controller.signal;
}

function staleConnection(error: unknown): boolean {
  return /ECONNRESET|EPIPE|socket hang up/i.test(errorText(error));
}

/** An error as one short line: the message and, for network errors, the cause's code. */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { error?: unknown; cause?: unknown }).error ?? error.cause;
  const code = (cause as { code?: string; cause?: { code?: string } } | undefined)?.code ?? (cause as { cause?: { code?: string } } | undefined)?.cause?.code;
  if (code) return `${error.message} (${code})`;
  const aborted = (cause as { name?: string; type?: string } | undefined);
  if (aborted?.name === "AbortError" || aborted?.type === "aborted") return `${error.message} (no answer in time)`;
  return error.message;
}

import { Worker } from "node:worker_threads";
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";

/**
 * pdf.js, run in a worker thread (pdf-worker.mjs). Its legacy build, the one that runs on
 * Node 20, installs core-js polyfills on the globals of whatever loads it, replacing
 * Array.prototype.push (6× slower) and JSON.parse and stringify (1.5× slower): a bot that had
 * read one PDF answered every later question slower, and kept pdf.js's ~35 MB for good. A worker
 * has globals of its own, gives its memory back when it ends, and a file past its time is stopped
 * outright (terminate), not only between two pages.
 *
 * One worker reads the files one at a time: starting one costs ~0.4 s (pdf.js is loaded twice
 * over, as it starts a fake worker of its own), so it is kept while files keep coming and ends
 * once idle for IDLE_MS. A file past its time ends it; the next file gets a new one.
 */

/** The parts of pdf.js's text item the layout uses. */
export type PageItem = Pick<TextItem, "str" | "transform" | "width">;

/** pdf.js's text of one file, as pdf-worker.mjs posts it. */
export type PdfText =
  | { ok: true; pages: { height: number; items: PageItem[] }[]; title?: string; date?: string }
  | { ok: false; why: "pages"; pages: number }
  | { ok: false; why: "password" | "damaged" };

const WORKER = new URL("./pdf-worker.mjs", import.meta.url);
/** Heap the worker may grow to: a hostile file fails its own read, not the process. */
const WORKER_HEAP_MB = 512;
/** How long an idle worker is kept for the next file. */
const IDLE_MS = 5_000;

interface Request {
  id: number;
  bytes: Uint8Array;
  maxPages: number;
  /** Settles the read and stops listening for its abort. */
  finish: (text: PdfText | "timeout") => void;
}

class PdfThread {
  private worker: Worker | null = null;
  private current: Request | null = null;
  private readonly queue: Request[] = [];
  private idle: NodeJS.Timeout | undefined;
  private lastId = 0;

  /** The text of every page; "timeout" when `signal` aborts first. */
  read(bytes: Uint8Array, maxPages: number, signal?: AbortSignal): Promise<PdfText | "timeout"> {
    if (signal?.aborted) return Promise.resolve("timeout");
    return new Promise((resolve) => {
      const onAbort = () => this.abort(request);
      const request: Request = {
        id: ++this.lastId,
        bytes,
        maxPages,
        finish: (text) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(text);
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.queue.push(request);
      this.next();
    });
  }

  private abort(request: Request): void {
    const queued = this.queue.indexOf(request);
    if (queued >= 0) this.queue.splice(queued, 1);
    else if (this.current === request) this.stop();
    else return;
    request.finish("timeout");
    this.next();
  }

  /** Ends the worker now (a file past its time, or idle); the next file starts another. */
  private stop(): void {
    const worker = this.worker;
    this.worker = null;
    this.current = null;
    void worker?.terminate();
  }

  private next(): void {
    if (this.current) return;
    clearTimeout(this.idle);
    const request = this.queue.shift();
    if (!request) {
      this.worker?.unref();
      this.idle = setTimeout(() => this.stop(), IDLE_MS).unref();
      return;
    }
    this.current = request;
    const worker = (this.worker ??= this.start());
    // Kept alive while it reads: a pending read alone does not keep a process running.
    worker.ref();
    // A copy the worker takes over (pdf.js detaches the buffer it is given).
    const bytes = new Uint8Array(request.bytes);
    worker.postMessage({ id: request.id, bytes, maxPages: request.maxPages }, [bytes.buffer]);
  }

  private start(): Worker {
    const worker = new Worker(WORKER, {
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      // Plain JavaScript: none of the parent's loaders (tsx's would cost ~0.6 s a start).
      execArgv: [],
    });
    worker.on("message", (text: PdfText & { id: number }) => {
      if (this.current?.id !== text.id) return;
      this.current.finish(text);
      this.current = null;
      this.next();
    });
    // Out of memory, or a fault in pdf.js: the file it was reading is damaged, the worker gone.
    const died = () => {
      if (this.worker !== worker) return;
      const request = this.current;
      this.worker = null;
      this.current = null;
      request?.finish({ ok: false, why: "damaged" });
      this.next();
    };
    worker.on("error", died);
    worker.on("exit", died);
    return worker;
  }
}

const thread = new PdfThread();

/** pdf.js's text of a PDF's pages, read in the shared worker thread; "timeout" when `signal` aborts first. */
export function readPdfText(bytes: Uint8Array, maxPages: number, signal?: AbortSignal): Promise<PdfText | "timeout"> {
  return thread.read(bytes, maxPages, signal);
}

/**
 * The pieces of adding bulletins through the bot, one at a time: safe names, atomic saving,
 * the admin buttons' callback data, the report, the bounded download, and the stand-in Bot
 * API's file methods (which must refuse what Telegram refuses).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_MESSAGES } from "../../src/bot/messages.js";
import { decodeAdminCallback, encodeAdminCallback, nameKey } from "../../src/bot/admin/callback-data.js";
import { downloadFile, fileUrl } from "../../src/bot/admin/download.js";
import { renderRemoved, renderUploadReport } from "../../src/bot/admin/render.js";
import { decodeCallback } from "../../src/bot/callback-data.js";
import { reloadAfterChange } from "../../src/bot/features/admin.js";
import { loadConfig } from "../../src/config.js";
import { LiveEngine } from "../../src/ops/live-engine.js";
import type { IndexInfo } from "../../src/engine.js";
import { listBulletinFiles, removeSeedFile, safeSeedName, saveSeedFile } from "../../src/ops/seed-files.js";
import { startBotApiStub, type BotApiStub } from "../../src/testing/bot-api-stub.js";
import { assertTelegramHtml, SEEDS_DIR } from "./harness.js";

describe("safeSeedName", () => {
  it.each([
    ["2012年工作要点.docx", "2012年工作要点.docx", false],
    ["简报.TXT", "简报.TXT", false],
    ["../../etc/passwd.txt", "passwd.txt", true],
    ["..\\..\\windows\\简报.pdf", "简报.pdf", true],
    [".hidden.md", "hidden.md", true],
    ["a\u0000b\u001b[2J\u202e.txt", "ab[2J.txt", true],
    // Each of ?<>:"|* becomes _: nothing another system would refuse.
    ['what?<x>:"|*.html', "what__x_____.html", true],
    ["  spaced.htm  ", "spaced.htm", true],
  ])("%j → %j", (raw, expected, changed) => {
    expect(safeSeedName(raw)).toEqual({ ok: true, name: expected, changed });
  });

  it.each([
    [undefined, "missing"],
    ["", "missing"],
    ["..", "empty"],
    ["../..", "empty"],
    [".txt", "empty"],
    ["  .  .txt", "empty"],
    ["synonyms.txt", "reserved"],
    ["CATALOGUE.JSON", "reserved"],
    ["dir/synonyms.txt", "reserved"],
    ["evil.exe", "extension"],
    ["noextension", "extension"],
    ["photo.jpg", "extension"],
  ])("%j is refused (%s)", (raw, problem) => {
    expect(safeSeedName(raw)).toEqual({ ok: false, problem });
  });

  it("shortens a long name to 200 bytes, keeping its extension and whole characters", () => {
    const safe = safeSeedName(`${"工".repeat(120)}.docx`);
    expect(safe.ok).toBe(true);
    if (!safe.ok) return;
    expect(safe.name.endsWith("工.docx")).toBe(true);
    expect(Buffer.byteLength(safe.name)).toBeLessThanOrEqual(200);
    expect(safe.changed).toBe(true);
  });
});

describe("saving into the seeds folder", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "jb-seedfiles-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes a new file, never overwrites without replace, replaces with it, leaves no temporary file", async () => {
    expect(await saveSeedFile(dir, "a.txt", Buffer.from("一"), { replace: false })).toEqual({ kind: "saved", replaced: false });
    expect(await saveSeedFile(dir, "a.txt", Buffer.from("二"), { replace: false })).toEqual({ kind: "exists" });
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("一");
    expect(await saveSeedFile(dir, "a.txt", Buffer.from("三"), { replace: true })).toEqual({ kind: "saved", replaced: true });
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("三");
    expect(readdirSync(dir)).toEqual(["a.txt"]);
  });

  it("refuses names that are not bulletins, whatever the caller", async () => {
    await expect(saveSeedFile(dir, "../x.txt", Buffer.from("x"), { replace: true })).rejects.toThrow();
    await expect(saveSeedFile(dir, "synonyms.txt", Buffer.from("x"), { replace: true })).rejects.toThrow();
    await expect(removeSeedFile(dir, "catalogue.json")).rejects.toThrow();
  });

  it("lists and removes bulletin files only", async () => {
    writeFileSync(join(dir, "synonyms.txt"), "a, b");
    writeFileSync(join(dir, ".upload-x.tmp"), "half");
    expect((await listBulletinFiles(dir)).map((f) => f.name)).toEqual(["a.txt"]);
    expect(await removeSeedFile(dir, "a.txt")).toBe(true);
    expect(await removeSeedFile(dir, "a.txt")).toBe(false);
  });

  it("clears a temporary file an upload killed an hour ago left behind, and only such files", async () => {
    const stale = join(dir, ".upload-0123456789ab.tmp");
    const fresh = join(dir, ".upload-ba9876543210.tmp");
    writeFileSync(stale, "half");
    writeFileSync(fresh, "in progress");
    const hourAgo = new Date(Date.now() - 61 * 60 * 1000);
    utimesSync(stale, hourAgo, hourAgo);
    await saveSeedFile(dir, "c.txt", Buffer.from("x"), { replace: false });
    expect(readdirSync(dir).filter((n) => n.startsWith(".upload-")).sort()).toEqual([".upload-ba9876543210.tmp", ".upload-x.tmp"]);
    rmSync(fresh);
    await removeSeedFile(dir, "c.txt");
  });

  it("throws the disk's error (here: the folder is gone) and leaves nothing behind", async () => {
    // (A read-only folder cannot be simulated reliably here: tests may run as root.)
    const missing = join(dir, "no-such-folder");
    await expect(saveSeedFile(missing, "b.txt", Buffer.from("x"), { replace: false })).rejects.toMatchObject({ code: "ENOENT" });
    expect(readdirSync(dir).filter((n) => n.startsWith(".upload-"))).toEqual([".upload-x.tmp"]);
  });
});

describe("admin callback data", () => {
  it("round-trips, fits 64 bytes, and is never read as a question button (or the reverse)", () => {
    const all = [
      { action: "rp", fileUniqueId: "AgADbQADr7cAAQ" },
      { action: "rs", key: nameKey("十七大精神专刊.txt") },
      { action: "rm", key: nameKey("a".repeat(200) + ".docx") },
      { action: "x" },
    ] as const;
    for (const data of all) {
      const encoded = encodeAdminCallback(data);
      expect(Buffer.byteLength(encoded)).toBeLessThanOrEqual(64);
      expect(decodeAdminCallback(encoded)).toEqual(data);
      expect(decodeCallback(encoded)).toBeUndefined();
    }
    expect(decodeAdminCallback("1|p|2")).toBeUndefined();
  });

  it("rejects forged or stale data", () => {
    for (const raw of ["a1|rp|", "a1|rp|a b", "a1|rm|XYZ", "a1|rm|0123456789abcdef|1", "a1|x|1", "a1|zz|1", "a0|x", "a1|rs|" + "f".repeat(60)]) {
      expect(decodeAdminCallback(raw), raw).toBeUndefined();
    }
  });
});

const INFO: IndexInfo = { schemaVersion: 1, builtAt: "2026-11-22T06:00:00.000Z", passages: 120, files: 4 };

describe("the upload report", () => {
  it("says what was found, escaped, and warns about what was not", () => {
    const html = renderUploadReport({
      name: "a<b>&c.docx",
      kind: "added",
      reload: { kind: "swapped", info: INFO },
      source: { source: "a<b>&c.docx", year: null, title: "标题 <i>", orgs: [], passages: 7 },
      skipped: undefined,
    });
    const text = assertTelegramHtml(html).text;
    expect(text).toContain("已收录 a<b>&c.docx");
    expect(text).toContain("标题：标题 <i>");
    expect(text).toContain("段落：7 段");
    expect(text).toContain(ADMIN_MESSAGES.noYear);
    expect(text).toContain(ADMIN_MESSAGES.noOrgs);
    expect(text).not.toContain(ADMIN_MESSAGES.noTitle);
    expect(text).toContain("索引现有 4 份简报、120 段");
  });

  it("reports a skipped file and a failed reload as warnings, within Telegram's limit", () => {
    const orgs = Array.from({ length: 400 }, (_, i) => `第${i}个单位工会`);
    const html = renderUploadReport({
      name: "x".repeat(300) + ".pdf",
      kind: "replaced",
      reload: { kind: "failed", error: "ENOSPC ".repeat(200), info: INFO },
      source: { source: "x.pdf", year: 2012, title: "题".repeat(5000), orgs, passages: 1 },
      skipped: undefined,
    });
    const text = assertTelegramHtml(html).text;
    expect(text).toContain("已替换");
    expect(text).toContain("索引重建失败");
    const skipped = assertTelegramHtml(
      renderUploadReport({ name: "s.pdf", kind: "added", reload: { kind: "swapped", info: INFO }, source: undefined, skipped: "PDF 没有文字层" }),
    ).text;
    expect(skipped).toContain("建索引时被跳过：PDF 没有文字层");
    const removed = assertTelegramHtml(renderRemoved("a&b.txt", { kind: "failed", error: "disk", info: INFO })).text;
    expect(removed).toContain("已删除 a&b.txt");
    expect(removed).toContain("索引重建失败");
  });
});

describe("downloadFile", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/big-declared") res.writeHead(200, { "Content-Length": 5000 }).end(Buffer.alloc(5000));
      else if (req.url === "/big-chunked") {
        // No length given: the cap must hold while streaming.
        res.writeHead(200);
        const timer = setInterval(() => res.write(Buffer.alloc(1000)), 1);
        res.on("close", () => clearInterval(timer));
      } else if (req.url === "/slow") res.writeHead(200).write("x");
      else if (req.url === "/ok") res.writeHead(200).end("内容");
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it("returns the bytes, and refuses past the cap by declared length or while streaming", async () => {
    const ok = await downloadFile(`${base}/ok`);
    expect(ok.ok && Buffer.from(ok.bytes).toString("utf8")).toBe("内容");
    expect(await downloadFile(`${base}/big-declared`, { limitBytes: 4096 })).toMatchObject({ ok: false, problem: "too-big" });
    expect(await downloadFile(`${base}/big-chunked`, { limitBytes: 4096 })).toMatchObject({ ok: false, problem: "too-big" });
    expect(await downloadFile(`${base}/missing`)).toMatchObject({ ok: false, problem: "failed", detail: "HTTP 404" });
  });

  it("gives up on a download that stalls", async () => {
    const started = Date.now();
    expect(await downloadFile(`${base}/slow`, { timeoutMs: 300 })).toMatchObject({ ok: false, problem: "failed", detail: "timed out" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("the stand-in Bot API's files", () => {
  let stub: BotApiStub;
  beforeAll(async () => {
    stub = await startBotApiStub();
  });
  afterAll(() => stub.close());

  const call = async (method: string, params: Record<string, unknown>) =>
    (await fetch(`${stub.apiRoot}/bot${stub.token}/${method}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(params),
    }).then((r) => r.json())) as { ok: boolean; result?: { file_path: string; file_size: number }; description?: string };

  it("answers getFile with a path the file server serves, and refuses what Telegram refuses", async () => {
    const file = stub.addFile(Buffer.from("简报正文"), ".txt");
    const got = await call("getFile", { file_id: file.file_id });
    expect(got.ok).toBe(true);
    expect(got.result!.file_path).toMatch(/^documents\/file_\d+\.txt$/);
    const body = await fetch(fileUrl(stub.apiRoot, stub.token, got.result!.file_path)).then((r) => r.text());
    expect(body).toBe("简报正文");

    expect(await call("getFile", { file_id: "not-a-file-id" })).toMatchObject({ ok: false, description: "Bad Request: invalid file_id" });
    const big = stub.addFile({ size: 20 * 1024 * 1024 + 1 });
    expect(await call("getFile", { file_id: big.file_id })).toMatchObject({ ok: false, description: "Bad Request: file is too big" });
    expect((await fetch(fileUrl(stub.apiRoot, stub.token, "documents/file_999.txt"))).status).toBe(404);
    expect((await fetch(fileUrl(stub.apiRoot, "1:wrong", got.result!.file_path))).status).toBe(401);
  });
});

describe("ADMIN_IDS", () => {
  it("is a set of user ids; anything else stops start-up with one line naming it", () => {
    expect(loadConfig({ env: { ADMIN_IDS: "123, 456" }, envFile: null }).adminIds).toEqual(new Set([123, 456]));
    expect(loadConfig({ env: {}, envFile: null }).adminIds.size).toBe(0);
    for (const bad of ["abc", "-1001234", "12,,3", "0", "99999999999999999"]) {
      expect(() => loadConfig({ env: { ADMIN_IDS: bad }, envFile: null }), bad).toThrow(/^配置错误：ADMIN_IDS/);
    }
  });
});

describe("reloading after a change", () => {
  it("reports an index that has the change even when a reload that read the folder before it was under way", async () => {
    const root = mkdtempSync(join(tmpdir(), "jb-admin-reload-"));
    try {
      const seeds = join(root, "seeds");
      mkdirSync(seeds);
      copyFileSync(join(SEEDS_DIR, "000_d8c112c12d809796.txt"), join(seeds, "000_d8c112c12d809796.txt"));
      let during: Promise<Awaited<ReturnType<typeof reloadAfterChange>>> | undefined;
      const live = await LiveEngine.open({
        seedsDir: seeds,
        indexDir: join(root, "index"),
        intervalMs: 0,
        onEvent: (event) => {
          // An empty file is skipped while the build reads the folder: its listing is done by now.
          if (event.kind === "warning" && event.message.includes("empty.txt") && !during) {
            copyFileSync(join(SEEDS_DIR, "002_0fe32b2dc6c3665a.txt"), join(seeds, "new.txt"));
            during = reloadAfterChange(live, "test");
          }
        },
      });
      writeFileSync(join(seeds, "empty.txt"), "");
      const first = await live.reload("a change before ours");
      expect(first.kind === "failed" ? first.error : first.kind).toBe("swapped");
      expect(during).toBeDefined();
      const outcome = await during!;
      expect(outcome.kind).toBe("swapped");
      expect(live.sources().map((s) => s.source)).toContain("new.txt");
      live.stop();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});

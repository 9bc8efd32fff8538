/**
 * New bulletins without a restart: LiveEngine notices seeds added, changed and removed, and an
 * index written by another process (`npm run index`), rebuilds in the background while the old
 * index keeps answering, swaps, and keeps the old index when a rebuild fails.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { LiveEngine, type LiveEngineEvent } from "../../src/ops/live-engine.js";
import { DEFAULT_SEEDS_DIR } from "../../src/paths.js";
import { until } from "../support/wait.js";

const ROOT = resolve(import.meta.dirname, "../..");
const WUXI = "无锡市总工会明确2015年工作重点。\n\n无锡市总工会将为500名困难职工发放助学金，开展劳动竞赛。\n\n（无锡市总工会办公室）\n";
let scratch: string;
let n = 0;
let live: LiveEngine | undefined;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "jb-live-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => {
  live?.stop();
  live = undefined;
});

async function setup(intervalMs: number): Promise<{ seeds: string; index: string; events: LiveEngineEvent[] }> {
  const seeds = join(scratch, `seeds-${n}`);
  const index = join(scratch, `index-${n++}`);
  await cp(DEFAULT_SEEDS_DIR, seeds, { recursive: true });
  const events: LiveEngineEvent[] = [];
  live = await LiveEngine.open({ seedsDir: seeds, indexDir: index, intervalMs, onEvent: (e) => events.push(e) });
  return { seeds, index, events };
}

const swaps = (events: LiveEngineEvent[]) => events.filter((e) => e.kind === "swapped").length;

describe("live reload", () => {
  it("picks up a bulletin added, changed and removed, answering from the old index meanwhile", async () => {
    const { seeds, events } = await setup(200);
    const engine = live!;
    const before = engine.info();
    expect(engine.ask("无锡 2015").hits).toEqual([]);

    await writeFile(join(seeds, "010_wuxi.txt"), WUXI);
    // While the rebuild runs, questions are answered from the old index.
    await until(() => engine.status().reloading, 5_000, "the rebuild to start", 25);
    expect(engine.ask("昆山 2007 工作任务").hits.length).toBeGreaterThan(0);
    await until(() => swaps(events) === 1, 30_000, "the new index", 25);
    expect(engine.ask("无锡 2015 助学金").hits[0]!.source).toBe("010_wuxi.txt");
    expect(engine.info().files).toBe(before.files + 1);
    expect(Date.parse(engine.info().builtAt)).toBeGreaterThanOrEqual(Date.parse(before.builtAt));

    await writeFile(join(seeds, "010_wuxi.txt"), WUXI.replace("500名", "800名"));
    await until(() => swaps(events) === 2, 30_000, "the changed bulletin", 25);
    expect(engine.ask("无锡 2015 助学金").hits[0]!.text).toContain("800名");

    await rm(join(seeds, "010_wuxi.txt"));
    await until(() => swaps(events) === 3, 30_000, "the removal", 25);
    expect(engine.ask("无锡 2015").hits).toEqual([]);
    expect(engine.info().files).toBe(before.files);
    // Its own writes to the index folder are not taken for changes.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(swaps(events)).toBe(3);
  });

  it("a failed rebuild keeps the old index serving and says why; the next good one recovers", async () => {
    const { seeds, events } = await setup(200);
    const engine = live!;
    const hidden = `${seeds}-away`;
    await rename(seeds, hidden);
    await until(() => events.some((e) => e.kind === "reload-failed"), 10_000, "the failure", 25);
    const failure = events.find((e) => e.kind === "reload-failed") as { error: string };
    expect(failure.error).toContain("找不到简报目录");
    expect(engine.status().lastError).toContain("找不到简报目录");
    expect(engine.ask("昆山 2007 工作任务").hits.length).toBeGreaterThan(0);

    await rename(hidden, seeds);
    await writeFile(join(seeds, "010_wuxi.txt"), WUXI);
    await until(() => swaps(events) === 1, 30_000, "recovery", 25);
    expect(engine.status().lastError).toBeNull();
    expect(engine.ask("无锡 2015 助学金").hits.length).toBeGreaterThan(0);
  });

  it("loads an index another process built (`npm run index` while the bot runs) without rebuilding", async () => {
    const { seeds, index, events } = await setup(200);
    const engine = live!;
    const before = engine.info().builtAt;
    // The seeds change and the operator rebuilds by hand before the bot's own check runs.
    live!.stop();
    await writeFile(join(seeds, "010_wuxi.txt"), WUXI);
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", "index", "--seeds", seeds, "--out", index], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    const outcome = await engine.reload();
    expect(outcome.kind).toBe("swapped");
    const swapped = events.find((e) => e.kind === "swapped") as { builtFresh: boolean };
    expect(swapped.builtFresh).toBe(false);
    expect(engine.info().builtAt).not.toBe(before);
    expect(engine.ask("无锡 2015 助学金").hits[0]!.source).toBe("010_wuxi.txt");
    // Nothing changed since: an explicit reload is a no-op.
    expect((await engine.reload()).kind).toBe("unchanged");
  });

  it("reload() calls made together share one run", async () => {
    const { seeds } = await setup(0);
    await writeFile(join(seeds, "010_wuxi.txt"), WUXI);
    const [a, b] = await Promise.all([live!.reload("upload"), live!.reload("upload")]);
    expect(a).toEqual(b);
    expect(a.kind).toBe("swapped");
    await new Promise((r) => setTimeout(r, 50));
    await until(() => !live!.status().reloading, 30_000, "the follow-up run", 25);
    expect(live!.ask("无锡 2015 助学金").hits.length).toBeGreaterThan(0);
  });
});

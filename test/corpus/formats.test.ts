import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { bulletinFacts, parseCatalogue } from "../../src/corpus/catalogue.js";
import { extractBulletin, type ReadBulletin } from "../../src/corpus/formats/index.js";
import { openPackage } from "../../src/corpus/formats/zip.js";
import { parseBulletin, type ParsedBulletin } from "../../src/corpus/parse.js";
import type { Passage } from "../../src/corpus/passage.js";
import { DEFAULT_SEEDS_DIR } from "../../src/paths.js";
import { inferPlanYear } from "../../src/text/years.js";
import { FIXTURES, FORMATS, SEED_BASES } from "./fixtures.js";

/** Built-ins pdf.js's legacy build replaces with polyfills wherever it is loaded, as they were at start. */
const BUILT_INS = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };

async function read(path: string): Promise<Extract<ReadBulletin, { ok: true }>> {
  const result = await extractBulletin(path, readFileSync(path));
  if (!result.ok) throw new Error(`${path}: ${result.reason}`);
  return result;
}

async function parse(path: string, source: string): Promise<ParsedBulletin & { read: Extract<ReadBulletin, { ok: true }> }> {
  const result = await read(path);
  const facts = bulletinFacts(undefined, inferPlanYear(result.text), result.meta);
  return { ...parseBulletin(source, result.text, { year: facts.year, headings: result.headings }), read: result };
}

function passageWith(passages: Passage[], snippet: string): Passage {
  const found = passages.filter((p) => p.text.includes(snippet));
  expect(found, `one passage containing ${snippet}`).toHaveLength(1);
  return found[0]!;
}

describe.each(FORMATS)("a bulletin as .%s reads like its .txt twin", (format) => {
  for (const base of SEED_BASES) {
    it(`${base}: every passage has the same organisation, place, year, title, author and section`, async () => {
      const txt = await parse(join(DEFAULT_SEEDS_DIR, `${base}.txt`), `${base}.txt`);
      const other = await parse(join(FIXTURES, `${base}.${format}`), `${base}.${format}`);
      // The same texts, up to the spacing inside a line (a byline's 常熟市总工会  徐建国 comes out of
      // a PDF with one space): layout, which a PDF does not keep.
      const spaced = (p: Passage) => p.text.replace(/\s+/gu, " ");
      expect(other.passages.map(spaced)).toEqual(txt.passages.map(spaced));
      const fields = (p: Passage) => ({ org: p.org, place: p.place, year: p.year, title: p.title, author: p.author, authorRole: p.authorRole, section: p.section });
      expect(other.passages.map(fields)).toEqual(txt.passages.map(fields));
      expect(other.orgs.map((o) => o.name)).toEqual(txt.orgs.map((o) => o.name));
      expect(other.authors).toEqual(txt.authors);
      // Paragraph numbers (第N段) are the same, except where a PDF's layout put a trailing
      // attribution on a line of its own.
      if (format !== "pdf") expect(other.passages.map((p) => p.paragraph)).toEqual(txt.passages.map((p) => p.paragraph));
      for (const p of other.passages) expect(other.read.text.slice(p.start, p.end)).toBe(p.text);
    });
  }

  it("names the organisation, place, year, title and author of known passages", async () => {
    const b000 = await parse(join(FIXTURES, `${SEED_BASES[0]}.${format}`), "000");
    expect(passageWith(b000.passages, "为400名困难职工")).toMatchObject({ org: "常熟市总工会", place: "常熟", year: 2007, title: "常熟市总工会确定“十大目标”，办好“十件实事”。" });
    expect(passageWith(b000.passages, "具体工作任务为")).toMatchObject({ org: "昆山市总工会", place: "昆山", author: "顾粮" });
    const b002 = await parse(join(FIXTURES, `${SEED_BASES[1]}.${format}`), "002");
    expect(passageWith(b002.passages, "固本强基四大工程")).toMatchObject({ org: "常熟市总工会", place: "常熟", year: 2012, title: "常熟市总四大工程明确全年目标" });
    const b004 = await parse(join(FIXTURES, `${SEED_BASES[2]}.${format}`), "004");
    expect(passageWith(b004.passages, "紧密联系广大职工的思想实际")).toMatchObject({ org: "常熟市总工会", author: "徐建国", year: 2008, title: "贯彻落实党的十七大精神 推动常熟工会工作再上新台阶" });
    expect(passageWith(b004.passages, "第二批37名特困职工")).toMatchObject({ org: "吴中区总工会", place: "吴中", author: "杨伟根", section: "（四）、开展四项活动" });
  });
});

describe("structure from the format", () => {
  it("reads Word heading styles, bold centred lines, HTML headings, PDF font sizes and Markdown headings as hints", async () => {
    // 002 marks its item titles with heading styles (<h3> on the web page, ## in Markdown, a larger font in the PDF).
    for (const format of ["docx", "pdf", "html", "md"]) {
      const { text, headings } = await read(join(FIXTURES, `${SEED_BASES[1]}.${format}`));
      const hinted = text.split("\n").filter((l) => l.trim()).filter((_, i) => headings.has(i + 1));
      expect(hinted, format).toContain("常熟市总四大工程明确全年目标");
    }
    // 004 uses direct formatting only: bold, centred, larger.
    for (const format of ["docx", "pdf", "html"]) {
      const { text, headings } = await read(join(FIXTURES, `${SEED_BASES[2]}.${format}`));
      const lines = text.split("\n").filter((l) => l.trim());
      expect(headings.get(lines.indexOf("贯彻落实党的十七大精神") + 1), format).toBe(1);
      expect(headings.has(lines.findIndex((l) => l.includes("党的十七大报告强调")) + 1), format).toBe(false);
    }
  });

  it("opens a new item at a hinted title where the text alone would run on into the previous item", () => {
    const text = "张家港市总工会确定新目标：全年新建工会一百家。\n理清思路谋发展\n今年要把职工素质工程抓实抓好，办好职工学校。";
    const plain = parseBulletin("x.txt", text, { year: 2007 });
    expect(passageWith(plain.passages, "职工学校").title).toBe("张家港市总工会确定新目标");
    const hinted = parseBulletin("x.docx", text, { year: 2007, headings: new Map([[2, 2]]) });
    expect(passageWith(hinted.passages, "职工学校")).toMatchObject({ title: "理清思路谋发展", org: null });
    expect(hinted.passages.some((p) => p.text === "理清思路谋发展")).toBe(false);
  });

  it("makes a hint one level below the item's title a section heading", () => {
    const text = "常熟市总工会四大工程\n建功立业\n广泛开展劳动竞赛，组织职工建功立业。\n吴江市总工会五力推进\n服务发展大局，提升职工素质。";
    const parsed = parseBulletin("x.html", text, { year: 2012, headings: new Map([[1, 2], [2, 3], [4, 2]]) });
    expect(passageWith(parsed.passages, "劳动竞赛")).toMatchObject({ org: "常熟市总工会", title: "常熟市总工会四大工程", section: "建功立业" });
    expect(passageWith(parsed.passages, "服务发展大局")).toMatchObject({ org: "吴江市总工会", title: "吴江市总工会五力推进", section: null });
  });

  it("drops a PDF's running header and page numbers and joins the lines the layout broke", async () => {
    const { text } = await read(join(FIXTURES, `${SEED_BASES[2]}.pdf`));
    expect(text).not.toContain("苏州工会工作简报");
    expect(text).not.toMatch(/^[—\s]*\d+[—\s]*$/m);
    // Broken across a line end and across a page, in the middle of a word: joined back.
    expect(text).toContain("在系统工会中开展“档案升级达标”活动，区总将部署方案");
    const txt = readFileSync(join(DEFAULT_SEEDS_DIR, `${SEED_BASES[2]}.txt`), "utf8");
    expect(text.split("\n").filter((l) => l.trim()).length).toBe(txt.split("\n").filter((l) => l.trim()).length);
  });
});

describe("document metadata", () => {
  it("takes the title and date from docx core properties, PDF info and the web page's meta", async () => {
    for (const format of ["docx", "pdf", "html"]) {
      expect((await read(join(FIXTURES, `${SEED_BASES[0]}.${format}`))).meta.title, format).toBe("2007年基层工会工作计划摘编");
    }
    expect((await read(join(FIXTURES, `${SEED_BASES[0]}.docx`))).meta.date).toBe("2006-12-28");
    expect((await read(join(FIXTURES, `${SEED_BASES[0]}.html`))).meta.date).toBe("2006-12-28");
  });

  it("lets the catalogue win, then the text's plan year, then the document's date", () => {
    const meta = { title: "文档标题", date: "2006-12-28" };
    expect(bulletinFacts({ year: 2009, title: "目录标题" }, 2007, meta)).toEqual({ year: 2009, title: "目录标题" });
    expect(bulletinFacts(undefined, 2007, meta)).toEqual({ year: 2007, title: "文档标题" });
    expect(bulletinFacts(undefined, null, meta)).toEqual({ year: 2006, title: "文档标题" });
    expect(bulletinFacts(undefined, null, {})).toEqual({ year: null, title: null });
  });

  it("accepts catalogue entries for every format", () => {
    expect(parseCatalogue('{"a.docx": {"year": 2008}, "b.pdf": {"title": "专刊"}}')).toEqual({ "a.docx": { year: 2008 }, "b.pdf": { title: "专刊" } });
    expect(() => parseCatalogue('{"a.xls": {"year": 2008}}')).toThrow(/a\.xls/);
  });
});

async function reasonFor(name: string, bytes: Uint8Array, limits?: { fileBytes: number; millis: number }): Promise<string> {
  const result = await extractBulletin(name, bytes, limits);
  expect(result.ok, name).toBe(false);
  return result.ok ? "" : result.reason;
}

describe("bad files are skipped with the reason", () => {
  it("a .docx that is a zip of something else", async () => {
    const zip = zipSync({ "photos/readme.txt": strToU8("假期照片"), "photos/a.jpg": new Uint8Array(100) });
    expect(await reasonFor("照片.docx", zip)).toMatch(/不是 \.docx 文档/);
  });

  it("a .docx that is not a zip at all, and a .pdf that is not a PDF", async () => {
    expect(await reasonFor("x.docx", strToU8("hello, not a document"))).toMatch(/不是 Word 文档/);
    expect(await reasonFor("x.pdf", strToU8("<html>not a pdf</html>"))).toBe("不是 PDF 文件");
  });

  it("a zip bomb: refused from its declared sizes, before inflating", async () => {
    const real = readFileSync(join(FIXTURES, `${SEED_BASES[0]}.docx`));
    const bomb = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": new Uint8Array(80 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = process.hrtime.bigint();
    expect(await reasonFor("炸弹.docx", bomb)).toMatch(/疑似压缩炸弹/);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(5_000);
    // The real document is far below the limit.
    expect(openPackage(real).ok).toBe(true);
  });

  it("a part that lies about its size cannot grow past what it declared", () => {
    const honest = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": new Uint8Array(4 * 1024 * 1024) }, { level: 9 });
    // Rewrite the declared sizes (local header and central directory) of document.xml to 1 KiB.
    const bytes = new Uint8Array(honest);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i + 4 <= bytes.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50 && view.getUint32(i + 22, true) === 4 * 1024 * 1024) view.setUint32(i + 22, 1024, true);
      if (sig === 0x02014b50 && view.getUint32(i + 24, true) === 4 * 1024 * 1024) view.setUint32(i + 24, 1024, true);
    }
    const opened = openPackage(bytes);
    expect(opened.ok).toBe(true);
    // Inflated into a buffer of the declared size: 1 KiB, not 4 MiB. Truncated XML then fails to parse.
    if (opened.ok) expect(opened.parts["word/document.xml"]!.length).toBe(1024);
  });

  it("a password-protected Word file (an OLE container holding an EncryptedPackage stream)", async () => {
    // The shape Word and WPS give a .docx saved with a password: compound-file magic, then a
    // directory entry named EncryptedPackage (UTF-16). LibreOffice here cannot write one.
    const header = new Uint8Array(512);
    header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const bytes = Buffer.concat([header, Buffer.from("EncryptedPackage", "utf16le"), Buffer.alloc(512)]);
    expect(await reasonFor("加密.docx", bytes)).toBe("文档已加密（需要密码），无法读取");
    // The same bytes without that stream are a damaged .doc, not a crash.
    expect(await reasonFor("坏.doc", Buffer.concat([header, Buffer.alloc(1024)]))).toMatch(/已损坏/);
  });

  it("a PDF cut short is damaged", async () => {
    const pdf = readFileSync(join(FIXTURES, `${SEED_BASES[2]}.pdf`));
    expect(await reasonFor("cut.pdf", pdf.subarray(0, 1500))).toBe("PDF 已损坏，无法读取");
  });

  it("an encrypted PDF and a scan without a text layer", async () => {
    expect(await reasonFor("encrypted.pdf", readFileSync(join(FIXTURES, "bad/encrypted.pdf")))).toMatch(/已加密/);
    expect(await reasonFor("scan.pdf", readFileSync(join(FIXTURES, "bad/scan.pdf")))).toMatch(/没有文字层/);
  });

  it("a web page of scripts and navigation with no article", async () => {
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>苏州市总工会</title><script>var a = "工会工作简报正文内容很长很长很长很长很长很长很长很长很长很长";</script></head>
      <body><nav><ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="/${i}">工会要闻第${i}条</a></li>`).join("")}</ul></nav>
      <div class="list">${Array.from({ length: 20 }, (_, i) => `<a href="/n${i}">职工技能大赛圆满落幕${i}</a><br>`).join("")}</div>
      <footer>版权所有 © 苏州市总工会</footer><script>document.write("广告")</script></body></html>`;
    expect(await reasonFor("首页.html", strToU8(page))).toMatch(/没有正文/);
  });

  it("a government-site page without <article>: the content block, not the sidebar or the info line", async () => {
    const page = `<html><head><meta charset="utf-8"><title>常熟市总工会确定十大目标 - 苏州市总工会</title><meta name="PubDate" content="2007-01-05"></head><body>
      <div id="container"><div class="left"><ul>${Array.from({ length: 12 }, (_, i) => `<li><a href="/${i}">通知公告第${i}条关于职工疗休养的安排</a></li>`).join("")}</ul></div>
      <div class="right"><div class="title">常熟市总工会确定十大目标</div><div class="time">发布日期：2007-01-05　来源：常熟市总工会　点击数：88</div>
      <div id="zoom"><p>常熟市总工会确定“十大目标”，办好“十件实事”。</p><p>“十件实事”是：为400名困难职工、特困女职工免费体检。</p><p align="right">（常熟市总工会办公室）</p></div></div></div></body></html>`;
    const result = await extractBulletin("zoom.html", strToU8(page));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.text.split("\n")).toEqual(["常熟市总工会确定“十大目标”，办好“十件实事”。", "“十件实事”是：为400名困难职工、特困女职工免费体检。", "（常熟市总工会办公室）"]);
    expect(result.meta).toEqual({ title: "常熟市总工会确定十大目标", date: "2007-01-05" });
  });

  it("a web page in GBK with its charset declared reads as Chinese", async () => {
    const { default: iconv } = await import("iconv-lite");
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>简报</title></head><body><div class="content"><p>昆山市总工会明确2007年全市工会四大方面十八项工作，组织动员职工为全市经济社会又好又快发展建功立业。</p></div></body></html>`;
    const result = await extractBulletin("gbk.htm", iconv.encode(page, "gbk"));
    expect(result.ok && result.text).toContain("昆山市总工会明确2007年");
  });

  it("a file that takes too long is given up, not waited for", async () => {
    const pdf = readFileSync(join(FIXTURES, `${SEED_BASES[2]}.pdf`));
    const started = Date.now();
    expect(await reasonFor("slow.pdf", pdf, { fileBytes: 50 * 1024 * 1024, millis: 1 })).toMatch(/已放弃/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("an empty or oversized file", async () => {
    expect(await reasonFor("x.docx", new Uint8Array(0))).toBe("文件为空");
    expect(await reasonFor("x.pdf", new Uint8Array(2048), { fileBytes: 1024, millis: 1000 })).toMatch(/上限/);
  });
});

describe("reading PDFs", () => {
  it("reads PDFs without touching this process's built-ins (pdf.js polyfills its own thread's)", async () => {
    await read(join(FIXTURES, `${SEED_BASES[2]}.pdf`));
    expect(Array.prototype.push).toBe(BUILT_INS.push);
    expect(JSON.parse).toBe(BUILT_INS.parse);
    expect(JSON.stringify).toBe(BUILT_INS.stringify);
  });

  it("reads the next PDF after one was stopped for taking too long, and several at once", async () => {
    const path = join(FIXTURES, `${SEED_BASES[2]}.pdf`);
    const pdf = readFileSync(path);
    expect(await reasonFor("slow.pdf", pdf, { fileBytes: 50 * 1024 * 1024, millis: 1 })).toMatch(/已放弃/);
    const want = (await read(path)).text;
    const [a, b] = await Promise.all([extractBulletin("a.pdf", pdf), extractBulletin("b.pdf", readFileSync(join(FIXTURES, "bad/encrypted.pdf")))]);
    expect(a.ok && a.text).toBe(want);
    expect(!b.ok && b.reason).toMatch(/已加密/);
  });
});

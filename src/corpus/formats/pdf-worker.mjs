// Reads PDFs' text for src/corpus/formats/pdf-thread.ts, in a worker thread (why: see there),
// one request at a time. It only hands pdf.js's output over; everything we make of it is done
// in pdf.ts.
//
// Plain JavaScript because Node 20 cannot start a worker thread from TypeScript source (tsx's
// hooks do not reach workers there), and the same file then serves the source tree, the tests
// and the compiled build (src/build.mjs copies it beside the bundle).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parentPort } from "node:worker_threads";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));

/** @param {{ id: number; bytes: Uint8Array; maxPages: number }} request */
async function read({ id, bytes, maxPages }) {
  const task = getDocument({
    data: bytes,
    // Chinese PDFs often use Adobe's predefined CMaps (UniGB-UCS2-H …) instead of embedding a
    // ToUnicode map; without these files their text cannot be read.
    cMapUrl: `${join(root, "cmaps")}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(root, "standard_fonts")}/`,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const document = await task.promise;
    if (document.numPages > maxPages) return { id, ok: false, why: "pages", pages: document.numPages };
    const pages = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const height = page.getViewport({ scale: 1 }).height;
      const content = await page.getTextContent();
      const items = content.items.filter((item) => "str" in item).map(({ str, transform, width }) => ({ str, transform, width }));
      pages.push({ height, items });
      page.cleanup();
    }
    const info = (await document.getMetadata()).info ?? {};
    const text = (value) => (typeof value === "string" ? value : undefined);
    return { id, ok: true, pages, title: text(info.Title), date: text(info.CreationDate) };
  } catch (error) {
    return { id, ok: false, why: error?.name === "PasswordException" ? "password" : "damaged" };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

parentPort.on("message", async (request) => parentPort.postMessage(await read(request)));

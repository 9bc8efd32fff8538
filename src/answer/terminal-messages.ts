/**
 * Every piece of Chinese copy the terminal front end shows — `npm run ask`'s rendering
 * (terminal.ts) and the terminal chat (src/console.ts) — in one place, as src/bot/messages.ts
 * is for the bot. The chat's commands mirror the bot's (/help, /sources, /about), plus what a
 * terminal needs instead of buttons (/more for 下一页, /open N for 展开).
 */

export const QUESTION = "问：";
export const filtersNote = (filters: string[]) => `  （筛选：${filters.join("、")}）`;
export const NOTICE = "提示：";
export const authorLabel = (author: string) => `作者：${author}`;
export const CATALOGUE_SOURCE = "据简报目录";
export const yearLabel = (year: number) => `${year}年`;
export const comparedYear = (year: number) => `〔${year}年〕`;

// ── The terminal chat ────────────────────────────────────────────────────────────────────────

export const PROMPT = "问> ";
export const greeting = (files: number, passages: number) =>
  `简报问答 · 已载入 ${files} 份简报、${passages} 段。输入问题后回车；/help 查看命令，/quit 或 Ctrl+D 退出。`;
export const tryThese = (examples: string[]) => `试试：${examples.join(" ｜ ")}`;
export const GOODBYE = "再见。";

export const HELP = [
  "用法：直接输入问题回车，例如「昆山 2007 工作任务」。每条结果注明出处（单位 · 年份 · 简报 · 第几段）。",
  "",
  "  /more       下一页结果",
  "  /open N     查看第 N 条结果的整段原文和前后段落",
  "  /sources    收录了哪些简报（按年份从新到旧）",
  "  /about      版本与索引信息",
  "  /clear      清屏",
  "  /help       显示本说明",
  "  /quit       退出（也可以按 Ctrl+D）",
].join("\n");

export const pageNote = (from: number, to: number, total: number) => `（第 ${from}–${to} 条，共 ${total} 条${to < total ? "；/more 看下一页" : ""}；/open N 看整段）`;
export const NO_MORE = "没有更多结果了。";
export const NOTHING_ASKED = "还没有提问。先输入一个问题。";
export const openUsage = (max: number) => `用法：/open N，N 是结果编号（1–${max}）。`;
export const PASSAGE_GONE = "这段内容已不在索引中，请重新提问。";
export const paragraphLine = (paragraph: number, part: number, parts: number) =>
  `第${paragraph}段${parts > 1 ? `（第 ${part}/${parts} 部分）` : ""}`;
export const fileLabel = (file: string) => `文件 ${file}`;
export const BEFORE = "【上一段】";
export const AFTER = "【下一段】";
export const COPY_HEADING = "可复制的引文：";

export const SOURCES_TITLE = "已收录的简报（按年份从新到旧）：";
export const UNKNOWN_YEAR = "年份不详";
export const sourceLine = (year: string, name: string, passages: number, orgs: string) => `• ${year} · ${name}（${passages} 段）\n  ${orgs}`;
export const NO_ORGS = "（未识别单位）";

export const beijingTime = (time: string) => `北京时间 ${time}`;

export const aboutLines = (version: string, builtAt: string, files: number, passages: number, schema: number) => [
  "关于简报问答",
  `版本：${version}`,
  `索引构建时间：${builtAt}`,
  `收录：${files} 份简报，${passages} 段`,
  `索引格式：v${schema}`,
];

export const UNKNOWN_COMMAND = "这个命令我不认识。输入 /help 查看命令，或者直接输入问题。";
export const didYouMean = (command: string) => `你是想用 /${command} 吗？`;

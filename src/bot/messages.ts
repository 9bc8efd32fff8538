/**
 * Every piece of Chinese copy the Telegram bot shows, in one place: replies, toasts, buttons,
 * the profile (description, short description, command menus). Renderers and features import
 * from here and own only the markup; an editor changes wording here and nowhere else.
 *
 * Functions take already-escaped HTML where they return HTML (`…Html`), plain text otherwise.
 */

// ── Questions and answers ────────────────────────────────────────────────────────────────────

/** The first line of every results message; buttons read the question back from it. */
export const QUESTION_PREFIX = "🔎 问：";
export const QUESTION_LABEL = "问：";
export const cutNote = (chars: number) => `✂️ 消息较长，只取前 ${chars} 个字作为问题。`;
export const EDITED_NOTE = "✏️ 按修改后的问题重新回答：";
export const NOTHING_FOUND = "没有找到相关内容。";
export const TRY_AGAIN = "试试换个说法、换个年份或地名；发送 /sources 查看收录了哪些简报。";
export const resultCount = (hits: number, page: number, pages: number) =>
  `共 ${hits} 条结果${pages > 1 ? ` · 第 ${page}/${pages} 页` : ""}`;
export const listHeading = (items: number) => `共 ${items} 项：`;
export const CATALOGUE_SOURCE = "📚 据简报目录";
export const CATALOGUE_SOURCE_PLAIN = "据简报目录";
export const comparedYear = (year: number) => `〔${year}年〕`;
export const partOf = (part: number, parts: number) => `（第 ${part}/${parts} 部分）`;
export const paragraphLabel = (paragraph: number) => `第${paragraph}段`;
export const fromFile = (file: string) => `文件 ${file}`;
export const PASSAGE_LINK = "本段链接";
export const sharedFooter = (usernameHtml: string) => `—— 来自 @${usernameHtml} 简报问答`;

// ── Buttons ──────────────────────────────────────────────────────────────────────────────────

export const BUTTON = {
  expand: (n: number) => `📖 展开 ${n}`,
  previousPage: "◀️ 上一页",
  nextPage: "下一页 ▶️",
  share: "↗️ 分享到其他聊天",
  copyAnswer: "📋 复制答案",
  copyPassage: "📋 复制本段",
  previousPassage: "⬆️ 上一段",
  nextPassage: "⬇️ 下一段",
  back: "↩️ 返回结果",
  example: (q: string) => `💬 ${q}`,
  openInBot: "📖 在机器人中查看全文",
} as const;

// ── Toasts (answerCallbackQuery, ≤ 200 characters) ───────────────────────────────────────────

export const STALE_BUTTON = "这个按钮已失效，请重新提问。";
export const PASSAGE_GONE = "这段内容已不在索引中，请重新提问。";
export const BUTTONS_TOO_FAST = "点得有点快，请稍后再试。";
export const APOLOGY_TOAST = "出了点问题，请稍后再试。";
export const NOT_ALLOWED_TOAST = "此机器人未对这个会话开放。";

// ── Replies outside the question flow ────────────────────────────────────────────────────────

export const APOLOGY = "😵 出了点问题，请稍后再试。";
export const NOT_ALLOWED = "抱歉，此机器人只对指定的会话开放。";
export const questionsTooFast = (seconds: number) => `🐢 提问有点快，请 ${seconds} 秒后再试。`;
export const DEEP_LINK_GONE = "😕 找不到这段内容，可能索引已经更新。请直接提问，或发送 /sources 查看收录的简报。";
export const UNKNOWN_COMMAND = "这个命令我不认识。发送 /help 查看用法，或者直接用文字提问。";
export const didYouMean = (command: string) => `你是想用 /${command} 吗？`;

/** What to type instead of a sticker or a photo without caption. */
export const TYPE_PLEASE = "请用文字提问 🙂 例如：";
/** Voice and video notes: there is no speech recognition, so say so and show what to type. */
export const VOICE_PLEASE = "🎤 我听不了语音，请把问题打成文字发给我，例如：";

// ── Groups ───────────────────────────────────────────────────────────────────────────────────

/** ForceReply's input field placeholder: 1–64 characters (Bot API, ForceReply). */
export const ASK_PLACEHOLDER = "输入问题，例如 昆山 2007 工作任务";
export const askPromptHtml = (nameHtml: string | null) =>
  `${nameHtml ? `${nameHtml}，` : ""}请直接回复这条消息，写下你的问题 👇`;
export const groupWelcomeHtml = (atHtml: string) =>
  [
    "👋 大家好，我是简报问答，能从工会工作简报里查答案并注明出处。",
    `在群里提问：发送 /ask 问题，或 ${atHtml} 问题，或回复我的消息。`,
    "我只读发给我的消息，群里的其他聊天我看不到，也不会回应。",
  ].join("\n");

// ── /start, /help, /sources, /about ──────────────────────────────────────────────────────────

export const WELCOME_TITLE = "👋 你好！我是简报问答。";
export const WELCOME_BODY = "我能在工会工作简报里查找答案，并给出带出处的原文摘录（单位 · 年份 · 简报 · 段落）。";
export const WELCOME_TRY = "直接发一句话提问即可，也可以点下面的例子试试：";
export const WELCOME_MORE = "发送 /help 查看用法，/sources 查看收录的简报。";

export const helpHtml = (atHtml: string, b: (html: string) => string) =>
  [
    b("📘 使用说明"),
    "",
    `${b("私聊提问：")}直接发送问题，例如「昆山 2007 年工会工作重点」。回答列出最相关的原文摘录，命中的词加粗，每条附出处（单位 · 年份 · 简报 · 第几段）。图片或文件的说明文字也算提问；发错了可以直接修改消息，我会按修改后的问题重新回答。`,
    `${b("按钮：")}「下一页/上一页」翻看更多结果；「展开」查看整段原文及前后段落；「复制」得到带出处的纯文本，可贴到微信或邮件；「分享」把答案发到其他聊天。`,
    `${b("出处链接：")}点出处可打开整段原文。`,
    `${b("群聊：")}用 /ask 问题，或 ${atHtml} 问题，或回复我的消息提问；其他聊天内容我不会回应。`,
    `${b("任意聊天中分享：")}输入 ${atHtml} 关键词（如 ${atHtml} 昆山 2007），从列表中选一条即可发送带出处的答案。`,
    "",
    "/sources 收录的简报 · /about 版本与索引信息",
  ].join("\n");

export const SOURCES_TITLE = "📚 已收录的简报";
export const sourcesCount = (files: number, passages: number) => `共 ${files} 份，${passages} 段，按年份从新到旧排列`;
export const UNKNOWN_YEAR = "年份不详";
export const yearLabel = (year: number) => `${year}年`;
/** How help texts name the bot when its username is not known yet. */
export const AT_BOT_FALLBACK = "@机器人";
export const NO_ORGS = "（未识别单位）";
export const passagesCount = (n: number) => `（${n} 段）`;
export const moreSources = (n: number) => `……另有 ${n} 份未列出。`;

export const ABOUT_TITLE = "ℹ️ 关于简报问答";
export const beijingTime = (time: string) => `北京时间 ${time}`;

export const aboutLines = (version: string, builtAt: string, files: number, passages: number, schema: number) => [
  `版本：${version}`,
  `索引构建时间：${builtAt}`,
  `收录：${files} 份简报，${passages} 段`,
  `索引格式：v${schema}`,
];

// ── Inline mode ──────────────────────────────────────────────────────────────────────────────

export const INLINE_OPEN_BOT = "💬 在私聊中提问";
export const INLINE_TOO_FAST = "🐢 太快了，请稍后再试";
export const INLINE_NOTHING = "没有找到，点此在私聊中提问";
export const inlineExample = (q: string) => `💡 ${q}`;
export const inlineExampleDescription = (title: string) => `示例问题 · ${title}`;

// ── Profile: what Telegram shows before the first message (set by the bot at start) ─────────

/** Bot description: the empty chat screen (0–512 characters). */
export const DESCRIPTION = [
  "简报问答：在工会工作简报里查找答案，每条回答都注明出处（单位 · 年份 · 简报 · 第几段）。",
  "",
  "直接发一句话提问，例如：",
  "• 昆山 2007 工作任务",
  "• 常熟市总工会打算为多少名困难职工免费体检？",
  "",
  "在群里用 /ask 提问；在任意聊天输入 @机器人 关键词 可分享带出处的答案。",
].join("\n");

/** Short description: the profile page and shared links (0–120 characters). */
export const SHORT_DESCRIPTION = "查工会工作简报，答案附出处。例如：昆山 2007 工作任务";

/** Command menus (descriptions 1–256 characters). /ask matters most in groups. */
export const PRIVATE_COMMANDS = [
  { command: "start", description: "开始使用，看几个示例问题" },
  { command: "help", description: "使用说明" },
  { command: "sources", description: "收录了哪些简报" },
  { command: "about", description: "版本与索引信息" },
];

/** An administrator's private menu: everyone's, and removing a bulletin (adding one is sending it). */
export const ADMIN_COMMANDS = [...PRIVATE_COMMANDS, { command: "remove", description: "删除一份简报（管理员）" }];

export const GROUP_COMMANDS = [
  { command: "ask", description: "提问，例如 /ask 昆山 2007 工作重点" },
  { command: "help", description: "使用说明" },
  { command: "sources", description: "收录了哪些简报" },
  { command: "about", description: "版本与索引信息" },
];

// ── Administrators: adding and removing bulletins (features/admin.ts) ────────────────────────
// Functions take values that are ALREADY HTML-escaped (src/bot/admin/render.ts escapes them)
// and return Telegram HTML.

export const ADMIN_MESSAGES = {
  // Anyone who is not in ADMIN_IDS.
  notAdmin: "🙏 只有管理员可以添加或删除简报。如需收录新简报，请联系管理员。",

  // Checking an upload.
  noFileName: "⚠️ 这个文件没有文件名，无法判断格式。请以“文件”方式重新发送，并保留文件名（如 2012年工作要点.docx）。",
  emptyName: "⚠️ 文件名不可用（去掉隐藏符号和路径后为空）。请改个文件名再发送。",
  reservedName: (name: string) =>
    `⚠️ <b>${name}</b> 是系统保留的文件名（同义词表或目录），不能通过机器人上传。请改名后再发送简报。`,
  badExtension: (name: string, accepted: string) =>
    `⚠️ <b>${name}</b> 不是可以收录的简报格式。支持的格式：${accepted}。`,
  renamed: (from: string, to: string) => `ℹ️ 文件名含有不安全的字符，已保存为 <b>${to}</b>（原名：${from}）。`,
  tooBig: (name: string, sizeMb: string, limitMb: number) =>
    `⚠️ <b>${name}</b> 有 ${sizeMb} MB，超过 Telegram 允许机器人下载的 ${limitMb} MB 上限，没有下载。请压缩或拆分后再发送，或者由运维人员直接放进简报目录（seeds/）。`,
  downloading: (name: string) => `⏳ 正在下载并检查 <b>${name}</b>…`,
  downloadFailed: (name: string) => `😵 下载 <b>${name}</b> 失败，请稍后重新发送。`,
  unreadable: (name: string, reason: string) => `❌ <b>${name}</b> 无法收录：${reason}。文件没有保存。`,
  noPassages: "文件里没有可检索的段落",

  // Same-named file.
  exists: (name: string, size: string, modified: string) =>
    `❓ 简报目录里已经有 <b>${name}</b>（${size}，${modified}）。要用新发送的文件替换它吗？`,
  replaceButton: "替换",
  cancelButton: "取消",
  cancelled: "已取消，没有改动。",
  replacing: (name: string) => `⏳ 正在替换 <b>${name}</b>…`,
  resend: "⚠️ 找不到当初发送的文件（原消息可能已删除），无法替换。请重新发送该文件。",

  // Saving and indexing.
  saveFailed: (name: string, why: string) => `😵 <b>${name}</b> 没能保存：${why}。简报目录没有改动。`,
  readOnlyFolder: "简报目录不可写（只读或没有权限），请联系运维人员",
  diskFull: "磁盘空间不足",
  diskError: "磁盘写入出错",
  added: (name: string) => `✅ 已收录 <b>${name}</b>`,
  replaced: (name: string) => `✅ 已替换 <b>${name}</b>`,
  unchanged: (name: string) => `✅ <b>${name}</b> 与原文件内容相同，索引没有变化`,
  title: (title: string) => `标题：${title}`,
  year: (year: number) => `年份：${year}年`,
  orgs: (orgs: string) => `单位：${orgs}`,
  passages: (count: number) => `段落：${count} 段`,
  warningsHeader: "⚠️ 提醒：",
  noTitle: "文件没有自带简报标题（/sources 中将不显示标题），可在 seeds/catalogue.json 中为此文件注明 title",
  noYear: "没有识别出年份，可在 seeds/catalogue.json 中为此文件注明 year",
  noOrgs: "没有识别出单位名称",
  skippedInIndex: (reason: string) => `建索引时被跳过：${reason}`,
  notInIndex: "新索引里找不到这个文件，请稍后用 /sources 查看",
  reloadFailed: (error: string) => `索引重建失败，仍在使用原来的索引（文件已保存，下次重建时会收录）：${error}`,
  indexTotals: (files: number, passages: number) => `索引现有 ${files} 份简报、${passages} 段。`,

  // /remove.
  removeUsage: "用法：<code>/remove 文件名</code>，或点下面的文件：",
  removeNothing: "简报目录里没有可删除的简报文件。",
  removeMore: (count: number) => `（另有 ${count} 个文件，请用 <code>/remove 文件名</code> 删除）`,
  removeNotFound: (name: string) => `⚠️ 简报目录里没有 <b>${name}</b>。发送 /remove 查看现有文件。`,
  removeNotBulletin: (name: string) => `⚠️ <b>${name}</b> 不是简报文件，不能用 /remove 删除。`,
  removeConfirm: (name: string, size: string, modified: string) =>
    `❓ 确定从简报目录删除 <b>${name}</b>（${size}，${modified}）吗？删除后它的内容将不再出现在回答中。`,
  removeButton: "删除",
  removeGone: "⚠️ 这个文件已经不在简报目录里了（可能已被删除）。发送 /remove 查看现有文件。",
  removing: (name: string) => `⏳ 正在删除 <b>${name}</b> 并更新索引…`,
  removed: (name: string) => `🗑 已删除 <b>${name}</b>。`,
  removeFailed: (name: string, why: string) => `😵 <b>${name}</b> 没能删除：${why}。`,
  removedReloadFailed: (error: string) => `索引重建失败，回答中可能仍会出现它，直到下次重建成功：${error}`,

  // Sizes and times shown with a file.
  kilobytes: (kb: string) => `${kb} KB`,
  megabytes: (mb: string) => `${mb} MB`,
  beijingTime,
  listSeparator: "、",

  // Buttons that no longer add up.
  staleButton: "这个按钮已失效。",
  busy: "出了点问题，请稍后再试。",
} as const;

/**
 * Every user-facing string of adding and removing bulletins through the bot (src/bot/features/admin.ts),
 * in one place. Functions take values that are ALREADY HTML-escaped (the renderer in
 * src/bot/admin/render.ts escapes them) and return Telegram HTML.
 */
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
  beijingTime: (time: string) => `北京时间 ${time}`,
  listSeparator: "、",

  // Buttons that no longer add up.
  staleButton: "这个按钮已失效。",
  busy: "出了点问题，请稍后再试。",
} as const;

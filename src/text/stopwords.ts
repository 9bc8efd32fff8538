/**
 * Words that carry no topic: question words and function words. Dropped from queries and
 * from the index alike, so 多少 in a question never has to match 多少 in a passage.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // question words
  "多少", "哪些", "什么", "哪个", "哪里", "哪儿", "怎么", "怎样", "怎么样", "如何", "为什么", "是否",
  "有没有", "是不是", "几个", "几项", "几家", "几名", "几条", "多少名", "多少家", "多少个", "多少项",
  "请问", "一下", "告诉", "介绍", "了解", "想", "知道",
  // function words
  "的", "了", "吗", "呢", "吧", "啊", "么", "和", "与", "及", "以及", "或", "在", "对", "为", "把", "被",
  "是", "有", "都", "也", "还", "就", "从", "向", "于", "其", "该", "这", "那", "这个", "那个", "我",
  "我们", "你", "你们", "他", "他们", "它", "之", "而", "并", "等", "要", "将", "会", "能", "上", "中",
  "里", "年", "年度", "关于", "今年", "明年", "去年", "呀", "哦", "嗯",
]);

/**
 * Organisation names as the bulletins write them: full (张家港市总工会), short (张家港市总),
 * company unions (水务投资公司工会), and the place each one belongs to.
 */

const HAN = "\\u4e00-\\u9fff";
// A place stem never starts with words like 全市 / 各级 / 本区, which open ordinary sentences.
const NOT_A_STEM = /^(全|各|本|我|该|市|区|县|镇|基层|企业|职工)/;

/** 张家港市总工会 / 张家港市总 / 吴中区总工会 at the start of a line. */
const PLACE_ORG_AT_START = new RegExp(`^([${HAN}]{2,10}?)(市|区|县)总(工会)?`);
/** 水务投资公司工会, 望亭发电厂工会 at the start of a line. */
const COMPANY_ORG_AT_START = new RegExp(
  `^([${HAN}]{2,14}?(?:公司|集团|厂|局|医院|学校|大学|学院|系统|中心|银行|电厂))工会`,
);
/** A whole string that is an organisation name, e.g. inside an attribution or byline. */
const ORG_NAME = new RegExp(`^[${HAN}]{2,20}?(?:总工会|工会)$`);
const PLACE_ORG = new RegExp(`^([${HAN}]{2,10}?)(市|区|县)总工会$`);

export interface OrgMatch {
  /** The full name, e.g. 张家港市总工会 even when the text says 张家港市总. */
  name: string;
  /** The form as written. */
  written: string;
}

export function orgAtStart(line: string): OrgMatch | null {
  const place = PLACE_ORG_AT_START.exec(line);
  if (place && !NOT_A_STEM.test(place[1]!)) {
    return { name: `${place[1]}${place[2]}总工会`, written: place[0] };
  }
  const company = COMPANY_ORG_AT_START.exec(line);
  if (company && !NOT_A_STEM.test(company[1]!)) {
    return { name: company[0], written: company[0] };
  }
  return null;
}

/** Cleans an attribution's organisation part: 张家港市总工会办公室 → 张家港市总工会. */
export function orgFromAttribution(text: string): string | null {
  const name = text.replace(/(办公室|宣传部|组织部|研究室|办)$/, "");
  return ORG_NAME.test(name) ? name : null;
}

export function isOrgName(text: string): boolean {
  return ORG_NAME.test(text);
}

const COMPANY_SUFFIX = /(有限公司|股份|公司|集团|厂|重工|投资|发电|电力|实业|控股)$/;

export interface PlaceOfOrg {
  /** Canonical place name: 张家港, 吴中. */
  place: string;
  /** The administrative form: 张家港市, 吴中区. */
  withSuffix: string;
}

export function placeOfOrg(org: string): PlaceOfOrg | null {
  const m = PLACE_ORG.exec(org);
  return m ? { place: m[1]!, withSuffix: `${m[1]}${m[2]}` } : null;
}

/** Every form a user or a bulletin may use for an organisation. */
export function orgAliases(org: string): string[] {
  const aliases = new Set<string>([org]);
  const place = PLACE_ORG.exec(org);
  if (place) {
    aliases.add(`${place[1]}${place[2]}总`);
  } else if (org.endsWith("工会")) {
    // 宝钢苏冶重工公司工会 → 宝钢苏冶重工公司 → 宝钢苏冶重工 → 宝钢苏冶: people type the brand.
    let bare = org.slice(0, -2);
    while ([...bare].length >= 2) {
      aliases.add(bare);
      const shorter = bare.replace(COMPANY_SUFFIX, "");
      if (shorter === bare) break;
      bare = shorter;
    }
  }
  return [...aliases];
}

/** A brand this long or longer may be typed by one half: 宝钢苏冶 → 苏冶 (the company), 宝钢 (its group). */
const BRAND_HALVES_FROM = 4;

/**
 * The two-character halves of a company union's brand (宝钢苏冶 of 宝钢苏冶重工公司工会) that its
 * bulletin never uses except inside the union's own names: people type 苏冶 for the company,
 * and a half the text uses on its own (建设 of a 新区建设公司) would be an ordinary word, no name.
 */
export function brandHalves(aliases: readonly string[], text: string): string[] {
  const brand = aliases.filter((a) => /^[\u4e00-\u9fff]+$/u.test(a)).sort((a, b) => a.length - b.length)[0];
  if (!brand || brand.length < BRAND_HALVES_FROM) return [];
  let named = text;
  for (const alias of [...aliases].sort((a, b) => b.length - a.length)) named = named.split(alias).join("\n");
  return [brand.slice(0, 2), brand.slice(-2)].filter((half) => !named.includes(half));
}


// Reads what a query asks for beyond its words: action numbers it names ("acties 44 en 45", "actie 17 t/m 19").

const NAMED = /\bacties?\s*(?:nr\.?|nummer)?\s*(\d{1,3}(?:\s*(?:,|\/|&|en|of|t\/m|tot en met|tot|-|–)\s*\d{1,3})*)/gi;
const RANGE = /(\d{1,3})\s*(?:t\/m|tot en met|tot|-|–)\s*(\d{1,3})/g;

/** Action numbers named in the query, in the order named; ranges are expanded (at most 60 numbers). */
export function namedActions(query: string, maxNumber = 60): number[] {
  const numbers: number[] = [];
  for (const match of query.matchAll(NAMED)) {
    const list = match[1] ?? '';
    const ranges = [...list.matchAll(RANGE)];
    for (const range of ranges) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (to >= from && to - from < maxNumber) for (let n = from; n <= to; n += 1) numbers.push(n);
    }
    const rest = list.replace(RANGE, ' ');
    for (const single of rest.matchAll(/\d{1,3}/g)) numbers.push(Number(single[0]));
  }
  return [...new Set(numbers)].filter((n) => n >= 1 && n <= maxNumber);
}

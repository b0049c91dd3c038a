/**
 * A name as it is compared when searching: lower case, accents dropped, so typing "lukasz zolc"
 * finds "Łukasz Żółć" and "nguyen" finds "Nguyễn". Letters that do not decompose into a base
 * letter and a mark (ł, ø, đ) are mapped by hand.
 */
export function searchableName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[łŀ]/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/[đð]/g, 'd')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether every word typed is somewhere in the name, in any order: "riv al" finds "Alex Rivera". */
export function nameMatches(name: string, query: string): boolean {
  const words = searchableName(query).split(' ').filter(Boolean);
  const haystack = searchableName(name);
  return words.every((word) => haystack.includes(word));
}

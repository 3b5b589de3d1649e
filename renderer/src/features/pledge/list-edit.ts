/** Small pure operations on ordered lists (căn cứ lines, commitments, the units of the grid). */

export function moveItem<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return items.slice();
  const out = items.slice();
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item!);
  return out;
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

export function replaceAt<T>(items: readonly T[], index: number, value: T): T[] {
  return items.map((v, i) => (i === index ? value : v));
}

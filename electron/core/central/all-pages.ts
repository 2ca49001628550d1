/** A page of a history endpoint. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Every page of a history endpoint, following `nextCursor`. `onPage` sees each page as it comes
 * (a progress bar) and may answer false to stop there (the operator cancelled).
 */
export async function allPages<T>(
  first: string,
  fetch: (path: string) => Promise<Page<T>>,
  onPage: (items: readonly T[]) => boolean = () => true,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page = await fetch(cursor ? `${first}&cursor=${encodeURIComponent(cursor)}` : first);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!onPage(page.items)) break;
  } while (cursor);
  return items;
}

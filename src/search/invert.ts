/** For each item found in `lists`, the positions of the lists that hold it, ascending ("which sentences hold a term"). */
export function invert<T>(lists: readonly Iterable<T>[]): Map<T, number[]> {
  const positions = new Map<T, number[]>();
  lists.forEach((list, position) => {
    for (const item of list) {
      const found = positions.get(item);
      if (found) found.push(position);
      else positions.set(item, [position]);
    }
  });
  return positions;
}

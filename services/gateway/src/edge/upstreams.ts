/** `catalog=http://127.0.0.1:3001,cases=…` → Map { catalog → http://127.0.0.1:3001, … }. */
export function parseUpstreams(list: string): Map<string, string> {
  return new Map(
    list
      .split(',')
      .map((pair) => pair.trim())
      .filter((pair) => pair !== '')
      .map((pair) => {
        const at = pair.indexOf('=');
        return [pair.slice(0, at), pair.slice(at + 1).replace(/\/+$/, '')] as [string, string];
      }),
  );
}

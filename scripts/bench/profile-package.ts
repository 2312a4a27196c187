/** The package a profile's call frame belongs to: an npm package, a Node module, one of our libs, or a file. */
export function packageOf(url: string): string {
  if (!url) return '(native/vm)';
  const match = url.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  if (match) return match[1];
  if (url.startsWith('node:')) return url;
  const lib = url.match(/libs\/([^/]+)\//);
  return lib ? `libs/${lib[1]}` : url.replace(/^file:\/\//, '').split('/').slice(-2).join('/');
}

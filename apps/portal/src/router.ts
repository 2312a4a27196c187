import { useEffect, useState } from 'react';

/** The page in the address's hash, e.g. `#/catalog/<id>` → ['catalog', '<id>']; the gateway serves one page. */
export function useRoute(): string[] {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash.replace(/^#\/?/, '').split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
}

export const navigate = (path: string) => {
  window.location.hash = path;
};

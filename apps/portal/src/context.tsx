import { createContext, useContext } from 'react';
import { translate, translateValue, type Language, type MessageKey } from './i18n';
import type { Session } from './session';

export interface PortalContext {
  language: Language;
  session: Session | undefined;
  setSession(session: Session | undefined): void;
}

export const Portal = createContext<PortalContext>({ language: 'zh-CN', session: undefined, setSession: () => undefined });

/** The current language's messages: `t('nav.catalog')`, `tv('status', 'in-progress')`. */
export function useText() {
  const { language } = useContext(Portal);
  return {
    t: (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values),
    tv: (prefix: string, value: string) => translateValue(language, prefix, value),
    language,
  };
}

export const usePortal = () => useContext(Portal);

import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { onSignedOut } from './api';
import { Portal, usePortal as usePortalContext, useText } from './context';
import { LANGUAGES, type Language } from './i18n';
import { BulletinListPage, BulletinPage } from './pages/BulletinPages';
import { CatalogItemPage, CatalogSearchPage } from './pages/CatalogPages';
import { AuditPage, SupervisionPage } from './pages/OversightPages';
import { CommitmentsPage, InspectionsPage, LandingPage } from './pages/PublicPages';
import { SignInPage } from './pages/SignInPage';
import { BackupPage, CasePage, WorkbenchPage } from './pages/WorkbenchPages';
import { navigate, useRoute } from './router';
import { hasRole, loadSession, saveSession, STAFF_ROLES, type Session } from './session';

const LANGUAGE_KEY = 'sangeyipi.language';

export function App() {
  const [language, setLanguage] = useState<Language>(() => {
    const stored = localStorage.getItem(LANGUAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'zh-CN';
  });
  const [session, setSessionState] = useState<Session | undefined>(loadSession);
  const setSession = (next: Session | undefined) => {
    saveSession(next);
    setSessionState(next);
  };
  useEffect(() => {
    const stopListening = onSignedOut(() => setSessionState(undefined));
    return () => {
      stopListening();
    };
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
    localStorage.setItem(LANGUAGE_KEY, language);
  }, [language]);
  const context = useMemo(() => ({ language, session, setSession }), [language, session]);

  return (
    <Portal.Provider value={context}>
      <Shell onLanguage={() => setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')} />
    </Portal.Provider>
  );
}

function Shell({ onLanguage }: { onLanguage: () => void }) {
  const { t } = useText();
  const route = useRoute();
  const { session, setSession } = usePortalContext();
  const link = (path: string, label: string, current: boolean) => (
    <li>
      <a href={`#${path}`} aria-current={current ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  const [page, id] = route;
  return (
    <>
      <a className="skip" href="#main" onClick={(event) => (event.preventDefault(), document.getElementById('main')?.focus())}>
        {t('app.skip')}
      </a>
      <header>
        <p className="brand">{t('app.title')}</p>
        <nav aria-label="main">
          <ul>
            {link('/', t('nav.catalog'), page === undefined || page === 'catalog')}
            {link('/commitments', t('nav.commitments'), page === 'commitments')}
            {link('/inspections', t('nav.inspections'), page === 'inspections')}
            {link('/landing', t('nav.landing'), page === 'landing')}
            {link('/bulletins', t('nav.bulletins'), page === 'bulletins')}
            {hasRole(session, ...STAFF_ROLES, 'applicant') && link('/workbench', t('nav.workbench'), page === 'workbench' && id !== 'backup')}
            {hasRole(session, 'unit_admin') && link('/workbench/backup', t('nav.backup'), page === 'workbench' && id === 'backup')}
            {hasRole(session, 'supervisor', 'reform_office') && link('/supervision', t('nav.supervision'), page === 'supervision')}
            {hasRole(session, 'auditor') && link('/audit', t('nav.audit'), page === 'audit')}
          </ul>
        </nav>
        <div className="tools">
          <button type="button" onClick={onLanguage} lang={t('nav.language') === 'English' ? 'en' : 'zh-CN'}>
            {t('nav.language')}
          </button>
          {session ? (
            <>
              <span className="who">{session.user.name ?? session.user.userId}</span>
              <button
                type="button"
                onClick={() => {
                  setSession(undefined);
                  navigate('/');
                }}
              >
                {t('nav.signOut')}
              </button>
            </>
          ) : (
            <a href="#/sign-in">{t('nav.signIn')}</a>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Routed route={route} />
      </main>
    </>
  );
}

/** The page for the route; staff pages need a session (and the role), otherwise the sign-in page. */
function Routed({ route }: { route: string[] }) {
  const { session } = usePortalContext();
  const [page, id, detail] = route;
  const staffPage = (roles: string[], element: ReactElement) => (hasRole(session, ...roles) ? element : <SignInPage />);
  switch (page) {
    case undefined:
      return <CatalogSearchPage />;
    case 'catalog':
      return id ? <CatalogItemPage itemId={id} /> : <CatalogSearchPage />;
    case 'commitments':
      return <CommitmentsPage />;
    case 'inspections':
      return <InspectionsPage />;
    case 'landing':
      return <LandingPage />;
    case 'bulletins':
      return id ? <BulletinPage bulletinId={id} /> : <BulletinListPage />;
    case 'sign-in':
      return <SignInPage />;
    case 'workbench':
      if (id === 'case' && detail) return staffPage([...STAFF_ROLES, 'applicant', 'supervisor', 'reform_office', 'auditor'], <CasePage caseId={detail} />);
      if (id === 'backup') return staffPage(['unit_admin'], <BackupPage />);
      return staffPage([...STAFF_ROLES, 'applicant'], <WorkbenchPage />);
    case 'supervision':
      return staffPage(['supervisor', 'reform_office'], <SupervisionPage />);
    case 'audit':
      return staffPage(['auditor'], <AuditPage />);
    default:
      return <CatalogSearchPage />;
  }
}

import { useState, type FormEvent } from 'react';
import { call } from '../api';
import { Field, Page, useLoad } from '../components';
import { useText, usePortal } from '../context';
import { navigate } from '../router';
import type { Session } from '../session';

interface Options {
  mode: string;
  demoUsers: { username: string; displayName: string; roles: string[] }[];
}

/** Staff sign in against the gateway's user directory (or are told to use the identity provider). */
export function SignInPage() {
  const { t } = useText();
  const { setSession } = usePortal();
  const [options] = useLoad<Options>('/auth/options');
  const [form, setForm] = useState({ username: '', password: '' });
  const [failed, setFailed] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await call<Session>('POST', '/auth/sign-in', form);
    if (!answer.ok) {
      setFailed(true);
      return;
    }
    setSession(answer.body);
    navigate(answer.body.user.roles.includes('supervisor') ? '/supervision' : answer.body.user.roles.includes('auditor') ? '/audit' : '/workbench');
  };

  if (options.state === 'ok' && options.data.mode !== 'local') {
    return (
      <Page title={t('signIn.heading')}>
        <p>{t('signIn.oidc')}</p>
      </Page>
    );
  }
  return (
    <Page title={t('signIn.heading')}>
      <form onSubmit={submit} className="panel sign-in" data-testid="sign-in">
        <Field label={t('signIn.username')}>
          <input name="username" autoComplete="username" required value={form.username} onChange={(event) => setForm({ ...form, username: event.target.value })} />
        </Field>
        <Field label={t('signIn.password')}>
          <input name="password" type="password" autoComplete="current-password" required value={form.password} onChange={(event) => setForm({ ...form, password: event.target.value })} />
        </Field>
        {failed && <p role="alert">{t('signIn.failed')}</p>}
        <button type="submit">{t('nav.signIn')}</button>
      </form>
      {options.state === 'ok' && options.data.demoUsers.length > 0 && (
        <>
          <h2>{t('signIn.demo')}</h2>
          <ul className="demo-users">
            {options.data.demoUsers.map((user) => (
              <li key={user.username}>
                <button type="button" onClick={() => setForm({ ...form, username: user.username })}>
                  {user.username}
                </button>{' '}
                {user.displayName} · {user.roles.join(', ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}

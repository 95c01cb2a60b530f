import { useState } from 'react'
import { useT } from '../../app/useT'
import type { Profile } from '@shared/ipc'
import { Button, IconButton } from '../../components/Button'
import { ConfirmDialog } from '../../components/Dialog'
import { Banner, EmptyState } from '../../components/states'
import { toast } from '../../components/toast-store'
import { LanguageSwitch } from '../../app/LanguageSwitch'
import { ThemeSwitch } from '../../app/ThemeSwitch'
import { LoginForm } from './LoginForm'
import { ProfileDialog } from './ProfileDialog'
import { useSessionStore } from './store'

/** The first screen: choose (or add, edit, remove) a server, then log in to it. */
export function LoginScreen(): React.JSX.Element {
  const t = useT()
  const profiles = useSessionStore((store) => store.profiles)
  const selectedId = useSessionStore((store) => store.selectedProfileId)
  const session = useSessionStore((store) => store.state)
  const selectProfile = useSessionStore((store) => store.selectProfile)
  const removeProfile = useSessionStore((store) => store.removeProfile)
  const [editing, setEditing] = useState<{ profile: Profile | null } | null>(null)
  const [removing, setRemoving] = useState<Profile | null>(null)
  const [removeBusy, setRemoveBusy] = useState(false)
  const [selectError, setSelectError] = useState<string | null>(null)
  // «Вы вышли» says what happened last; after a new attempt to log in it is old news.
  const [attempted, setAttempted] = useState(false)

  const selected = profiles.find((profile) => profile.id === selectedId) ?? null

  const onSelect = async (id: string) => {
    setSelectError(null)
    const result = await selectProfile(id)
    if (!result.ok) setSelectError(result.error.message)
  }

  const onRemove = async () => {
    if (!removing) return
    setRemoveBusy(true)
    const result = await removeProfile(removing.id)
    setRemoveBusy(false)
    if (result.ok) toast.success(t('session.profileRemoved', { name: removing.name }))
    else toast.error(result.error.message)
    setRemoving(null)
  }

  return (
    <div className="login-screen">
      <div className="login-screen__lang">
        <ThemeSwitch />
        <LanguageSwitch />
      </div>
      <main className="login-card" aria-labelledby="login-title">
        <div className="login-card__brand">
          <span className="sidebar__logo" aria-hidden="true">
            PB
          </span>
          <div>
            <h1 id="login-title">{t('session.title')}</h1>
            <p className="muted">{t('session.subtitle')}</p>
          </div>
        </div>

        {profiles.length === 0 ? (
          <EmptyState
            icon="server"
            title={t('session.noProfiles')}
            action={
              <Button variant="primary" icon="plus" onClick={() => setEditing({ profile: null })}>
                {t('session.addProfile')}
              </Button>
            }
          />
        ) : (
          <>
            <div className="field">
              <label className="field__label" htmlFor="login-profile">
                {t('session.profile')}
              </label>
              <div className="row">
                <select
                  id="login-profile"
                  className="input select"
                  value={selectedId ?? ''}
                  onChange={(e) => void onSelect(e.target.value)}
                  aria-describedby="login-profile-hint"
                  data-testid="profile-select"
                >
                  {!selected && <option value="">{t('session.noProfileSelected')}</option>}
                  {profiles.map((profile) => (
                    <option key={profile.id} value={profile.id}>
                      {profile.name}
                    </option>
                  ))}
                </select>
                <IconButton
                  icon="edit"
                  variant="secondary"
                  label={t('session.editProfile')}
                  disabled={!selected}
                  onClick={() => setEditing({ profile: selected })}
                />
                <IconButton
                  icon="trash"
                  variant="secondary"
                  label={t('session.removeProfile')}
                  disabled={!selected}
                  onClick={() => setRemoving(selected)}
                />
                <IconButton
                  icon="plus"
                  variant="secondary"
                  label={t('session.addProfile')}
                  onClick={() => setEditing({ profile: null })}
                />
              </div>
              <p className="field__hint mono" id="login-profile-hint">
                {selected
                  ? t('session.profileHint', { url: selected.base_url })
                  : t('session.noProfileSelected')}
              </p>
            </div>
            {selectError && <Banner tone="danger">{selectError}</Banner>}
            {session?.reason === 'logout' && !attempted && (
              <p className="muted" role="status">
                {t('shell.session.loggedOut')}
              </p>
            )}
            {/* Keyed by the last login too: it arrives with the profiles after a logout and prefills the form. */}
            <LoginForm
              key={`${selected?.id ?? 'none'}:${selected?.last_login ?? ''}`}
              profile={selected}
              defaultLogin={selected?.last_login}
              onAttempt={() => setAttempted(true)}
            />
          </>
        )}
      </main>
      <ProfileDialog
        open={editing !== null}
        profile={editing?.profile ?? null}
        onClose={(saved) => {
          setEditing(null)
          if (saved && saved.id !== selectedId) void onSelect(saved.id)
        }}
      />
      <ConfirmDialog
        open={removing !== null}
        title={t('session.removeProfileTitle', { name: removing?.name ?? '' })}
        message={t('session.removeProfileText')}
        confirmLabel={t('session.removeProfile')}
        danger
        busy={removeBusy}
        onConfirm={() => void onRemove()}
        onCancel={() => setRemoving(null)}
      />
    </div>
  )
}

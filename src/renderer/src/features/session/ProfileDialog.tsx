import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useT } from '../../app/useT'
import type { z } from 'zod'
import { profileSaveInput, type Profile } from '@shared/ipc'
import { sendsInClear } from '@shared/ipc/server-url'
import { codedResolver } from '../../app/form-resolver'
import { messageFor } from '../../app/messages'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { TextField } from '../../components/fields'
import { applyFieldErrors } from '../../components/form-errors'
import { Banner } from '../../components/states'
import { toast } from '../../components/toast-store'
import { useSessionStore } from './store'

type ProfileValues = z.input<typeof profileSaveInput>

/** Add a server (no `profile`) or edit one: a name and the server's root URL. */
export function ProfileDialog({
  open,
  profile,
  onClose,
}: {
  open: boolean
  profile: Profile | null
  onClose: (saved?: Profile) => void
}): React.JSX.Element | null {
  if (!open) return null
  return <ProfileDialogBody profile={profile} onClose={onClose} key={profile?.id ?? 'new'} />
}

function ProfileDialogBody({
  profile,
  onClose,
}: {
  profile: Profile | null
  onClose: (saved?: Profile) => void
}): React.JSX.Element {
  const t = useT()
  const saveProfile = useSessionStore((store) => store.saveProfile)
  const [failure, setFailure] = useState<string | null>(null)
  const { control, handleSubmit, setError, formState } = useForm<ProfileValues>({
    resolver: codedResolver<ProfileValues>(profileSaveInput),
    defaultValues: profile
      ? { id: profile.id, name: profile.name, base_url: profile.base_url }
      : { name: '', base_url: 'http://' },
  })

  const baseUrl = useWatch({ control, name: 'base_url' })

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null)
    const result = await saveProfile(values)
    if (result.ok) {
      toast.success(t('session.profileSaved', { name: result.data.name }))
      onClose(result.data)
      return
    }
    const rest = applyFieldErrors(
      setError,
      result.error.fields,
      (name) => name === 'name' || name === 'base_url',
    )
    if (rest.length > 0 || !result.error.fields?.length) setFailure(messageFor(result.error))
  })

  const formId = 'profile-form'
  return (
    <Dialog
      open
      title={profile ? t('session.editProfile') : t('session.addProfile')}
      onClose={() => onClose()}
      size="sm"
      footer={
        <>
          <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" loading={formState.isSubmitting}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <form id={formId} className="stack" onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField
          control={control}
          name="name"
          label={t('session.profileName')}
          hint={t('session.profileNameHint')}
          required
        />
        <TextField
          control={control}
          name="base_url"
          type="url"
          label={t('session.profileUrl')}
          hint={t('session.profileUrlHint')}
          mono
          required
        />
        {sendsInClear(baseUrl ?? '') && (
          <Banner tone="warning">
            <span data-testid="profile-insecure">{t('session.insecureUrl')}</span>
          </Banner>
        )}
        {failure && <Banner tone="danger">{failure}</Banner>}
      </form>
    </Dialog>
  )
}

import { useId, useState } from 'react'
import { useForm, type FieldValues, type UseFormReturn } from 'react-hook-form'
import { useT } from '../../app/useT'
import { z } from 'zod'
import { role as roleSchema, userCreate, userUpdate, type User } from '@shared/api'
import type { IpcError } from '@shared/ipc'
import { users as usersResource } from '@shared/resources'
import { codedResolver } from '../../app/form-resolver'
import { formatDateTime } from '../../app/format'
import { currentLanguage } from '../../app/i18n'
import { messageFor } from '../../app/messages'
import { useIpcQuery } from '../../app/queries'
import { replaceParams } from '../../app/router'
import { useShortcut } from '../../app/shortcuts'
import { Button, IconButton } from '../../components/Button'
import { ConfirmDialog } from '../../components/Dialog'
import { FieldLimitsProvider, Select, Switch, TextField } from '../../components/fields'
import { applyFieldErrors } from '../../components/form-errors'
import { Banner, LoadingState } from '../../components/states'
import { toast } from '../../components/toast-store'
import { invoke } from '../../ipc/client'
import { repeatMatches } from '../session/passwords'
import { guardsFor, type UserGuard } from './guards'
import { NewPasswordFields } from './NewPasswordFields'
import { SetPasswordDialog } from './SetPasswordDialog'

const createSchema = userCreate.extend({ password_repeat: z.string() })
const editSchema = userUpdate.omit({ password: true, version: true })
type CreateForm = z.input<typeof createSchema>
type EditForm = z.input<typeof editSchema>

const BLANK: CreateForm = {
  login: '',
  password: '',
  password_repeat: '',
  role: 'viewer',
  surname: null,
  first_name: null,
  patronymic: null,
  email: null,
  comment: null,
  active: true,
}

function toEditForm(user: User): EditForm {
  const { login, role, surname, first_name, patronymic, email, comment, active } = user
  return { login, role, surname, first_name, patronymic, email, comment, active }
}

export interface UserEditorProps {
  /** The user as the list has it; null for a new one, or while it loads by id. */
  user: User | null
  /** The user to edit (not in the filtered list: read by id); null for a new one. */
  userId: number | null
  meId: number | null
  activeAdmins: number
  online: boolean
  onClose: () => void
}

/** The pane of one user (or a new one): its fields, a new password, delete — each guard shown before the click. */
export function UserEditor({ userId, ...props }: UserEditorProps): React.JSX.Element {
  const fetched = useIpcQuery('users:get', userId !== null && !props.user ? { id: userId } : null)
  const user = props.user ?? fetched.data ?? null
  if (userId === null) return <UserPane {...props} user={null} />
  if (!user) {
    return (
      <aside className="detail-pane" data-testid="user-pane">
        {fetched.error ? (
          <Banner tone="danger" icon="alert">
            {messageFor(fetched.error as unknown as IpcError)}
          </Banner>
        ) : (
          <LoadingState />
        )}
      </aside>
    )
  }
  return <UserPane {...props} user={user} key={`${user.id}:${user.version}`} />
}

function guardText(texts: { lastAdmin: string; self: string }, guard: UserGuard | null): string | null {
  if (guard === 'last_admin') return texts.lastAdmin
  if (guard === 'self') return texts.self
  return null
}

function UserPane({
  user,
  meId,
  activeAdmins,
  online,
  onClose,
}: Omit<UserEditorProps, 'userId'>): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  const [refusal, setRefusal] = useState<IpcError | null>(null)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [settingPassword, setSettingPassword] = useState(false)
  const [busy, setBusy] = useState(false)
  const deleteReasonId = useId()
  const createForm = useForm<CreateForm>({
    resolver: codedResolver<CreateForm>(createSchema),
    defaultValues: BLANK,
    mode: 'onTouched',
  })
  const editForm = useForm<EditForm>({
    resolver: codedResolver<EditForm>(editSchema),
    defaultValues: user ? toEditForm(user) : undefined,
    mode: 'onTouched',
  })
  useShortcut('escape', onClose)

  const guards = user ? guardsFor(user, meId, activeAdmins) : null
  const reasons = { lastAdmin: t('users.guardLastAdmin'), self: t('users.guardSelf') }
  const roleReason = guardText(reasons, guards?.role ?? null)
  const activeReason = guardText(reasons, guards?.deactivate ?? null)
  const deleteReason = guardText(reasons, guards?.delete ?? null)

  /** A refusal: at its fields when it names them (a taken login at «Логин»), else in the banner. */
  const refused = <T extends FieldValues>(form: UseFormReturn<T>, error: IpcError) => {
    const values = form.getValues() as Record<string, unknown>
    const fields = [...(error.fields ?? [])]
    if (error.reason?.code === 'login_taken') {
      fields.push({
        path: ['login'],
        code: 'login_taken',
        params: error.reason.params,
        message: error.message,
      })
    }
    const rest = applyFieldErrors(form.setError, fields, (name) => name in values)
    setRefusal(rest.length > 0 || fields.length === 0 ? error : null)
  }

  const submitCreate = createForm.handleSubmit(async (values) => {
    setRefusal(null)
    const { password_repeat: repeat, ...body } = values
    if (!repeatMatches(createForm.setError, 'password_repeat', body.password, repeat)) return
    const result = await invoke('users:create', body)
    if (!result.ok) return refused(createForm, result.error)
    createForm.reset(BLANK)
    toast.success(t('users.created', { login: result.data.login }))
    replaceParams(result.data.id)
  })

  const submitEdit = editForm.handleSubmit(async (values) => {
    if (!user) return
    setRefusal(null)
    const result = await invoke('users:update', { id: user.id, user: { ...values, version: user.version } })
    if (!result.ok) return refused(editForm, result.error)
    toast.success(t('users.saved', { login: result.data.login }))
  })

  const remove = async () => {
    if (!user) return
    setConfirmDelete(false)
    setBusy(true)
    setRefusal(null)
    const result = await invoke('users:delete', { id: user.id, version: user.version })
    setBusy(false)
    if (!result.ok) return setRefusal(result.error)
    toast.success(t('users.deleted', { login: user.login }))
    onClose()
  }

  const title = user
    ? user.name !== user.login
      ? `${user.name} (${user.login})`
      : user.login
    : t('users.newTitle')
  const common = (control: typeof editForm.control) => (
    <>
      <Select
        control={control}
        name="role"
        label={t('users.role')}
        options={roleSchema.options.map((value) => ({ value, label: t(`roles.${value}`) }))}
        disabled={Boolean(roleReason)}
        hint={roleReason ?? (user ? t('users.sessionsEnd') : undefined)}
      />
      <TextField control={control} name="surname" label={t('users.surname')} emptyAsNull autoComplete="off" />
      <TextField
        control={control}
        name="first_name"
        label={t('users.firstName')}
        emptyAsNull
        autoComplete="off"
      />
      <TextField
        control={control}
        name="patronymic"
        label={t('users.patronymic')}
        emptyAsNull
        autoComplete="off"
      />
      <TextField
        control={control}
        name="email"
        type="email"
        label={t('users.email')}
        emptyAsNull
        autoComplete="off"
      />
      <TextField control={control} name="comment" label={t('users.comment')} emptyAsNull multiline rows={2} />
      <Switch
        control={control}
        name="active"
        label={t('users.active')}
        disabled={Boolean(activeReason)}
        hint={activeReason ?? undefined}
      />
    </>
  )

  return (
    <aside className="detail-pane users-pane" aria-label={title} data-testid="user-pane">
      <section className="editor">
        <header className="editor__header">
          <h2 className="editor__title">{title}</h2>
          <IconButton icon="close" label={t('editor.close')} shortcut="escape" onClick={onClose} />
        </header>
        <div className="editor__body">
          {!online && (
            <Banner tone="warning" icon="offline">
              {t('users.offline')}
            </Banner>
          )}
          {refusal && (
            <Banner tone="danger" icon="alert">
              <span data-testid="user-refused">{messageFor(refusal)}</span>
            </Banner>
          )}
          {user && (
            <p className="muted">
              {t('users.lastLogin')}:{' '}
              {user.last_login_at ? formatDateTime(user.last_login_at, language) : t('users.never')}
            </p>
          )}
          <FieldLimitsProvider limits={usersResource.limits}>
            {user ? (
              <form
                id="user-form"
                className="editor__form stack"
                noValidate
                onSubmit={(event) => void submitEdit(event)}
              >
                <TextField
                  control={editForm.control}
                  name="login"
                  label={t('users.login')}
                  hint={t('users.loginHint')}
                  autoComplete="off"
                  required
                />
                {common(editForm.control)}
              </form>
            ) : (
              <form
                id="user-form"
                className="editor__form stack"
                noValidate
                onSubmit={(event) => void submitCreate(event)}
              >
                <TextField
                  control={createForm.control}
                  name="login"
                  label={t('users.login')}
                  hint={t('users.loginHint')}
                  autoComplete="off"
                  autoFocus
                  required
                />
                <NewPasswordFields control={createForm.control} />
                {common(createForm.control as unknown as typeof editForm.control)}
              </form>
            )}
          </FieldLimitsProvider>
        </div>
        <footer className="editor__footer">
          {user && (
            <>
              <Button
                variant="ghost"
                icon="trash"
                disabled={!online || Boolean(deleteReason)}
                aria-describedby={deleteReason ? deleteReasonId : undefined}
                loading={busy}
                onClick={() => setConfirmDelete(true)}
                data-testid="user-delete"
              >
                {t('users.delete')}
              </Button>
              {deleteReason && (
                <span
                  className="editor__delete-reason muted"
                  id={deleteReasonId}
                  data-testid="user-delete-blocked"
                >
                  {deleteReason}
                </span>
              )}
              <Button
                icon="lock"
                disabled={!online}
                onClick={() => setSettingPassword(true)}
                data-testid="user-set-password"
              >
                {t('users.setPassword')}
              </Button>
            </>
          )}
          <span className="spacer" />
          <Button
            variant="primary"
            icon="check"
            type="submit"
            form="user-form"
            disabled={!online}
            loading={(user ? editForm : createForm).formState.isSubmitting}
            data-testid="user-save"
          >
            {user ? t('users.save') : t('users.createSubmit')}
          </Button>
        </footer>
      </section>
      {user && (
        <ConfirmDialog
          open={confirmDelete}
          title={t('users.deleteTitle', { login: user.login })}
          message={t('users.deleteText')}
          confirmLabel={t('users.delete')}
          danger
          onConfirm={() => void remove()}
          onCancel={() => setConfirmDelete(false)}
        />
      )}
      {user && settingPassword && <SetPasswordDialog user={user} onClose={() => setSettingPassword(false)} />}
    </aside>
  )
}

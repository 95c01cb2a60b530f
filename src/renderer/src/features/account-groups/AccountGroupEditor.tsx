import { useEffect, useMemo, useState } from 'react'
import { useWatch } from 'react-hook-form'
import { useT } from '../../app/useT'
import type { Ladder } from '@shared/api'
import { createRefTo, opIdOfRef } from '@shared/ipc'
import { useNewEntityDrafts } from '../drafts/store'
import { useCreatedId } from '../drafts/synced'
import { hrefTo } from '../../app/router'
import { EntityEditorFrame } from '../entities/EntityEditor'
import { Select, Switch, TextField, type SelectOption } from '../../components/fields'
import { Icon } from '../../components/Icon'
import { Button } from '../../components/Button'
import { MoveAccountsDialog } from '../accounts/MoveAccountsDialog'
import { useEditorPane, type EditorPaneProps } from '../entities/useEditorPane'
import './account-groups.css'
import { accountGroupForm, accountGroupToForm } from './form'

export function AccountGroupEditor({
  ladders,
  ...props
}: EditorPaneProps<'account_group'> & { ladders: readonly Ladder[] }): React.JSX.Element {
  const t = useT()
  const pane = useEditorPane('account_group', props, {
    toForm: accountGroupToForm,
    schema: accountGroupForm,
    newTitle: t('accountGroups.newTitle'),
  })
  const { server, editor } = pane
  const { control } = editor.form
  const ladderId = useWatch({ control, name: 'ladder_id' })
  // Ladders created here that wait in the outbox (offline): choosable, the group is sent once the ladder lands.
  const newLadderRows = useNewEntityDrafts('ladder')
  const newLadders = useMemo(() => newLadderRows.filter((row) => row.kind === 'outbox'), [newLadderRows])
  const pendingOpId = opIdOfRef(ladderId)
  const landedId = useCreatedId([pendingOpId])
  useEffect(() => {
    if (landedId !== null && pendingOpId !== null) {
      editor.form.setValue('ladder_id', landedId, { shouldDirty: true })
    }
  }, [landedId, pendingOpId, editor.form])
  const [moving, setMoving] = useState(false)

  const ladderOptions = useMemo<SelectOption[]>(() => {
    const options = [...ladders]
      .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name))
      .map((ladder) => ({
        value: String(ladder.id),
        label: ladder.active ? ladder.name : t('accountGroups.ladderInactive', { name: ladder.name }),
      }))
    for (const row of newLadders) {
      options.push({
        value: createRefTo(row.id),
        label: t('accountGroups.ladderPending', { name: row.title || t('drafts.untitled') }),
      })
    }
    // The group's ladder may be missing from the cache (deleted, or not fetched yet): keep it choosable.
    for (const id of [ladderId, server?.ladder_id]) {
      if (typeof id === 'number' && !options.some((option) => option.value === String(id))) {
        options.push({ value: String(id), label: t('accountGroups.ladderMissing', { id }) })
      }
      if (typeof id === 'string' && !options.some((option) => option.value === id)) {
        options.push({ value: id, label: t('accountGroups.ladderPending', { name: t('drafts.untitled') }) })
      }
    }
    return options
  }, [ladders, ladderId, server, newLadders, t])

  if (pane.message) return <>{pane.message}</>

  const ladder = typeof ladderId === 'number' ? ladders.find((item) => item.id === ladderId) : undefined
  const accounts = server?.accounts_count ?? 0

  return (
    <EntityEditorFrame
      {...pane.frame}
      deleteBlocked={accounts > 0 ? t('accountGroups.deleteBlocked') : null}
      after={
        server && (
          <>
            <dl className="props" data-testid="group-accounts">
              <div className="props__row">
                <dt>{t('accountGroups.accounts')}</dt>
                <dd>
                  {accounts > 0
                    ? t('accountGroups.accountsInGroup', { count: accounts })
                    : t('accountGroups.accountsNone')}
                  {accounts > 0 && !editor.readOnly && (
                    <p className="field__hint">{t('accountGroups.accountsBlockDelete')}</p>
                  )}
                </dd>
              </div>
            </dl>
            {accounts > 0 && !editor.readOnly && (
              <Button
                size="sm"
                icon="group"
                onClick={() => setMoving(true)}
                data-testid="group-move-accounts"
              >
                {t('accountGroups.moveAccounts')}
              </Button>
            )}
            <MoveAccountsDialog
              open={moving}
              source={{ kind: 'group', groupId: server.id }}
              groups={props.items}
              ladders={ladders}
              onClose={() => setMoving(false)}
            />
          </>
        )
      }
    >
      <TextField control={control} name="name" label={t('accountGroups.name')} autoComplete="off" />
      <TextField
        control={control}
        name="description"
        label={t('accountGroups.description')}
        hint={t('accountGroups.descriptionHint')}
        multiline
        rows={3}
        emptyAsNull
      />
      <div className="group-ladder">
        <Select
          control={control}
          name="ladder_id"
          label={t('accountGroups.ladder')}
          hint={t('accountGroups.ladderHint')}
          options={ladderOptions}
          emptyLabel={t('accountGroups.ladderNone')}
          numeric
        />
        {ladder && (
          <a
            className="group-ladder__link"
            href={hrefTo('ladders', ladder.id)}
            title={t('accountGroups.openLadder', { name: ladder.name })}
            aria-label={t('accountGroups.openLadder', { name: ladder.name })}
          >
            <Icon name="ladder" />
          </a>
        )}
      </div>
      <Switch control={control} name="active" label={t('accountGroups.active')} />
    </EntityEditorFrame>
  )
}

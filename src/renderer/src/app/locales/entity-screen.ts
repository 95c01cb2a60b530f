import { defineTexts } from './define'

/** Texts the list-and-editor screens share (identifier types, account groups). */
export const entityScreen = defineTexts(
  {
    newItems: 'Новые, ещё не на сервере',
    openNew: 'Открыть «{{title}}»',
    creating: 'Запись создаётся на сервере…',
    gone: 'Записи больше нет',
    goneText: 'Её удалили на сервере или на этом компьютере. Список обновлён.',
    deleted: '«{{title}}» удалено',
    deletePending: 'Удаление ждёт отправки на сервер.',
    deleteRefused: 'Сервер отказался удалять: {{message}}',
    cancelDelete: 'Отменить удаление',
    deleteCancelled: 'Удаление отменено',
    notFoundDraft: 'Черновик не найден: возможно, он уже отправлен или отменён.',
    backToList: 'К списку',
    badId: 'Такой записи нет',
  },
  {
    newItems: 'New, not on the server yet',
    openNew: 'Open “{{title}}”',
    creating: 'Creating it on the server…',
    gone: 'This is gone',
    goneText: 'It was deleted on the server or on this computer. The list is up to date.',
    deleted: '“{{title}}” deleted',
    deletePending: 'The delete is waiting to be sent to the server.',
    deleteRefused: 'The server refused to delete it: {{message}}',
    cancelDelete: 'Cancel the delete',
    deleteCancelled: 'The delete is cancelled',
    notFoundDraft: 'The draft is not found: it may have been sent or discarded already.',
    backToList: 'Back to the list',
    badId: 'There is no such record',
  },
)

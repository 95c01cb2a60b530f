import { defineTexts } from './define'

export const common = defineTexts(
  {
    appName: 'ProBonus Admin',
    yes: 'да',
    no: 'нет',
    close: 'Закрыть',
    cancel: 'Отмена',
    save: 'Сохранить',
    publish: 'Опубликовать',
    discard: 'Отменить правки',
    delete: 'Удалить',
    edit: 'Изменить',
    create: 'Создать',
    add: 'Добавить',
    retry: 'Повторить',
    refresh: 'Обновить',
    back: 'Назад',
    open: 'Открыть',
    loading: 'Загрузка…',
    saving: 'Сохранение…',
    required: 'обязательное поле',
    dismiss: 'Скрыть уведомление',
    notifications: 'Уведомления',
    errorTitle: 'Не удалось загрузить данные',
    never: 'никогда',
    notSet: 'не задано',
    active: 'Активна',
    inactive: 'Неактивна',
    readOnly: 'Только просмотр',
  },
  {
    appName: 'ProBonus Admin',
    yes: 'yes',
    no: 'no',
    close: 'Close',
    cancel: 'Cancel',
    save: 'Save',
    publish: 'Publish',
    discard: 'Discard changes',
    delete: 'Delete',
    edit: 'Edit',
    create: 'Create',
    add: 'Add',
    retry: 'Retry',
    refresh: 'Refresh',
    back: 'Back',
    open: 'Open',
    loading: 'Loading…',
    saving: 'Saving…',
    required: 'required',
    dismiss: 'Dismiss notification',
    notifications: 'Notifications',
    errorTitle: 'Could not load the data',
    never: 'never',
    notSet: 'not set',
    active: 'Active',
    inactive: 'Inactive',
    readOnly: 'Read-only',
  },
)

export const table = defineTexts(
  {
    filter: 'Фильтр',
    count_one: '{{count, number}} строка',
    count_few: '{{count, number}} строки',
    count_many: '{{count, number}} строк',
    count_other: '{{count, number}} строки',
    countFiltered: 'Показано {{shown, number}} из {{total, number}}',
    sortBy: 'Сортировать по столбцу «{{column}}»',
    empty: 'Здесь пока пусто',
    noMatches: 'Ничего не найдено по запросу «{{query}}»',
  },
  {
    filter: 'Filter',
    count_one: '{{count, number}} row',
    count_few: '{{count, number}} rows',
    count_many: '{{count, number}} rows',
    count_other: '{{count, number}} rows',
    countFiltered: 'Showing {{shown, number}} of {{total, number}}',
    sortBy: 'Sort by “{{column}}”',
    empty: 'Nothing here yet',
    noMatches: 'Nothing matches “{{query}}”',
  },
)

export const validation = defineTexts(
  {
    notANumber: 'Введите число',
  },
  {
    notANumber: 'Enter a number',
  },
)

export const shortcuts = defineTexts(
  {
    title: 'Клавиши',
    search: 'Поиск',
    save: 'Сохранить',
    cancel: 'Отменить или закрыть',
  },
  {
    title: 'Keys',
    search: 'Search',
    save: 'Save',
    cancel: 'Cancel or close',
  },
)

export const roles = defineTexts(
  {
    admin: 'Администратор',
    marketing: 'Маркетолог',
    viewer: 'Наблюдатель',
  },
  {
    admin: 'Administrator',
    marketing: 'Marketing',
    viewer: 'Viewer',
  },
)

export const entities = defineTexts(
  {
    ladder: 'Лестница',
    account_group: 'Группа счетов',
    identifier_type: 'Тип идентификатора',
    rk_discount: 'Скидка RK',
    account: 'Счёт',
    operation: 'Операция',
    settings: 'Настройки программы',
    user: 'Пользователь',
  },
  {
    ladder: 'Ladder',
    account_group: 'Account group',
    identifier_type: 'Identifier type',
    rk_discount: 'RK discount',
    account: 'Account',
    operation: 'Operation',
    settings: 'Program settings',
    user: 'User',
  },
)

/** Generic texts per IPC error code: shown when a screen has nothing more specific to say. */
export const errors = defineTexts(
  {
    bad_request: 'Запрос отклонён: данные не соответствуют формату',
    offline: 'Сервер недоступен. Правки сохраняются как черновики и отправятся, когда связь вернётся',
    unauthorized: 'Нужно войти снова',
    forbidden: 'Вашей роли это действие недоступно',
    not_found: 'Запись не найдена: возможно, её удалили',
    conflict: 'Запись изменили на сервере после вас',
    validation: 'Проверьте выделенные поля',
    throttled: 'Слишком много попыток. Повторите через {{seconds}} с',
    server: 'Ошибка сервера. Попробуйте позже',
    internal: 'Внутренняя ошибка приложения',
    cancelled: 'Запрос отменён',
    not_probonus: 'По этому адресу отвечает не сервер ProBonus',
    boundaryTitle: 'Что-то пошло не так',
    boundaryText: 'Экран не смог отрисоваться. Черновики в сохранности.',
    boundaryReload: 'Перезагрузить окно',
    boundaryRetry: 'Попробовать снова',
  },
  {
    bad_request: 'The request was refused: the data does not match the format',
    offline: 'The server is unreachable. Edits are kept as drafts and sent when it is back',
    unauthorized: 'Please log in again',
    forbidden: 'Your role may not do this',
    not_found: 'Not found: it may have been deleted',
    conflict: 'Someone changed this on the server after you',
    validation: 'Check the highlighted fields',
    throttled: 'Too many attempts. Try again in {{seconds}} s',
    server: 'Server error. Try again later',
    internal: 'Internal error of the app',
    cancelled: 'The request was cancelled',
    not_probonus: 'The server at this address is not a ProBonus server',
    boundaryTitle: 'Something went wrong',
    boundaryText: 'The screen could not be drawn. Your drafts are safe.',
    boundaryReload: 'Reload the window',
    boundaryRetry: 'Try again',
  },
)

import { defineTexts } from './define'

export const session = defineTexts(
  {
    title: 'Вход в ProBonus',
    subtitle: 'Администрирование программы лояльности',
    profile: 'Сервер',
    profileHint: 'Адрес: {{url}}',
    noProfiles: 'Серверов пока нет. Добавьте сервер ProBonus, чтобы войти.',
    addProfile: 'Добавить сервер',
    editProfile: 'Изменить сервер',
    removeProfile: 'Удалить сервер',
    removeProfileTitle: 'Удалить сервер «{{name}}»?',
    removeProfileText:
      'Профиль сервера будет удалён из списка. Черновики, сохранённые для этого сервера, останутся на диске.',
    profileRemoved: 'Сервер «{{name}}» удалён',
    profileSaved: 'Сервер «{{name}}» сохранён',
    profileName: 'Название',
    profileNameHint: 'Как сервер будет называться в списке, например «Офис» или «Песочница»',
    profileUrl: 'Адрес сервера',
    profileUrlHint: 'Корень сервера без /api/v0, например http://127.0.0.1:8777',
    insecureUrl:
      'Адрес без шифрования (http://) ведёт на другой компьютер: пароль и данные можно перехватить в сети. Используйте https://, если сервер его поддерживает.',
    insecureLoginConfirm:
      'Сервер {{url}} подключён без шифрования: пароль уйдёт по сети открытым текстом. Отправить его всё равно?',
    insecureLoginSend: 'Отправить без шифрования',
    username: 'Логин',
    password: 'Пароль',
    submit: 'Войти',
    submitting: 'Входим…',
    wrongPassword: 'Неверный логин или пароль',
    unreachable: 'Сервер {{url}} не отвечает. Проверьте адрес и подключение к сети.',
    notProbonus:
      'По адресу {{url}} отвечает не сервер ProBonus. Проверьте адрес и порт в настройках сервера.',
    throttled_one: 'Слишком много неудачных попыток. Повторите через {{count}} секунду.',
    throttled_few: 'Слишком много неудачных попыток. Повторите через {{count}} секунды.',
    throttled_many: 'Слишком много неудачных попыток. Повторите через {{count}} секунд.',
    throttled_other: 'Слишком много неудачных попыток. Повторите через {{count}} секунды.',
    throttledDone: 'Можно попробовать снова.',
    noProfileSelected: 'Выберите сервер',
    welcome: 'Добро пожаловать, {{name}}',
    expiredTitle: 'Сеанс истёк — войдите снова',
    expiredText_one:
      'Сервер завершил сеанс. Ваши правки сохранены: {{count}} черновик или правка в очереди никуда не денутся.',
    expiredText_few:
      'Сервер завершил сеанс. Ваши правки сохранены: {{count}} черновика или правки в очереди никуда не денутся.',
    expiredText_many:
      'Сервер завершил сеанс. Ваши правки сохранены: {{count}} черновиков или правок в очереди никуда не денутся.',
    expiredText_other:
      'Сервер завершил сеанс. Ваши правки сохранены: {{count}} черновика или правки в очереди никуда не денутся.',
    expiredTextNone: 'Сервер завершил сеанс. Войдите снова, чтобы продолжить работу.',
    expiredLogout: 'Выйти',
    restored: 'Сеанс восстановлен',
  },
  {
    title: 'Log in to ProBonus',
    subtitle: 'Loyalty program administration',
    profile: 'Server',
    profileHint: 'Address: {{url}}',
    noProfiles: 'No servers yet. Add a ProBonus server to log in.',
    addProfile: 'Add server',
    editProfile: 'Edit server',
    removeProfile: 'Remove server',
    removeProfileTitle: 'Remove server “{{name}}”?',
    removeProfileText:
      'The server profile is removed from the list. Drafts saved for this server stay on the disk.',
    profileRemoved: 'Server “{{name}}” removed',
    profileSaved: 'Server “{{name}}” saved',
    profileName: 'Name',
    profileNameHint: 'How the server is called in the list, e.g. “Office” or “Sandbox”',
    profileUrl: 'Server address',
    profileUrlHint: 'The server root without /api/v0, e.g. http://127.0.0.1:8777',
    insecureUrl:
      'This address is not encrypted (http://) and leads to another computer: the password and data can be read on the network. Use https:// if the server supports it.',
    insecureLoginConfirm:
      'The server {{url}} is not encrypted: the password will cross the network in clear. Send it anyway?',
    insecureLoginSend: 'Send unencrypted',
    username: 'Login',
    password: 'Password',
    submit: 'Log in',
    submitting: 'Logging in…',
    wrongPassword: 'Wrong login or password',
    unreachable: 'The server {{url}} does not answer. Check the address and the network connection.',
    notProbonus:
      'The server at {{url}} is not a ProBonus server. Check the address and the port in the server settings.',
    throttled_one: 'Too many failed attempts. Try again in {{count}} second.',
    throttled_few: 'Too many failed attempts. Try again in {{count}} seconds.',
    throttled_many: 'Too many failed attempts. Try again in {{count}} seconds.',
    throttled_other: 'Too many failed attempts. Try again in {{count}} seconds.',
    throttledDone: 'You can try again now.',
    noProfileSelected: 'Choose a server',
    welcome: 'Welcome, {{name}}',
    expiredTitle: 'Session expired — log in again',
    expiredText_one:
      'The server ended the session. Your edits are safe: {{count}} draft or queued edit is kept.',
    expiredText_few:
      'The server ended the session. Your edits are safe: {{count}} drafts or queued edits are kept.',
    expiredText_many:
      'The server ended the session. Your edits are safe: {{count}} drafts or queued edits are kept.',
    expiredText_other:
      'The server ended the session. Your edits are safe: {{count}} drafts or queued edits are kept.',
    expiredTextNone: 'The server ended the session. Log in again to go on.',
    expiredLogout: 'Log out',
    restored: 'Session restored',
  },
)

// The application menu in Russian and English: File, Edit, View, Window, Help with Electron's standard roles
// (labels given explicitly so they follow the app language, not Electron's English defaults). Pure: the
// template is built here and handed to Menu.buildFromTemplate by the caller.
import type { MenuItemConstructorOptions } from 'electron'

export type MenuLanguage = 'ru' | 'en'

const LABELS = {
  ru: {
    file: 'Файл',
    quit: 'Выход',
    edit: 'Правка',
    undo: 'Отменить',
    redo: 'Повторить',
    cut: 'Вырезать',
    copy: 'Копировать',
    paste: 'Вставить',
    selectAll: 'Выделить всё',
    view: 'Вид',
    reload: 'Перезагрузить',
    forceReload: 'Перезагрузить без кэша',
    devTools: 'Инструменты разработчика',
    resetZoom: 'Реальный размер',
    zoomIn: 'Увеличить',
    zoomOut: 'Уменьшить',
    fullScreen: 'Во весь экран',
    window: 'Окно',
    minimize: 'Свернуть',
    zoom: 'Масштабировать',
    close: 'Закрыть окно',
    help: 'Справка',
    about: 'О программе',
    openLogs: 'Открыть папку журналов',
    hide: 'Скрыть',
    hideOthers: 'Скрыть остальные',
    unhide: 'Показать все',
  },
  en: {
    file: 'File',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    forceReload: 'Force Reload',
    devTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Toggle Full Screen',
    window: 'Window',
    minimize: 'Minimize',
    zoom: 'Zoom',
    close: 'Close Window',
    help: 'Help',
    about: 'About',
    openLogs: 'Open Logs Folder',
    hide: 'Hide',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
  },
} as const satisfies Record<MenuLanguage, Record<string, string>>

/** `ru` for Russian locales (`ru`, `ru-RU`), else `en`. */
export function menuLanguageOf(locales: readonly string[]): MenuLanguage {
  const first = locales.find((locale) => typeof locale === 'string' && locale.length > 0) ?? 'ru'
  return first.toLowerCase().startsWith('ru') ? 'ru' : 'en'
}

export interface MenuOptions {
  language: MenuLanguage
  platform: NodeJS.Platform
  appName: string
  /** Developer tools and force reload only while developing. */
  development: boolean
  showAbout: () => void
  openLogs: () => void
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const t = LABELS[options.language]
  const mac = options.platform === 'darwin'
  const about = `${t.about} ${options.appName}`
  const separator: MenuItemConstructorOptions = { type: 'separator' }

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: options.appName,
          submenu: [
            { role: 'about', label: about },
            separator,
            { role: 'hide', label: `${t.hide} ${options.appName}` },
            { role: 'hideOthers', label: t.hideOthers },
            { role: 'unhide', label: t.unhide },
            separator,
            { role: 'quit', label: `${t.quit} ${options.appName}` },
          ],
        },
      ]
    : []

  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: t.reload },
    ...(options.development
      ? ([
          { role: 'forceReload', label: t.forceReload },
          { role: 'toggleDevTools', label: t.devTools },
        ] as MenuItemConstructorOptions[])
      : []),
    separator,
    { role: 'resetZoom', label: t.resetZoom },
    { role: 'zoomIn', label: t.zoomIn },
    { role: 'zoomOut', label: t.zoomOut },
    separator,
    { role: 'togglefullscreen', label: t.fullScreen },
  ]

  return [
    ...appMenu,
    { label: t.file, submenu: mac ? [{ role: 'close', label: t.close }] : [{ role: 'quit', label: t.quit }] },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        separator,
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        separator,
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    { label: t.view, submenu: view },
    {
      label: t.window,
      role: 'windowMenu',
      submenu: [
        { role: 'minimize', label: t.minimize },
        ...(mac ? [{ role: 'zoom', label: t.zoom } as MenuItemConstructorOptions] : []),
        { role: 'close', label: t.close },
      ],
    },
    {
      label: t.help,
      role: 'help',
      submenu: [
        ...(mac ? [] : [{ label: about, click: () => options.showAbout() }]),
        { label: t.openLogs, click: () => options.openLogs() },
      ],
    },
  ]
}

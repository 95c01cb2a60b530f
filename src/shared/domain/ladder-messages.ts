// Texts of every ladder issue code in Russian and English, in i18next interpolation syntax (`{{param}}`), so the
// renderer can load `ladderIssueTexts` as a namespace and the server can answer with the same English sentences.
// Params that name a field (`field`) are localized into `fieldName` by `ladderIssueParams`.
import type { LadderIssue, LadderIssueCode } from './ladder-rules'

export type LadderLang = 'ru' | 'en'

type IssueTexts = Record<LadderIssueCode, string>

const en: IssueTexts = {
  name_required: 'Enter the ladder name',
  basis_invalid: 'Choose what is accumulated: spend or visits',
  period_invalid: 'Choose the period: all time or the last N days',
  period_days_required: 'A rolling period needs the number of days (at least {{min}})',
  period_days_range: 'The number of days must be a whole number from {{min}} to {{max}}',
  period_days_ignored: 'The number of days is ignored: the ladder counts all time',
  flag_invalid: '{{fieldName}} must be yes or no',
  steps_count: 'A ladder has from {{min}} to {{max}} steps (now {{count}})',
  step_invalid: 'Step {{step}} is not a valid step',
  step_name_required: 'Step {{step}}: enter the step name',
  step_name_duplicate: 'Step {{step}}: the name "{{name}}" is already used by step {{other}}',
  threshold_invalid: 'Step {{step}}: enter the threshold as a number',
  threshold_range: 'Step {{step}}: the threshold must be from {{min}} to {{max}}',
  first_threshold_not_zero: 'The first step starts at 0 (now {{threshold}})',
  threshold_not_increasing:
    'Step {{step}}: the threshold {{threshold}} must be greater than {{previous}} of step {{previousStep}}',
  threshold_decimals: 'Step {{step}}: a spend threshold has at most {{decimals}} decimals (kopecks)',
  visits_threshold_not_integer: 'Step {{step}}: a visits threshold is a whole number of visits',
  step_without_benefit: 'Step {{step}} gives nothing: choose an RK discount, a bonus or a payment cap',
  rk_discount_invalid: 'Step {{step}}: the RK discount is not a valid id',
  rk_discount_missing: 'Step {{step}}: RK discount #{{id}} does not exist',
  rk_discount_inactive: 'Step {{step}}: RK discount "{{name}}" is inactive',
  percent_range: 'Step {{step}}: {{fieldName}} must be from {{min}} to {{max}} %',
  percent_decimals: 'Step {{step}}: {{fieldName}} has at most {{decimals}} decimals',
  benefit_decreases:
    'Step {{step}}: {{fieldName}} {{value}} is less than {{lowerValue}} on lower step {{lowerStep}}',
}

const ru: IssueTexts = {
  name_required: 'Введите название лестницы',
  basis_invalid: 'Выберите, что накапливается: сумма или визиты',
  period_invalid: 'Выберите период: всё время или последние N дней',
  period_days_required: 'Для скользящего периода укажите число дней (не меньше {{min}})',
  period_days_range: 'Число дней — целое от {{min}} до {{max}}',
  period_days_ignored: 'Число дней не учитывается: лестница считает за всё время',
  flag_invalid: '{{fieldName}}: выберите да или нет',
  steps_count: 'В лестнице от {{min}} до {{max}} ступеней (сейчас {{count}})',
  step_invalid: 'Ступень {{step}} заполнена неверно',
  step_name_required: 'Ступень {{step}}: введите название',
  step_name_duplicate: 'Ступень {{step}}: название «{{name}}» уже есть у ступени {{other}}',
  threshold_invalid: 'Ступень {{step}}: введите порог числом',
  threshold_range: 'Ступень {{step}}: порог должен быть от {{min}} до {{max}}',
  first_threshold_not_zero: 'Первая ступень начинается с 0 (сейчас {{threshold}})',
  threshold_not_increasing:
    'Ступень {{step}}: порог {{threshold}} должен быть больше {{previous}} у ступени {{previousStep}}',
  threshold_decimals:
    'Ступень {{step}}: у порога по сумме не больше {{decimals}} знаков после запятой (копейки)',
  visits_threshold_not_integer: 'Ступень {{step}}: порог по визитам — целое число визитов',
  step_without_benefit: 'Ступень {{step}} ничего не даёт: выберите скидку RK, бонус или лимит оплаты',
  rk_discount_invalid: 'Ступень {{step}}: неверный идентификатор скидки RK',
  rk_discount_missing: 'Ступень {{step}}: скидки RK №{{id}} нет в справочнике',
  rk_discount_inactive: 'Ступень {{step}}: скидка RK «{{name}}» неактивна',
  percent_range: 'Ступень {{step}}: {{fieldName}} — от {{min}} до {{max}} %',
  percent_decimals: 'Ступень {{step}}: {{fieldName}} — не больше {{decimals}} знаков после запятой',
  benefit_decreases:
    'Ступень {{step}}: {{fieldName}} {{value}} меньше, чем {{lowerValue}} на нижней ступени {{lowerStep}}',
}

/** Every issue code's text in both languages; load as an i18next namespace. */
export const ladderIssueTexts: Record<LadderLang, IssueTexts> = { ru, en }

/** Names of the fields that issue params refer to (`field` → `fieldName`). */
export const ladderFieldNames: Record<LadderLang, Record<string, string>> = {
  en: {
    bonus_percent: 'bonus %',
    max_payment_percent: 'max payment with bonus %',
    rk_discount_id: 'RK discount',
    downgrade: 'Downgrade',
    active: 'Active',
  },
  ru: {
    bonus_percent: 'бонус, %',
    max_payment_percent: 'лимит оплаты бонусами, %',
    rk_discount_id: 'скидка RK',
    downgrade: 'Понижение ступени',
    active: 'Активна',
  },
}

/** The issue's params plus `fieldName` in `lang`: pass them to i18next's `t(issue.code, params)`. */
export function ladderIssueParams(
  issue: Pick<LadderIssue, 'params'>,
  lang: LadderLang,
): Record<string, string | number> {
  const params = { ...issue.params }
  const field = params.field
  if (field !== undefined) params.fieldName = ladderFieldNames[lang][String(field)] ?? String(field)
  return params
}

/** The issue's sentence in `lang`, params interpolated as i18next would. */
export function ladderIssueMessage(issue: Pick<LadderIssue, 'code' | 'params'>, lang: LadderLang): string {
  const template = ladderIssueTexts[lang][issue.code] ?? ladderIssueTexts.en[issue.code] ?? issue.code
  const params = ladderIssueParams(issue, lang)
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
    params[key] === undefined ? whole : String(params[key]),
  )
}

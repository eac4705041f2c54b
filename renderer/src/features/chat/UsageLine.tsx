import type { Usage } from '../../../../electron/contract';
import { useLocale, useT } from '../../i18n';
import { formatNumber } from './format';

/** Tokens of one answer: input, output and, for thinking answers, how many went to reasoning. */
export function UsageLine({ usage }: { usage: Usage }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const n = (v: number) => formatNumber(v, locale);
  return (
    <p className="usage">
      {t('usage.tokens', { input: n(usage.promptTokens), output: n(usage.completionTokens) })}
      {usage.reasoningTokens ? ` · ${t('usage.reasoning', { reasoning: n(usage.reasoningTokens) })}` : ''}
    </p>
  );
}

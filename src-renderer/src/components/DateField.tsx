// A date typed the way the console's language writes it (see date-text.ts), with the
// pattern shown and said, and a clear error in that language for what is not a date.
// A valid date applies as soon as it is complete; what is not a date is reported when the
// field is left, and then no date applies (the field and the filter always agree).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { datePlaceholder, formatDateText, parseDateText } from './date-text';
import { Field } from './ui';

interface DateFieldProps {
  label: string;
  /** "YYYY-MM-DD", or '' for no date. */
  value: string;
  onChange(value: string): void;
  className?: string;
}

export function DateField({ label, value, onChange, className }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [text, setText] = useState(() => formatDateText(value, language));
  const [invalid, setInvalid] = useState(false);
  // The last value this field sent: its echo must not rewrite what the user is typing.
  const sent = useRef(value);

  const emit = (next: string) => {
    sent.current = next;
    if (next !== value) onChange(next);
  };

  // A value set from outside (Clear filters) or a language switch rewrites the text; the
  // echo of what this field just sent does not (it would reformat "1/2/2026" mid-typing).
  const shownLanguage = useRef(language);
  useEffect(() => {
    const echo = value === sent.current && language === shownLanguage.current;
    shownLanguage.current = language;
    if (echo) return;
    sent.current = value;
    setText(formatDateText(value, language));
    setInvalid(false);
  }, [value, language]);

  const pattern = datePlaceholder(language, {
    day: t('app.date.day'),
    month: t('app.date.month'),
    year: t('app.date.year'),
  });

  const settle = () => {
    const parsed = parseDateText(text, language);
    setInvalid(!parsed.ok);
    if (parsed.ok) setText(formatDateText(parsed.value, language));
    emit(parsed.ok ? parsed.value : '');
  };

  return (
    <Field
      label={label}
      className={className}
      help={t('app.date.help', { pattern })}
      helpHidden
      error={invalid ? t('app.date.invalid', { pattern }) : undefined}
    >
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          placeholder={pattern}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            const parsed = parseDateText(event.target.value, language, { twoDigitYear: false });
            if (parsed.ok) {
              setInvalid(false);
              emit(parsed.value);
            }
          }}
          onBlur={settle}
          onKeyDown={(event) => {
            if (event.key === 'Enter') settle();
          }}
        />
      )}
    </Field>
  );
}

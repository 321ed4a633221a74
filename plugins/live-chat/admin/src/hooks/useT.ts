import { useIntl } from 'react-intl';
import { t } from '../pluginId';

type Values = Record<string, string | number>;

/** formatMessage in the plugin's namespace: every string of the screens goes through translations. */
export function useT() {
  const { formatMessage } = useIntl();
  return (key: string, defaultMessage: string, values?: Values): string =>
    formatMessage({ id: t(key), defaultMessage }, values);
}

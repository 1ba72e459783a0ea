import { useI18n } from "vue-i18n";

/** An organisation's name from its id (the directory's names once it lands; the demo street's until then). */
export function useOrgName() {
  const { t, te } = useI18n();
  return (id: string | null | undefined) => (!id ? "" : te(`org.${id}`) ? t(`org.${id}`) : id);
}
